import Foundation

/// A JSON body as the client's `JSONEncoder` writes it, except that every `UUID` in it, at any depth,
/// is written in lower case (RFC 9562) instead of Foundation's upper-case `uuidString`, so an id read
/// from the API goes back unchanged. The encoder's own settings (date, data and key strategies,
/// formatting, `userInfo`) apply as before.
///
/// Generated models keep `UUID` and their synthesized `Codable`: the value is encoded through an
/// `Encoder` that wraps the JSON encoder's and hands every value to it in turn, a `UUID` as its
/// lower-case text. Overloads of `KeyedEncodingContainer.encode(_: UUID, forKey:)` would not do: they
/// miss a UUID inside nested collections or at the top of a body, and they would change the
/// encoding of every type in any module that imports the runtime, the app's own types included.
struct LowercaseUUIDs: Encodable {
    let value: any Encodable

    init(_ value: any Encodable) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Self.forwarded(value))
    }

    /// What to hand the JSON encoder for `value`: a UUID as its lower-case text; values the encoder
    /// has strategies or a fast path for as they are; a `[String: …]` dictionary as one still, so
    /// that the key strategy leaves its keys alone as before; anything else wrapped, so that its
    /// members come back through the lower-casing encoder.
    static func forwarded(_ value: any Encodable) -> any Encodable {
        switch value {
        case let uuid as UUID: uuid.uuidString.lowercased()
        case is String, is Int, is Bool, is Double, is Int64, is Int32, is Float, is Date, is Data, is URL, is Decimal: value
        case let dictionary as [String: any Encodable]: dictionary.mapValues(LowercaseUUIDs.init)
        default: Members(value: value)
        }
    }

    /// A value whose own `encode(to:)` runs against the lower-casing encoder.
    private struct Members: Encodable {
        let value: any Encodable

        func encode(to encoder: any Encoder) throws {
            try value.encode(to: LowercaseUUIDEncoder(base: encoder))
        }
    }
}

/// Passes everything to `base`, each value through `LowercaseUUIDs.forwarded`.
private struct LowercaseUUIDEncoder: Encoder {
    let base: any Encoder
    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer(base: base.container(keyedBy: type)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(base: base.unkeyedContainer())
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(base: base.singleValueContainer())
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var base: KeyedEncodingContainer<Key>
    var codingPath: [any CodingKey] { base.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        try base.encodeNil(forKey: key)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try base.encode(LowercaseUUIDs.forwarded(value), forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedContainer<NestedKey>(base: base.nestedContainer(keyedBy: keyType, forKey: key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedContainer(base: base.nestedUnkeyedContainer(forKey: key))
    }

    mutating func superEncoder() -> any Encoder {
        LowercaseUUIDEncoder(base: base.superEncoder())
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        LowercaseUUIDEncoder(base: base.superEncoder(forKey: key))
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    var base: any UnkeyedEncodingContainer
    var codingPath: [any CodingKey] { base.codingPath }
    var count: Int { base.count }

    mutating func encodeNil() throws {
        try base.encodeNil()
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try base.encode(LowercaseUUIDs.forwarded(value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedContainer<NestedKey>(base: base.nestedContainer(keyedBy: keyType)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(base: base.nestedUnkeyedContainer())
    }

    mutating func superEncoder() -> any Encoder {
        LowercaseUUIDEncoder(base: base.superEncoder())
    }
}

/// Primitives go to `base` as they are: their own `encode(to:)` writes them through this container,
/// and wrapping them again would never end.
private struct SingleValueContainer: SingleValueEncodingContainer {
    var base: any SingleValueEncodingContainer
    var codingPath: [any CodingKey] { base.codingPath }

    mutating func encodeNil() throws { try base.encodeNil() }
    mutating func encode(_ value: Bool) throws { try base.encode(value) }
    mutating func encode(_ value: String) throws { try base.encode(value) }
    mutating func encode(_ value: Double) throws { try base.encode(value) }
    mutating func encode(_ value: Float) throws { try base.encode(value) }
    mutating func encode(_ value: Int) throws { try base.encode(value) }
    mutating func encode(_ value: Int8) throws { try base.encode(value) }
    mutating func encode(_ value: Int16) throws { try base.encode(value) }
    mutating func encode(_ value: Int32) throws { try base.encode(value) }
    mutating func encode(_ value: Int64) throws { try base.encode(value) }
    mutating func encode(_ value: UInt) throws { try base.encode(value) }
    mutating func encode(_ value: UInt8) throws { try base.encode(value) }
    mutating func encode(_ value: UInt16) throws { try base.encode(value) }
    mutating func encode(_ value: UInt32) throws { try base.encode(value) }
    mutating func encode(_ value: UInt64) throws { try base.encode(value) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128) throws { try base.encode(value) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128) throws { try base.encode(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try base.encode(LowercaseUUIDs.forwarded(value))
    }
}
