/// Any member name: the keys of an object that its declared properties do not name.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(_ stringValue: String) { self.stringValue = stringValue }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

// `additionalProperties` beside declared properties: generated structs keep every other member of
// the object in a dictionary, decoded as the schema says, and write it back when encoding.
// Both are inlinable so that each generated struct gets them specialized for its own keys and
// value type (no generic metadata lookups per object), and a name is tested with the keys' own
// `init(stringValue:)` (a switch) instead of a set built per object: decoding a page of Brevo
// processes spent more than half its time here.
extension Decoder {
    /// The members of the object being decoded whose names are not among `declared`'s cases.
    @inlinable
    public func additionalProperties<Value: Decodable, Keys: CodingKey & CaseIterable>(
        excluding declared: Keys.Type
    ) throws -> [String: Value] {
        let container = try container(keyedBy: AnyCodingKey.self)
        var values: [String: Value] = [:]
        for key in container.allKeys where Keys(stringValue: key.stringValue) == nil {
            values[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return values
    }
}

extension Encoder {
    /// Writes `values` as members of the object being encoded, in name order; a name that a declared
    /// property has is skipped, so the typed property always wins.
    @inlinable
    public func encodeAdditionalProperties<Value: Encodable, Keys: CodingKey & CaseIterable>(
        _ values: [String: Value], excluding declared: Keys.Type
    ) throws {
        guard !values.isEmpty else { return }
        var container = container(keyedBy: AnyCodingKey.self)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) where Keys(stringValue: name) == nil {
            try container.encode(value, forKey: AnyCodingKey(name))
        }
    }
}
