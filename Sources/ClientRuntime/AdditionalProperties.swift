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
extension Decoder {
    /// The members of the object being decoded whose names are not among `declared`'s cases.
    public func additionalProperties<Value: Decodable, Keys: CodingKey & CaseIterable>(
        excluding declared: Keys.Type
    ) throws -> [String: Value] {
        let names = Set(Keys.allCases.map(\.stringValue))
        let container = try container(keyedBy: AnyCodingKey.self)
        var values: [String: Value] = [:]
        for key in container.allKeys where !names.contains(key.stringValue) {
            values[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return values
    }
}

extension Encoder {
    /// Writes `values` as members of the object being encoded, in name order; a name that a declared
    /// property has is skipped, so the typed property always wins.
    public func encodeAdditionalProperties<Value: Encodable, Keys: CodingKey & CaseIterable>(
        _ values: [String: Value], excluding declared: Keys.Type
    ) throws {
        let names = Set(Keys.allCases.map(\.stringValue))
        var container = container(keyedBy: AnyCodingKey.self)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) where !names.contains(name) {
            try container.encode(value, forKey: AnyCodingKey(name))
        }
    }
}
