import Foundation

/// Bearer tokens fetched at run time: cached until shortly before they expire (or until the server
/// rejects one with 401), and fetched single-flight, so a hundred concurrent requests that find no
/// valid token cause one fetch, which all of them wait for.
public actor TokenProvider {
    private let fetch: @Sendable () async throws -> Token
    private let refreshMargin: Duration
    private var cached: Token?
    private var inFlight: Task<Token, any Error>?
    /// How many times `fetch` ran; for tests and metrics.
    public private(set) var fetches = 0

    /// An access token and when it stops being valid.
    public struct Token: Sendable, CustomStringConvertible {
        public var value: String
        /// Nil: valid until the server rejects it with 401.
        public var expiresAt: ContinuousClock.Instant?

        public init(value: String, expiresAt: ContinuousClock.Instant? = nil) {
            self.value = value
            self.expiresAt = expiresAt
        }

        /// A token valid for `lifetime` from now (an OAuth2 `expires_in`).
        public init(value: String, expiresIn lifetime: Duration) {
            self.init(value: value, expiresAt: ContinuousClock.now + lifetime)
        }

        public var description: String { "Token(<redacted>)" }
    }

    /// - Parameters:
    ///   - refreshMargin: a token this close to expiry is replaced before it is used.
    ///   - fetch: obtains a new token (calls a token endpoint, reads a keychain).
    public init(refreshMargin: Duration = .seconds(30), fetch: @escaping @Sendable () async throws -> Token) {
        self.fetch = fetch
        self.refreshMargin = refreshMargin
    }

    /// A valid token: the cached one, or a new one (one fetch for all callers waiting at once).
    public func token() async throws -> String {
        if let cached, cached.expiresAt.map({ ContinuousClock.now + refreshMargin < $0 }) ?? true {
            return cached.value
        }
        if let inFlight { return try await inFlight.value.value }
        let task = Task { [fetch] in try await fetch() }
        inFlight = task
        fetches += 1
        defer { inFlight = nil }
        let token = try await task.value
        cached = token
        return token.value
    }

    /// Forgets `rejected` (the server answered 401 to it), so the next `token()` fetches a new one.
    /// A token other than the cached one (already replaced by a concurrent refresh) changes nothing.
    public func reject(_ rejected: String) {
        if cached?.value == rejected { cached = nil }
    }
}

extension Credential {
    /// A bearer token from `provider`, refreshed when it expires and once when the server answers 401.
    public static func bearer(scheme: String, provider: TokenProvider) -> Credential {
        Credential(scheme: scheme, kind: .provided(provider))
    }

    /// A bearer token from an async function, e.g. your sign-in session's current token. It is
    /// asked again (once) when the server answers 401.
    public static func bearer(scheme: String, token: @escaping @Sendable () async throws -> String) -> Credential {
        .bearer(scheme: scheme, provider: TokenProvider { TokenProvider.Token(value: try await token()) })
    }
}

extension APIClient {
    /// The token providers among the credentials `security` uses.
    func tokenProviders(for security: [[String]]) -> [TokenProvider] {
        (credentials.satisfying(security) ?? []).compactMap {
            if case .provided(let provider) = $0.kind { return provider }
            return nil
        }
    }

    /// Sets `Authorization: Bearer …` from each provider (one per request in practice); returns the tokens used.
    func authorize(_ request: inout HTTPRequest, with providers: [TokenProvider]) async throws -> [String] {
        var used: [String] = []
        for provider in providers {
            let token: String
            do {
                token = try await provider.token()
            } catch is CancellationError {
                throw CancellationError()
            } catch let error as ClientError {
                throw error
            } catch {
                throw ClientError.authentication("the token could not be obtained: \(type(of: error))")
            }
            try Self.validate(HeaderField(name: "Authorization", value: "Bearer \(token)"))
            request.headers.removeAll { $0.name.lowercased() == "authorization" }
            request.headers.append(HeaderField(name: "Authorization", value: "Bearer \(token)"))
            used.append(token)
        }
        return used
    }
}

extension TokenProvider {
    /// OAuth 2 client credentials (RFC 6749 §4.4): POSTs `grant_type=client_credentials` (and the
    /// scopes) to `tokenURL`, the client authenticated with HTTP Basic, and caches the token until
    /// `refreshMargin` before its `expires_in`. Concurrent requests share one token request.
    /// The secret and the tokens never appear in descriptions or errors.
    public static func clientCredentials(
        tokenURL: URL, clientID: String, clientSecret: String, scopes: [String] = [],
        transport: any HTTPTransport = URLSessionTransport(), allowInsecureHTTP: Bool = false,
        refreshMargin: Duration = .seconds(30)
    ) -> TokenProvider {
        TokenProvider(refreshMargin: refreshMargin) {
            var configuration = APIClient.Configuration()
            configuration.allowInsecureHTTP = allowInsecureHTTP
            try APIClient.checkTransportSecurity(tokenURL, configuration: configuration)
            var form = "grant_type=client_credentials"
            if !scopes.isEmpty { form += "&scope=" + PercentEncoding.encodeAllButUnreserved(scopes.joined(separator: " ")) }
            // RFC 6749 §2.3.1: the id and secret are form-encoded before Basic encoding.
            let user = PercentEncoding.encodeAllButUnreserved(clientID) + ":" + PercentEncoding.encodeAllButUnreserved(clientSecret)
            let request = HTTPRequest(url: tokenURL, method: .post, headers: [
                HeaderField(name: "Content-Type", value: "application/x-www-form-urlencoded"),
                HeaderField(name: "Accept", value: "application/json"),
                HeaderField(name: "Authorization", value: "Basic " + Data(user.utf8).base64EncodedString()),
            ], body: Data(form.utf8))
            let response = try await transport.send(request)
            struct Grant: Decodable {
                var access_token: String
                var expires_in: Int64?
                var error: String?
            }
            let grant = try? JSONDecoder().decode(Grant.self, from: response.body)
            guard (200..<300).contains(response.status), let grant else {
                // The OAuth error code (`invalid_client`) is safe to show; the body otherwise is not.
                struct Refusal: Decodable { var error: String }
                let code = (try? JSONDecoder().decode(Refusal.self, from: response.body)).map { " (\($0.error))" } ?? ""
                throw ClientError.authentication("the token endpoint answered \(response.status)\(code)")
            }
            guard let seconds = grant.expires_in, seconds > 0 else { return Token(value: grant.access_token) }
            return Token(value: grant.access_token, expiresIn: .seconds(seconds))
        }
    }
}
