import YAML

/// A JSON Schema as OpenAPI uses it. Both nullable styles read into `types` containing `.null`.
public struct Schema: Hashable, Sendable {
    public enum JSONType: String, Hashable, Sendable, CaseIterable {
        case string, integer, number, boolean, object, array, null
    }

    public enum AdditionalProperties: Hashable, Sendable {
        case allowed(Bool)
        case schema(Schema)
    }

    /// A `$ref` string as written (e.g. `#/components/schemas/Process`); other keywords beside it are kept.
    public var reference: String?
    /// Empty means "any type".
    public var types: [JSONType]
    public var format: String?
    public var title: String?
    public var description: String?
    public var properties: [Property]
    public var required: [String]
    public var additionalProperties: Indirect<AdditionalProperties>?
    public var items: Indirect<Schema>?
    public var enumValues: [JSONLiteral]?
    public var constValue: JSONLiteral?
    public var defaultValue: JSONLiteral?
    public var allOf: [Schema]
    public var oneOf: [Schema]
    public var anyOf: [Schema]
    public var discriminator: Discriminator?
    public var deprecated: Bool
    public var readOnly: Bool
    public var writeOnly: Bool
    public var mark: Mark
    public var pointer: JSONPointer

    public init(
        reference: String? = nil,
        types: [JSONType] = [],
        format: String? = nil,
        title: String? = nil,
        description: String? = nil,
        properties: [Property] = [],
        required: [String] = [],
        additionalProperties: AdditionalProperties? = nil,
        items: Schema? = nil,
        enumValues: [JSONLiteral]? = nil,
        constValue: JSONLiteral? = nil,
        defaultValue: JSONLiteral? = nil,
        allOf: [Schema] = [],
        oneOf: [Schema] = [],
        anyOf: [Schema] = [],
        deprecated: Bool = false,
        readOnly: Bool = false,
        writeOnly: Bool = false,
        mark: Mark,
        pointer: JSONPointer
    ) {
        self.reference = reference
        self.types = types
        self.format = format
        self.title = title
        self.description = description
        self.properties = properties
        self.required = required
        self.additionalProperties = additionalProperties.map(Indirect.init)
        self.items = items.map(Indirect.init)
        self.enumValues = enumValues
        self.constValue = constValue
        self.defaultValue = defaultValue
        self.allOf = allOf
        self.oneOf = oneOf
        self.anyOf = anyOf
        self.deprecated = deprecated
        self.readOnly = readOnly
        self.writeOnly = writeOnly
        self.mark = mark
        self.pointer = pointer
    }

    public var isNullable: Bool { types.contains(.null) }

    /// The types other than `null`.
    public var nonNullTypes: [JSONType] { types.filter { $0 != .null } }

    /// `discriminator`: which property names the variant of a `oneOf`/`anyOf`, and optional value → `$ref` pairs.
    public struct Discriminator: Hashable, Sendable {
        public var propertyName: String
        public var mapping: [Mapping]

        public struct Mapping: Hashable, Sendable {
            public var value: String
            public var reference: String

            public init(value: String, reference: String) {
                self.value = value
                self.reference = reference
            }
        }

        public init(propertyName: String, mapping: [Mapping]) {
            self.propertyName = propertyName
            self.mapping = mapping
        }
    }

    public struct Property: Hashable, Sendable {
        public var name: String
        public var schema: Schema

        public init(name: String, schema: Schema) {
            self.name = name
            self.schema = schema
        }
    }
}

/// Boxes a recursive value so `Schema` stays a value type.
public struct Indirect<Value: Hashable & Sendable>: Hashable, Sendable {
    private final class Storage: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let storage: Storage

    public init(_ value: Value) { storage = Storage(value) }

    public var value: Value { storage.value }

    public static func == (lhs: Indirect, rhs: Indirect) -> Bool {
        lhs.storage === rhs.storage || lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// A JSON value written in the description: `default`, `enum`, `const`, `example`.
public enum JSONLiteral: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONLiteral])
    case object([ObjectMember])

    public struct ObjectMember: Hashable, Sendable {
        public var key: String
        public var value: JSONLiteral

        public init(key: String, value: JSONLiteral) {
            self.key = key
            self.value = value
        }
    }

    /// Reads a YAML node with the YAML 1.2 core schema: plain `10` is an integer, `"10"` a string.
    public init(_ node: Node) {
        switch node.content {
        case .scalar(let scalar):
            if scalar.style != .plain || scalar.tag != nil {
                self = .string(scalar.value)
            } else if node.isNull {
                self = .null
            } else if let bool = node.bool {
                self = .bool(bool)
            } else if let int = Int64(scalar.value) {
                self = .integer(int)
            } else if let double = node.double {
                self = .number(double)
            } else {
                self = .string(scalar.value)
            }
        case .sequence(let items):
            self = .array(items.map(JSONLiteral.init))
        case .mapping(let pairs):
            self = .object(pairs.map { ObjectMember(key: $0.key.scalar ?? "", value: JSONLiteral($0.value)) })
        }
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
