import Foundation

/// Sends `Request` values to one server with a fixed set of credentials.
public final class APIClient: Sendable {
    /// The server URL; request paths are appended to its path.
    public let serverURL: URL
    public let credentials: [Credential]
    public let transport: any HTTPTransport
    public let configuration: Configuration
    /// `scheme://host[:port]/base-path` without a trailing slash, or why the server URL cannot be
    /// used; worked out once here instead of on every request.
    private let baseURL: Result<String, ClientError>

    public init(
        serverURL: URL,
        credentials: [Credential] = [],
        transport: any HTTPTransport = URLSessionTransport(),
        configuration: Configuration = .init()
    ) {
        self.serverURL = serverURL
        self.credentials = credentials
        self.transport = transport
        self.configuration = configuration
        self.baseURL = Self.makeBaseURL(serverURL, configuration: configuration)
    }

    /// Performs the request and returns the decoded 2xx body.
    /// - Throws: `APIError` for a non-2xx status, `ClientError` otherwise, `CancellationError` when cancelled.
    public func send<Response>(_ request: Request<Response>) async throws -> Response {
        try await response(for: request).value
    }

    /// Performs the request and returns the decoded 2xx body with status, headers and raw bytes.
    /// Retries, timeouts and middlewares follow `configuration` (see `APIClient+Sending.swift`).
    public func response<Response>(for request: Request<Response>) async throws -> APIResponse<Response> {
        let httpRequest = try makeHTTPRequest(for: request)
        let timeout = request.timeout ?? configuration.timeout
        if let stream = request.response.stream {
            let opened = try await sendingAuthorized(httpRequest, security: request.security, status: \.status) {
                try await self.openStream($0, operationID: request.operationID, timeout: timeout)
            }
            guard (200..<300).contains(opened.status) else {
                let body = (try? await opened.body.collect(upTo: Self.streamedErrorBodyLimit)) ?? Data()
                throw apiError(HTTPResponse(status: opened.status, headers: opened.headers, body: body), for: request)
            }
            let value = stream(opened, request.operationID, configuration.makeDecoder)
            return APIResponse(value: value, status: opened.status, headers: opened.headers, data: Data())
        }
        let httpResponse = try await sendingAuthorized(httpRequest, security: request.security, status: \.status) {
            try await self.perform($0, operationID: request.operationID, timeout: timeout)
        }
        return try decode(httpResponse, for: request)
    }

    /// How much of a streamed operation's error body is read for its `APIError`.
    static let streamedErrorBodyLimit = 1024 * 1024

    /// `send` with the bearer tokens of the request's `TokenProvider` credentials. A 401 drops the
    /// tokens used and sends once more with fresh ones: an expired session, or a token revoked early.
    private func sendingAuthorized<Outcome>(
        _ request: HTTPRequest, security: [[String]], status: (Outcome) -> Int,
        _ send: (HTTPRequest) async throws -> Outcome
    ) async throws -> Outcome {
        var request = request
        let providers = tokenProviders(for: security)
        let used = try await authorize(&request, with: providers)
        let outcome = try await send(request)
        guard status(outcome) == 401, !providers.isEmpty else { return outcome }
        for (provider, token) in zip(providers, used) { await provider.reject(token) }
        _ = try await authorize(&request, with: providers)
        return try await send(request)
    }

    /// Builds the wire request: URL, default + request + auth headers, encoded body.
    /// Public so it can be inspected; `send` uses exactly this.
    public func makeHTTPRequest<Response>(for request: Request<Response>) throws -> HTTPRequest {
        let base = try baseURL.get()
        var headers = configuration.defaultHeaders
        var query = request.query
        if let accept = request.response.accept {
            headers.set("Accept", accept)
        }
        var body: Data?
        if let requestBody = request.body {
            do {
                let encoded = try requestBody.encoded(with: configuration.makeEncoder())
                body = encoded.data
                headers.set("Content-Type", encoded.contentType)
            } catch {
                throw ClientError.encoding("\(request.operationID): \(error)")
            }
        }
        for field in request.headers.fields {
            headers.set(field.name, field.value)
        }
        var cookies: [String] = []
        for credential in credentials.satisfying(request.security) ?? [] {
            credential.apply(headers: &headers, query: &query, cookies: &cookies)
        }
        if !cookies.isEmpty {
            let existing = headers["Cookie"].map { [$0] } ?? []
            headers.set("Cookie", (existing + cookies).joined(separator: "; "))
        }
        for field in headers.fields {
            try Self.validate(field)
        }
        return HTTPRequest(url: try makeURL(base: base, path: request.path, query: query), method: request.method,
                           headers: headers.fields, body: body)
    }

    private func makeURL(base: String, path: String, query: QueryItems) throws -> URL {
        guard PercentEncoding.isEncodedAbsolutePath(path) else {
            throw ClientError.invalidURL("request path must start with \"/\" and be percent-encoded")
        }
        var string = base + path
        if !query.isEmpty {
            string += "?" + query.percentEncoded
        }
        guard let url = URL(string: string), url.host == serverURL.host else {
            throw ClientError.invalidURL("cannot build a URL for path \(path)")
        }
        return url
    }

    /// The transport security check and the origin and base path of `serverURL`, as one string
    /// that request paths are appended to.
    private static func makeBaseURL(_ serverURL: URL, configuration: Configuration) -> Result<String, ClientError> {
        do {
            try checkTransportSecurity(serverURL, configuration: configuration)
        } catch let error as ClientError {
            return .failure(error)
        } catch {
            return .failure(.invalidURL("\(error)"))
        }
        guard var components = URLComponents(url: serverURL, resolvingAgainstBaseURL: true),
              let host = components.host, !host.isEmpty
        else {
            return .failure(.invalidURL("server URL has no host"))
        }
        var basePath = components.percentEncodedPath
        while basePath.hasSuffix("/") { basePath.removeLast() }
        components.percentEncodedQuery = nil
        components.fragment = nil
        components.percentEncodedPath = ""
        guard let origin = components.string else {
            return .failure(.invalidURL("server URL cannot be rebuilt"))
        }
        return .success(origin + basePath)
    }

    private func decode<Response>(_ response: HTTPResponse, for request: Request<Response>) throws -> APIResponse<Response> {
        guard (200..<300).contains(response.status) else { throw apiError(response, for: request) }
        do {
            let value = try request.response.decode(response.body, configuration.makeDecoder())
            return APIResponse(value: value, status: response.status, headers: response.headers, data: response.body)
        } catch {
            throw ClientError.decoding(DecodingFailure(operationID: request.operationID, error: error, body: response.body))
        }
    }

    /// A non-2xx response as an `APIError`, its body decoded as the best-matching declared error.
    private func apiError<Response>(_ response: HTTPResponse, for request: Request<Response>) -> APIError {
        let match = ResponseStatus.bestMatch(for: response.status, in: request.errors, by: \.status)
        let decoded = match.flatMap { try? $0.decode(response.body, configuration.makeDecoder()) }
        return APIError(
            operationID: request.operationID, status: response.status, headers: response.headers, body: response.body,
            decodedBody: decoded)
    }

    /// Rejects header names or values that could split or smuggle header lines.
    static func validate(_ field: HeaderField) throws {
        let badName = field.name.isEmpty || field.name.utf8.contains {
            $0 == 0x0D || $0 == 0x0A || $0 == 0x00 || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: " ")
        }
        if badName || field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) {
            let safeName = String(field.name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            throw ClientError.invalidHeader(name: safeName)
        }
    }
}
