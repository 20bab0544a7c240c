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

    /// A query item or header: its name on the wire and the Swift parameter holding its value.
    public struct Field: Hashable, Sendable {
        public var wireName: String
        public var parameter: String
        public var isList: Bool
        public var explode: Bool

        public init(wireName: String, parameter: String, isList: Bool = false, explode: Bool = true) {
            self.wireName = wireName
            self.parameter = parameter
            self.isList = isList
            self.explode = explode
        }
    }

    public enum Body: Hashable, Sendable {
        case json(parameter: String)
        case data(parameter: String, contentType: String)
    }

    public enum ResponseKind: String, Hashable, Sendable {
        case json, empty, data
        /// JSON from one 2xx response, no body from another (`200` and `204`): an optional.
        case jsonOrEmpty
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
    public var body: Body?
    public var security: [[String]]
    public var errors: [ErrorBody]
    public var responseType: TypeRef
    public var responseKind: ResponseKind
    public var deprecated: Bool

    public init(
        doc: DocComment, name: String, operationID: String, method: String, parameters: [Parameter],
        path: [PathPart], query: [Field], headers: [Field], body: Body?, security: [[String]],
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
