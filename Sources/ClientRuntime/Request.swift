/// Everything needed to perform one operation; `Response` is what a 2xx response decodes to.
public struct Request<Response: Sendable>: Sendable {
    /// The spec's `operationId`, used in errors.
    public var operationID: String
    public var method: HTTPMethod
    /// Already percent-encoded, starting with `/`, relative to the server URL's path.
    public var path: String
    public var query: QueryItems
    public var headers: HeaderFields
    public var body: RequestBody?
    /// Security alternatives: each inner list names schemes that must all be applied; `[]` = no auth.
    public var security: [[String]]
    /// Declared error responses, for decoding non-2xx bodies.
    public var errors: [ErrorResponse]
    public var response: ResponseDecoder<Response>
    /// How long one attempt may take; nil = the client's `Configuration.timeout`.
    public var timeout: Duration?

    public init(
        operationID: String,
        method: HTTPMethod,
        path: String,
        query: QueryItems = QueryItems(),
        headers: HeaderFields = HeaderFields(),
        body: RequestBody? = nil,
        security: [[String]] = [],
        errors: [ErrorResponse] = [],
        response: ResponseDecoder<Response>,
        timeout: Duration? = nil
    ) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.security = security
        self.errors = errors
        self.response = response
        self.timeout = timeout
    }
}
