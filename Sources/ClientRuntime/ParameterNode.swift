import Foundation

/// An `Encodable` value taken apart for the wire formats that are not JSON: query parameters of
/// style `deepObject`/`form`/…, `application/x-www-form-urlencoded` and `multipart/form-data`
/// bodies. Struct members keep their declaration order; dictionary members are sorted by key,
/// so the same value always gives the same bytes.
indirect enum ParameterNode: Hashable, Sendable {
    case null
    /// A string, number, boolean, date, UUID or enum in its textual form. `isString` tells whether
    /// JSON writes it in quotes.
    case scalar(String, isString: Bool)
    case data(Data)
    case file(MultipartFile)
    case list([ParameterNode])
    case object([Member])

    struct Member: Hashable, Sendable {
        var key: String
        var value: ParameterNode
    }

    /// Encodes `value` with its `Encodable` conformance.
    static func encode(_ value: some Encodable) throws -> ParameterNode {
        try NodeStorage.box(value, codingPath: []).node
    }

    /// The text of a scalar; nil for anything else.
    var scalarText: String? {
        if case .scalar(let text, _) = self { text } else { nil }
    }

    /// The value as JSON, for multipart parts that hold an object (RFC 8259 escaping).
    var json: String {
        switch self {
        case .null: "null"
        case .scalar(let text, let isString): isString ? Self.jsonString(text) : text
        case .data(let data): Self.jsonString(data.base64EncodedString())
        case .file(let file): Self.jsonString(file.data.base64EncodedString())
        case .list(let items): "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.map { Self.jsonString($0.key) + ":" + $0.value.json }.joined(separator: ",") + "}"
        }
    }

    private static func jsonString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                output += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}

/// What an encoder or container writes into; becomes a `ParameterNode` once encoding is done.
/// Only ever used on one task, inside `ParameterNode.encode`.
private final class NodeStorage {
    var leaf: ParameterNode = .null
    var members: [(key: String, storage: NodeStorage)]?
    var items: [NodeStorage]?

    var node: ParameterNode {
        if let members { return .object(members.map { .init(key: $0.key, value: $0.storage.node) }) }
        if let items { return .list(items.map(\.node)) }
        return leaf
    }

    /// A storage holding `value`: runtime types with a wire form of their own are taken as they
    /// are, dictionaries are sorted, everything else encodes itself.
    static func box<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> NodeStorage {
        let storage = NodeStorage()
        switch value {
        case let file as MultipartFile:
            storage.leaf = .file(file)
        case let data as Data:
            storage.leaf = .data(data)
        case let parameter as any ParameterValue:
            storage.leaf = .scalar(parameter.parameterValue, isString: isJSONString(value))
        case let integer as any FixedWidthInteger:
            // Int8, UInt16, …: their own `encode(to:)` hands themselves back to a container, whose
            // generic `encode` would box them again, without end.
            storage.leaf = .scalar(String(describing: integer), isString: false)
        case let dictionary as [String: any Encodable]:
            storage.members = try dictionary.keys.sorted().map { key in
                (key, try box(dictionary[key]!, codingPath: codingPath + [NodeKey(key)]))
            }
        default:
            try value.encode(to: NodeEncoder(storage: storage, codingPath: codingPath))
        }
        return storage
    }

    /// Numbers, booleans and enums with numeric raw values are written bare in JSON.
    private static func isJSONString(_ value: Any) -> Bool {
        if value is Bool || value is any Numeric { return false }
        if let raw = (value as? any RawRepresentable)?.rawValue { return isJSONString(raw) }
        return true
    }
}

private struct NodeKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    init?(stringValue: String) { self.init(stringValue) }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

private struct NodeEncoder: Encoder {
    let storage: NodeStorage
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if storage.members == nil { storage.members = [] }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(storage: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if storage.items == nil { storage.items = [] }
        return UnkeyedNodeContainer(storage: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueNodeContainer(storage: storage, codingPath: codingPath)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: NodeStorage
    let codingPath: [any CodingKey]

    private func append(_ child: NodeStorage, _ key: Key) {
        storage.members?.append((key.stringValue, child))
    }

    mutating func encodeNil(forKey key: Key) throws {
        append(NodeStorage(), key)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        append(try NodeStorage.box(value, codingPath: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = NodeStorage()
        append(child, key)
        return NodeEncoder(storage: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = NodeStorage()
        append(child, key)
        return NodeEncoder(storage: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: Key(stringValue: "super")!)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = NodeStorage()
        append(child, key)
        return NodeEncoder(storage: child, codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let storage: NodeStorage
    let codingPath: [any CodingKey]
    var count: Int { storage.items?.count ?? 0 }

    private var nextPath: [any CodingKey] { codingPath + [NodeKey(intValue: count)] }

    mutating func encodeNil() throws {
        storage.items?.append(NodeStorage())
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = try NodeStorage.box(value, codingPath: nextPath)
        storage.items?.append(child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = NodeStorage()
        let path = nextPath
        storage.items?.append(child)
        return NodeEncoder(storage: child, codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = NodeStorage()
        let path = nextPath
        storage.items?.append(child)
        return NodeEncoder(storage: child, codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = NodeStorage()
        let path = nextPath
        storage.items?.append(child)
        return NodeEncoder(storage: child, codingPath: path)
    }
}

private struct SingleValueNodeContainer: SingleValueEncodingContainer {
    let storage: NodeStorage
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        storage.leaf = .null
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let boxed = try NodeStorage.box(value, codingPath: codingPath)
        storage.leaf = boxed.leaf
        storage.members = boxed.members
        storage.items = boxed.items
    }
}
