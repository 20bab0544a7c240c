/// Any member name: the keys of an object that its declared properties do not name.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(_ stringValue: String) { self.stringValue = stringValue }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

// `additionalProperties` beside declared properties: generated structs keep every other member of
// the object in a dictionary, decoded as the schema says, and write it back when encoding. Their
// keys are string literals and their declared names a `Set` built once per type; both functions are
// inlinable so that each struct gets them specialized for its own value type.
extension AnyCodingKey: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.stringValue = value }
}

extension KeyedDecodingContainer where Key == AnyCodingKey {
    /// The members of the object whose names are not in `declared`.
    @inlinable
    public func additionalProperties<Value: Decodable>(excluding declared: Set<String>) throws -> [String: Value] {
        var values: [String: Value] = [:]
        for key in allKeys where !declared.contains(key.stringValue) {
            values[key.stringValue] = try decode(Value.self, forKey: key)
        }
        return values
    }
}

extension KeyedEncodingContainer where Key == AnyCodingKey {
    /// Writes `values` as members, in name order; a name in `declared` is skipped, so the typed
    /// property always wins.
    @inlinable
    public mutating func encodeAdditionalProperties<Value: Encodable>(
        _ values: [String: Value], excluding declared: Set<String>
    ) throws {
        guard !values.isEmpty else { return }  // the common case: no sort, no array
        for (name, value) in values.sorted(by: { $0.key < $1.key }) where !declared.contains(name) {
            try encode(value, forKey: AnyCodingKey(name))
        }
    }
}
