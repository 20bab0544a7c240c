/// The Swift that generation produces, as values. The translator builds these; only the renderer
/// turns them into text, so naming and typing decisions are testable without string matching.

/// A type as written in Swift source.
public indirect enum TypeRef: Hashable, Sendable {
    /// A possibly qualified name such as `GetProcess` or `GetProcess.Status`.
    case named(String)
    case optional(TypeRef)
    case array(TypeRef)
    case dictionary(TypeRef)
    /// ClientRuntime's `Nullable<Wrapped>`: a member that may be null, used as `Nullable<T>?` where
    /// it may also be absent.
    case nullable(TypeRef)
    case void

    public static let string = TypeRef.named("String")
    public static let json = TypeRef.named("JSONValue")

    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// Wraps in an optional unless already optional.
    public var optional: TypeRef { isOptional ? self : .optional(self) }

    public var unwrapped: TypeRef {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }
}

/// Lines of a `///` comment, already cleaned of anything that could break out of it.
public struct DocComment: Hashable, Sendable {
    public var lines: [String]

    public init(lines: [String] = []) { self.lines = lines }

    public var isEmpty: Bool { lines.isEmpty }
}

/// A literal value in generated source (parameter and property defaults).
public enum Literal: Hashable, Sendable {
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case enumCase(String)
    case `nil`
}

public indirect enum Declaration: Hashable, Sendable {
    case structure(Structure)
    case openEnum(OpenEnum)
    case oneOf(OneOfEnum)
    case namespace(Namespace)
    /// `extension Name { … }`: more members of a namespace, in another file.
    case `extension`(Extension)
    case typeAlias(TypeAlias)
    case requestBuilder(RequestBuilder)
    case jobFactory(JobFactory)
    case paginationBuilder(PaginationBuilder)
    case responseHeaders(ResponseHeadersStructure)
    case serverURL(ServerURL)
    case credentialFactory(CredentialFactory)
    case webhooks(WebhookEnum)
}

public struct Structure: Hashable, Sendable {
    public struct Property: Hashable, Sendable {
        public var doc: DocComment
        public var name: String
        public var wireName: String
        public var type: TypeRef
        public var defaultValue: Literal?
        public var deprecated: Bool
        /// Stored in an `Indirect` box because the type contains itself through this property.
        public var boxed: Bool
        /// Required but nullable: nil is sent as `null`, never left out.
        public var encodesNil: Bool

        public init(
            doc: DocComment, name: String, wireName: String, type: TypeRef, defaultValue: Literal? = nil,
            deprecated: Bool = false, boxed: Bool = false, encodesNil: Bool = false
        ) {
            self.doc = doc
            self.name = name
            self.wireName = wireName
            self.type = type
            self.defaultValue = defaultValue
            self.deprecated = deprecated
            self.boxed = boxed
            self.encodesNil = encodesNil
        }
    }

    /// `additionalProperties` beside declared properties: a dictionary member that holds every other
    /// member of the JSON object (decoded and encoded by hand-written `Codable`).
    public struct AdditionalProperties: Hashable, Sendable {
        public var name: String
        public var valueType: TypeRef

        public init(name: String, valueType: TypeRef) {
            self.name = name
            self.valueType = valueType
        }
    }

    public var doc: DocComment
    public var name: String
    public var properties: [Property]
    public var additionalProperties: AdditionalProperties?
    public var nested: [Declaration]
    public var deprecated: Bool

    public init(
        doc: DocComment, name: String, properties: [Property], additionalProperties: AdditionalProperties? = nil,
        nested: [Declaration] = [], deprecated: Bool = false
    ) {
        self.doc = doc
        self.name = name
        self.properties = properties
        self.additionalProperties = additionalProperties
        self.nested = nested
        self.deprecated = deprecated
    }
}

/// An enum that keeps values the spec does not list in `.unknown(_:)`.
public struct OpenEnum: Hashable, Sendable {
    public struct Case: Hashable, Sendable {
        public var name: String
        public var rawValue: String

        public init(name: String, rawValue: String) {
            self.name = name
            self.rawValue = rawValue
        }
    }

    /// How the values are spelled in Swift.
    public enum Form: Hashable, Sendable {
        /// `enum` with a case per value and `.unknown(_:)`, converted by two switches.
        case enumeration
        /// `struct` holding the raw value, with a static constant per value: for thousands of values,
        /// whose switches would take the compiler minutes.
        case constants
    }

    public var doc: DocComment
    public var name: String
    /// `String` or `Int`.
    public var rawType: String
    public var cases: [Case]
    public var form: Form

    public init(doc: DocComment, name: String, rawType: String = "String", cases: [Case], form: Form = .enumeration) {
        self.doc = doc
        self.name = name
        self.rawType = rawType
        self.cases = cases
        self.form = form
    }
}

/// A `oneOf`/`anyOf`: one case per variant, plus `.unknown(JSONValue)` for anything else.
public struct OneOfEnum: Hashable, Sendable {
    public struct Case: Hashable, Sendable {
        public var name: String
        public var type: TypeRef
        /// Discriminator values that select this case; empty without a discriminator.
        public var discriminatorValues: [String]
        /// The case holds another union, which decodes anything (as its `.unknown`): when variants
        /// are tried in order, only a value it recognises ends the search.
        public var isUnion: Bool

        public init(name: String, type: TypeRef, discriminatorValues: [String], isUnion: Bool = false) {
            self.name = name
            self.type = type
            self.discriminatorValues = discriminatorValues
            self.isUnion = isUnion
        }
    }

    public var doc: DocComment
    public var name: String
    public var cases: [Case]
    /// The property whose value picks the case; nil means "the first variant that decodes".
    public var discriminator: String?
    /// Without a discriminator, the order in which cases are tried (indices into `cases`, which
    /// keep the description's order).
    public var decodingOrder: [Int]
    public var nested: [Declaration]

    public init(
        doc: DocComment, name: String, cases: [Case], discriminator: String?, decodingOrder: [Int]? = nil,
        nested: [Declaration]
    ) {
        self.doc = doc
        self.name = name
        self.cases = cases
        self.discriminator = discriminator
        self.decodingOrder = decodingOrder ?? Array(cases.indices)
        self.nested = nested
    }
}

/// A caseless enum that groups declarations.
public struct Namespace: Hashable, Sendable {
    public var doc: DocComment
    public var name: String
    public var members: [Declaration]

    public init(doc: DocComment, name: String, members: [Declaration]) {
        self.doc = doc
        self.name = name
        self.members = members
    }
}

public struct Extension: Hashable, Sendable {
    public var doc: DocComment
    public var name: String
    public var members: [Declaration]

    public init(doc: DocComment, name: String, members: [Declaration]) {
        self.doc = doc
        self.name = name
        self.members = members
    }
}

public struct TypeAlias: Hashable, Sendable {
    public var doc: DocComment
    public var name: String
    public var type: TypeRef

    public init(doc: DocComment, name: String, type: TypeRef) {
        self.doc = doc
        self.name = name
        self.type = type
    }
}

public struct ServerURL: Hashable, Sendable {
    public var doc: DocComment
    public var name: String
    public var url: String

    public init(doc: DocComment, name: String, url: String) {
        self.doc = doc
        self.name = name
        self.url = url
    }
}

public struct CredentialFactory: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case apiKey(name: String, location: String)
        case bearer
        case basic
        /// OAuth 2 client credentials: a `TokenProvider` fetching from `tokenURL`.
        case clientCredentials(tokenURL: String, scopes: [String])
    }

    public var doc: DocComment
    public var functionName: String
    public var scheme: String
    public var kind: Kind

    public init(doc: DocComment, functionName: String, scheme: String, kind: Kind) {
        self.doc = doc
        self.functionName = functionName
        self.scheme = scheme
        self.kind = kind
    }
}

/// The headers an operation's 2xx responses declare, read from a response by `init(from:)`.
public struct ResponseHeadersStructure: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        public var doc: DocComment
        public var name: String
        public var wireName: String
        /// The value's type; for a list, the element's.
        public var type: TypeRef
        public var isList: Bool
        public var required: Bool

        public init(doc: DocComment, name: String, wireName: String, type: TypeRef, isList: Bool, required: Bool) {
            self.doc = doc
            self.name = name
            self.wireName = wireName
            self.type = type
            self.isList = isList
            self.required = required
        }

        /// The property's type: the list and the optional included.
        public var propertyType: TypeRef {
            let value = isList ? TypeRef.array(type) : type
            return required ? value : value.optional
        }
    }

    public var doc: DocComment
    public var name: String
    public var fields: [Field]

    public init(doc: DocComment, name: String, fields: [Field]) {
        self.doc = doc
        self.name = name
        self.fields = fields
    }
}

extension Declaration {
    /// The type a declaration declares; nil for members such as request builders and extensions.
    public var name: String? {
        switch self {
        case .structure(let structure): structure.name
        case .openEnum(let openEnum): openEnum.name
        case .oneOf(let oneOf): oneOf.name
        case .namespace(let namespace): namespace.name
        case .typeAlias(let alias): alias.name
        case .responseHeaders(let headers): headers.name
        case .webhooks(let webhooks): webhooks.name
        case .extension, .requestBuilder, .jobFactory, .paginationBuilder, .serverURL, .credentialFactory: nil
        }
    }
}

/// The requests an API sends to its users' servers (its webhooks and callbacks): a case each plus
/// `.unknown(WebhookRequest)`, decoded by the body member whose value tells them apart
/// (`decode(_:)`) or by the route the request came to (`decode(_:as:)`).
public struct WebhookEnum: Hashable, Sendable {
    public struct Case: Hashable, Sendable {
        public enum Payload: Hashable, Sendable {
            /// The request has no body the description describes.
            case none
            /// A JSON body of this type.
            case json(TypeRef)
            /// A body in another media type, as bytes.
            case data
        }

        public var doc: DocComment
        public var name: String
        /// The name in the description (`email.sent`), for messages.
        public var event: String
        public var payload: Payload
        /// The discriminator member's value that picks this case.
        public var discriminatorValue: String?

        public init(doc: DocComment, name: String, event: String, payload: Payload, discriminatorValue: String? = nil) {
            self.doc = doc
            self.name = name
            self.event = event
            self.payload = payload
            self.discriminatorValue = discriminatorValue
        }
    }

    public enum Picking: Hashable, Sendable {
        /// By the string value of a top-level member of the JSON body (`type`).
        case member(String)
        /// There is one case; any request is taken for it.
        case single
        /// Nothing in the body tells the cases apart: only `decode(_:as:)` is generated.
        case byRouteOnly
    }

    public var doc: DocComment
    public var name: String
    /// The nested enum naming the cases without payloads (`Kind`), for `decode(_:as:)`.
    public var kindName: String
    public var cases: [Case]
    public var picking: Picking
    /// Types the payloads declare inline, nested in the enum.
    public var nested: [Declaration]

    public init(doc: DocComment, name: String, kindName: String = "Kind", cases: [Case], picking: Picking, nested: [Declaration] = []) {
        self.doc = doc
        self.name = name
        self.kindName = kindName
        self.cases = cases
        self.picking = picking
        self.nested = nested
    }
}
