/// A static function that returns a `Request<Response>` for one operation. Building it does no I/O.
public struct RequestBuilder: Hashable, Sendable {
    public struct Parameter: Hashable, Sendable {
        public var name: String
        public var type: TypeRef
        public var defaultValue: Literal?

        public init(name: String, type: TypeRef, defaultValue: Literal? = nil) {
            self.name = name
            self.type = type
            self.defaultValue = defaultValue
        }
    }

    public enum PathPart: Hashable, Sendable {
        case literal(String)
        case parameter(String)
    }

    /// A query item, header or cookie: its name on the wire, the Swift parameter holding its value,
    /// the value's shape and (for query items) the OpenAPI style it is written in.
    public struct Field: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            /// A string, number, boolean or enum.
            case single
            /// A list of singles.
            case list
            /// A struct or dictionary whose members are singles.
            case object
        }

        public enum Style: Hashable, Sendable {
            case form(explode: Bool)
            case spaceDelimited
            case pipeDelimited
            case deepObject
        }

        public var wireName: String
        public var parameter: String
        public var kind: Kind
        public var style: Style

        public init(wireName: String, parameter: String, kind: Kind = .single, style: Style = .form(explode: true)) {
            self.wireName = wireName
            self.parameter = parameter
            self.kind = kind
            self.style = style
        }
    }

    public enum Body: Hashable, Sendable {
        case json(parameter: String)
        /// `application/x-www-form-urlencoded` from a struct.
        case form(parameter: String)
        /// `multipart/form-data` from a struct, one part per property.
        case multipart(parameter: String)
        case data(parameter: String, contentType: String)

        public var parameter: String {
            switch self {
            case .json(let parameter), .form(let parameter), .multipart(let parameter), .data(let parameter, _): parameter
            }
        }
    }

    public enum ResponseKind: Hashable, Sendable {
        case json, empty, data
        /// JSON from one 2xx response, no body from another (`200` and `204`): an optional.
        case jsonOrEmpty
        /// `text/event-stream`: an `EventStream` of the response type, decoded from each event's `data`.
        case serverSentEvents
        /// `text/event-stream` whose schema describes the whole event (`event`, `data`, `id`, `retry`).
        case serverSentEventObjects
        /// `text/event-stream` without a usable schema: the events as they arrive (`ServerSentEvent`).
        case rawServerSentEvents
        /// JSON Lines / NDJSON of the response type, asked for with this content type.
        case jsonLines(contentType: String)

        /// The name in `clientgen types` output.
        public var name: String {
            switch self {
            case .json: "json"
            case .empty: "empty"
            case .data: "data"
            case .jsonOrEmpty: "jsonOrEmpty"
            case .serverSentEvents, .serverSentEventObjects, .rawServerSentEvents: "serverSentEvents"
            case .jsonLines: "jsonLines"
            }
        }

        /// The response is an `EventStream` of the builder's response type.
        public var isStream: Bool {
            switch self {
            case .serverSentEvents, .serverSentEventObjects, .rawServerSentEvents, .jsonLines: true
            case .json, .empty, .data, .jsonOrEmpty: false
            }
        }
    }

    public struct ErrorBody: Hashable, Sendable {
        public enum Status: Hashable, Sendable {
            case code(Int)
            case range(Int)
            case `default`
        }

        public var status: Status
        public var type: TypeRef

        public init(status: Status, type: TypeRef) {
            self.status = status
            self.type = type
        }
    }

    public var doc: DocComment
    public var name: String
    public var operationID: String
    public var method: String
    public var parameters: [Parameter]
    public var path: [PathPart]
    public var query: [Field]
    public var headers: [Field]
    /// Sent together in one `Cookie` header.
    public var cookies: [Field]
    public var body: Body?
    public var security: [[String]]
    public var errors: [ErrorBody]
    public var responseType: TypeRef
    public var responseKind: ResponseKind
    public var deprecated: Bool

    public init(
        doc: DocComment, name: String, operationID: String, method: String, parameters: [Parameter],
        path: [PathPart], query: [Field], headers: [Field], cookies: [Field] = [], body: Body?, security: [[String]],
        errors: [ErrorBody], responseType: TypeRef, responseKind: ResponseKind, deprecated: Bool
    ) {
        self.doc = doc
        self.name = name
        self.operationID = operationID
        self.method = method
        self.parameters = parameters
        self.path = path
        self.query = query
        self.headers = headers
        self.cookies = cookies
        self.body = body
        self.security = security
        self.errors = errors
        self.responseType = responseType
        self.responseKind = responseKind
        self.deprecated = deprecated
    }
}

/// One generated file: its path inside the module folder and what it declares.
public struct SwiftFile: Hashable, Sendable {
    public var path: String
    public var declarations: [Declaration]

    public init(path: String, declarations: [Declaration]) {
        self.path = path
        self.declarations = declarations
    }
}
