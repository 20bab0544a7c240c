/// A value that may be `null`, for a member that may also be left out: generated structs declare a
/// property that is both optional and nullable as `Nullable<Value>?`, so each of its three states is
/// distinct, when decoded and when sent:
///
/// ```swift
/// body.note = nil              // left out: the member is not sent
/// body.note = .null            // sent as `"note": null` (PATCH: "clear it")
/// body.note = .value("hello")  // sent as `"note": "hello"`
/// ```
///
/// Members that are only optional, or only nullable, stay plain optionals.
public enum Nullable<Value> {
    /// The member was (or is to be) sent as `null`.
    case null
    /// The member holds a value. Stored out of line, so a struct can hold itself through it.
    indirect case value(Value)

    /// `nil` becomes `.null`.
    public init(_ value: Value?) {
        self = value.map(Nullable.value) ?? .null
    }

    /// The value, or nil for `.null`.
    public var value: Value? {
        if case .value(let value) = self { value } else { nil }
    }
}

extension Nullable: Sendable where Value: Sendable {}
extension Nullable: Equatable where Value: Equatable {}
extension Nullable: Hashable where Value: Hashable {}

extension Nullable: Decodable where Value: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Value.self))
    }
}

extension Nullable: Encodable where Value: Encodable {
    /// Through a container, so the encoder sees the value itself (a UUID is written in lower case).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .value(let value): try container.encode(value)
        }
    }
}

extension KeyedDecodingContainer {
    /// A `Nullable<Value>?` member: nil only when the member is absent, `.null` when it is `null`.
    /// (The standard `decodeIfPresent` answers nil for both; synthesised `Codable` picks this
    /// overload, being the more specific, for every such property.)
    public func decodeIfPresent<Value: Decodable>(_ type: Nullable<Value>.Type, forKey key: Key) throws -> Nullable<Value>? {
        guard contains(key) else { return nil }
        return try decode(Nullable<Value>.self, forKey: key)
    }
}
