import YAML

/// An OpenAPI 3.0 or 3.1 description as plain values. Maps keep the document's order, so
/// everything derived from a document is as deterministic as its bytes.
public struct Document: Hashable, Sendable {
    public var openAPIVersion: String
    public var info: Info
    public var servers: [Server]
    public var paths: [PathItem]
    public var components: Components
    /// The default security: alternatives, each a list of scheme names; nil when the document sets none.
    public var security: [SecurityRequirement]?
    /// The requests the API sends to its users (`webhooks`, OpenAPI 3.1), in document order.
    public var webhooks: [Webhook]

    public init(
        openAPIVersion: String,
        info: Info,
        servers: [Server] = [],
        paths: [PathItem] = [],
        components: Components = Components(),
        security: [SecurityRequirement]? = nil,
        webhooks: [Webhook] = []
    ) {
        self.webhooks = webhooks
        self.openAPIVersion = openAPIVersion
        self.info = info
        self.servers = servers
        self.paths = paths
        self.components = components
        self.security = security
    }

    /// All operations in document order.
    public var operations: [Operation] { paths.flatMap(\.operations) }

    /// Every request the API sends to its users: the webhooks, then each operation's callbacks.
    public var notifications: [Webhook] { webhooks + operations.flatMap(\.callbacks) }
}

/// A request the API sends to a server of its user: an entry of `webhooks` (OpenAPI 3.1) or one
/// URL expression of an operation's `callbacks`. `operation` describes it as if the user's server
/// had published it: its method, the body it carries, what it expects back.
public struct Webhook: Hashable, Sendable {
    public enum Origin: Hashable, Sendable {
        /// An entry of the document's `webhooks`.
        case webhook
        /// A callback of operation `operationID` (or `METHOD /path` when it has none), sent to the URL
        /// the runtime `expression` names (`{$request.body#/callbackUrl}`).
        case callback(operation: String, expression: String)
    }

    /// The entry's key: the webhook's name (`email.sent`) or the callback's (`onExportDone`).
    public var name: String
    public var origin: Origin
    public var operation: Operation

    public init(name: String, origin: Origin, operation: Operation) {
        self.name = name
        self.origin = origin
        self.operation = operation
    }
}

public struct Info: Hashable, Sendable {
    public var title: String
    public var version: String
    public var summary: String?
    public var description: String?

    public init(title: String, version: String, summary: String? = nil, description: String? = nil) {
        self.title = title
        self.version = version
        self.summary = summary
        self.description = description
    }
}

public struct Server: Hashable, Sendable {
    public var url: String
    public var description: String?
    public var variables: [ServerVariable]

    public init(url: String, description: String? = nil, variables: [ServerVariable] = []) {
        self.url = url
        self.description = description
        self.variables = variables
    }

    /// The URL with every variable replaced by its default.
    public var defaultURL: String {
        variables.reduce(url) { $0.replacingOccurrences(of: "{\($1.name)}", with: $1.defaultValue) }
    }
}

public struct ServerVariable: Hashable, Sendable {
    public var name: String
    public var defaultValue: String

    public init(name: String, defaultValue: String) {
        self.name = name
        self.defaultValue = defaultValue
    }
}

public struct SecurityRequirement: Hashable, Sendable {
    /// Scheme names that must all be satisfied (scopes are not used by the client).
    public var schemes: [String]

    public init(schemes: [String]) { self.schemes = schemes }
}

/// An OAuth 2 flow's token endpoint and the scopes it offers (`flows.clientCredentials`).
public struct OAuthFlow: Hashable, Sendable {
    public var tokenURL: String
    public var scopes: [String]
    public var mark: Mark

    public init(tokenURL: String, scopes: [String] = [], mark: Mark) {
        self.tokenURL = tokenURL
        self.scopes = scopes
        self.mark = mark
    }
}

public struct SecurityScheme: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case apiKey(name: String, location: ParameterLocation)
        case httpBearer(format: String?)
        case httpBasic
        /// OAuth 2 and OpenID Connect: the client sends a bearer token obtained elsewhere, or for the
        /// client credentials flow fetches one itself from `clientCredentials`.
        case oauth2(clientCredentials: OAuthFlow?)
        case openIDConnect
        case other(String)
    }

    public var name: String
    public var kind: Kind
    public var description: String?
    public var mark: Mark

    public init(name: String, kind: Kind, description: String? = nil, mark: Mark) {
        self.name = name
        self.kind = kind
        self.description = description
        self.mark = mark
    }
}

public struct Components: Hashable, Sendable {
    public var schemas: [NamedSchema]
    public var securitySchemes: [SecurityScheme]

    public init(schemas: [NamedSchema] = [], securitySchemes: [SecurityScheme] = []) {
        self.schemas = schemas
        self.securitySchemes = securitySchemes
    }
}

public struct NamedSchema: Hashable, Sendable {
    public var name: String
    public var schema: Schema

    public init(name: String, schema: Schema) {
        self.name = name
        self.schema = schema
    }
}

public struct PathItem: Hashable, Sendable {
    public var path: String
    public var operations: [Operation]

    public init(path: String, operations: [Operation]) {
        self.path = path
        self.operations = operations
    }
}

public enum HTTPMethod: String, Hashable, Sendable, CaseIterable {
    case get, put, post, delete, options, head, patch, trace
}

public struct Operation: Hashable, Sendable {
    public var method: HTTPMethod
    public var path: String
    public var operationID: String?
    public var summary: String?
    public var description: String?
    public var tags: [String]
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    public var responses: [Response]
    /// Overrides the document's security when present; an empty list means "no authentication".
    public var security: [SecurityRequirement]?
    public var deprecated: Bool
    public var jobStatus: JobStatusLink?
    public var pagination: PaginationLink?
    /// The requests the API sends back while or after it handles this one (`callbacks`).
    public var callbacks: [Webhook] = []
    public var mark: Mark
    public var pointer: JSONPointer

    public init(
        method: HTTPMethod,
        path: String,
        operationID: String? = nil,
        summary: String? = nil,
        description: String? = nil,
        tags: [String] = [],
        parameters: [Parameter] = [],
        requestBody: RequestBody? = nil,
        responses: [Response] = [],
        security: [SecurityRequirement]? = nil,
        deprecated: Bool = false,
        mark: Mark,
        pointer: JSONPointer
    ) {
        self.method = method
        self.path = path
        self.operationID = operationID
        self.summary = summary
        self.description = description
        self.tags = tags
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.security = security
        self.deprecated = deprecated
        self.mark = mark
        self.pointer = pointer
    }
}

public enum ParameterLocation: String, Hashable, Sendable {
    case path, query, header, cookie
}

public struct Parameter: Hashable, Sendable {
    public var name: String
    public var location: ParameterLocation
    public var required: Bool
    public var schema: Schema
    public var description: String?
    public var style: String?
    public var explode: Bool?
    public var deprecated: Bool
    public var mark: Mark
    public var pointer: JSONPointer

    public init(
        name: String,
        location: ParameterLocation,
        required: Bool,
        schema: Schema,
        description: String? = nil,
        style: String? = nil,
        explode: Bool? = nil,
        deprecated: Bool = false,
        mark: Mark,
        pointer: JSONPointer
    ) {
        self.name = name
        self.location = location
        self.required = required
        self.schema = schema
        self.description = description
        self.style = style
        self.explode = explode
        self.deprecated = deprecated
        self.mark = mark
        self.pointer = pointer
    }
}

public struct MediaType: Hashable, Sendable {
    public var contentType: String
    public var schema: Schema?

    public init(contentType: String, schema: Schema?) {
        self.contentType = contentType
        self.schema = schema
    }

    /// `application/json` and the `+json` family.
    public var isJSON: Bool {
        let type = essence
        return type == "application/json" || (type.hasSuffix("+json") && !isJSONLines)
    }

    /// `text/event-stream`: server-sent events.
    public var isEventStream: Bool { essence == "text/event-stream" }

    /// JSON Lines or NDJSON: one JSON value per line (`application/stream+json` is the same, as
    /// Spring and Cohere use it).
    public var isJSONLines: Bool {
        ["application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/ndjson", "application/stream+json"]
            .contains(essence)
    }

    /// The type and subtype, lowercased, without parameters.
    public var essence: String {
        contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }
}

public struct RequestBody: Hashable, Sendable {
    public var description: String?
    public var required: Bool
    public var content: [MediaType]
    public var mark: Mark
    public var pointer: JSONPointer

    public init(description: String?, required: Bool, content: [MediaType], mark: Mark, pointer: JSONPointer) {
        self.description = description
        self.required = required
        self.content = content
        self.mark = mark
        self.pointer = pointer
    }
}

/// A header a response declares (`responses.200.headers.X-Rate-Limit`).
public struct ResponseHeader: Hashable, Sendable {
    public var name: String
    public var description: String?
    public var required: Bool
    public var schema: Schema
    public var deprecated: Bool
    public var mark: Mark
    public var pointer: JSONPointer

    public init(
        name: String, description: String? = nil, required: Bool = false, schema: Schema, deprecated: Bool = false,
        mark: Mark, pointer: JSONPointer
    ) {
        self.name = name
        self.description = description
        self.required = required
        self.schema = schema
        self.deprecated = deprecated
        self.mark = mark
        self.pointer = pointer
    }
}

public struct Response: Hashable, Sendable {
    /// `200`, `2XX` or `default`, as written in the description.
    public var status: String
    public var description: String?
    public var content: [MediaType]
    public var headers: [ResponseHeader]
    public var mark: Mark
    public var pointer: JSONPointer

    public init(
        status: String, description: String?, content: [MediaType], headers: [ResponseHeader] = [], mark: Mark,
        pointer: JSONPointer
    ) {
        self.status = status
        self.description = description
        self.content = content
        self.headers = headers
        self.mark = mark
        self.pointer = pointer
    }

    /// The exact code, when the status is one.
    public var code: Int? { Int(status) }

    /// The first digit of a `2XX`-style range.
    public var rangeClass: Int? {
        guard status.count == 3, status.uppercased().hasSuffix("XX"), let first = status.first?.wholeNumberValue else {
            return nil
        }
        return first
    }

    public var isDefault: Bool { status == "default" }

    public var isSuccess: Bool {
        if let code { return (200..<300).contains(code) }
        return rangeClass == 2
    }
}

import Foundation
