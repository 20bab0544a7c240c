import ClientRuntime
import Foundation
import Testing

/// What a hostile parameter value, header or server can do to a request: nothing beyond its own slot.
@Suite struct RuntimeSafetyTests {
    struct Unreachable: HTTPTransport {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse { throw URLError(.cannotConnectToHost) }
    }

    /// Fails like URLSession does, with the full URL (query credentials included) in the error.
    struct LeakyFailure: HTTPTransport {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            throw URLError(.cannotConnectToHost, userInfo: [
                NSURLErrorFailingURLStringErrorKey: request.url.absoluteString,
                NSLocalizedDescriptionKey: "could not connect to \(request.url.absoluteString)",
            ])
        }
    }

    /// Answers 401 and echoes nothing.
    struct Unauthorized: HTTPTransport {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            HTTPResponse(status: 401, headers: [HeaderField(name: "Content-Type", value: "application/json")], body: Data(#"{"message":"no"}"#.utf8))
        }
    }

    func client(_ url: String = "https://api.example.com/v1", credentials: [Credential] = [], insecure: Bool = false,
                transport: any HTTPTransport = Unreachable()) -> APIClient {
        var configuration = APIClient.Configuration(retry: .none)
        configuration.allowInsecureHTTP = insecure
        return APIClient(serverURL: URL(string: url)!, credentials: credentials, transport: transport, configuration: configuration)
    }

    func item(_ id: String) -> Request<Data> {
        Request(operationID: "getItem", method: .get, path: "/items/\(PathSegment.encode(id))", response: .data)
    }

    func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [
        ("..", "/v1/items/%2E%2E"), (".", "/v1/items/%2E"), ("../../admin", "/v1/items/..%2F..%2Fadmin"),
        ("a/b", "/v1/items/a%2Fb"), ("/etc/passwd", "/v1/items/%2Fetc%2Fpasswd"), ("?admin=1#x", "/v1/items/%3Fadmin%3D1%23x"),
        ("%2e%2e", "/v1/items/%252e%252e"), ("a\\b", "/v1/items/a%5Cb"), ("@evil.example", "/v1/items/%40evil.example"),
        ("//evil.example/x", "/v1/items/%2F%2Fevil.example%2Fx"), ("\r\n", "/v1/items/%0D%0A"), ("ü", "/v1/items/%C3%BC"),
    ])
    func pathParameterStaysOneSegmentOnTheSameHost(_ value: String, _ expectedPath: String) throws {
        let request = try client().makeHTTPRequest(for: item(value))
        #expect(request.url.host == "api.example.com")
        #expect(URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.percentEncodedPath == expectedPath)
        #expect(request.url.query == nil && request.url.fragment == nil)
    }

    @Test func queryValuesAndNamesAreEncoded() throws {
        var query = QueryItems()
        query.append("q", "a&b=c#d e+f/?%")
        query.append("we&ird=", "x")
        query.append("list", ["a,b", "c&d"], explode: false)
        let request = try client().makeHTTPRequest(for: Request<Data>(operationID: "search", method: .get, path: "/search", query: query, response: .data))
        #expect(request.url.absoluteString == "https://api.example.com/v1/search?q=a%26b%3Dc%23d%20e%2Bf%2F%3F%25&we%26ird%3D=x&list=a%2Cb,c%26d")
        #expect(request.url.host == "api.example.com")
    }

    @Test func requestPathThatIsNotEncodedIsRefused() {
        #expect(message { _ = try client().makeHTTPRequest(for: Request<Data>(operationID: "x", method: .get, path: "/a b", response: .data)) }
            == #"Invalid URL: request path must start with "/" and be percent-encoded"#)
        #expect(message { _ = try client().makeHTTPRequest(for: Request<Data>(operationID: "x", method: .get, path: "evil.example/x", response: .data)) }
            == #"Invalid URL: request path must start with "/" and be percent-encoded"#)
    }

    @Test func aPathStartingWithTwoSlashesCannotChangeTheHost() throws {
        let request = try client().makeHTTPRequest(for: Request<Data>(operationID: "x", method: .get, path: "//evil.example/x", response: .data))
        #expect(request.url.host == "api.example.com")
    }

    @Test(arguments: ["a\r\nX-Injected: 1", "a\nb", "a\rb", "a\u{0}b"])
    func headerValueWithLineBreakOrNULIsRejected(_ value: String) {
        var headers = HeaderFields()
        headers.append("X-Trace", value)
        #expect(message { _ = try client().makeHTTPRequest(for: Request<Data>(operationID: "x", method: .get, path: "/x", headers: headers, response: .data)) }
            == #"Invalid header "X-Trace": it contains a line break or NUL"#)
    }

    @Test func headerNameWithLineBreakIsRejectedAndShownWithoutIt() {
        var headers = HeaderFields()
        headers.append("X-A\r\nX-B", "v")
        #expect(message { _ = try client().makeHTTPRequest(for: Request<Data>(operationID: "x", method: .get, path: "/x", headers: headers, response: .data)) }
            == #"Invalid header "X-AX-B": it contains a line break or NUL"#)
    }

    @Test func credentialWithLineBreakIsRejectedWithoutShowingIt() {
        let client = client(credentials: [.bearer(scheme: "bearer", token: "SECRET\r\nX-Admin: yes")])
        let text = message { _ = try client.makeHTTPRequest(for: Request<Data>(operationID: "x", method: .get, path: "/x", security: [["bearer"]], response: .data)) }
        #expect(text == #"Invalid header "Authorization": it contains a line break or NUL"#)
    }

    @Test func plainHTTPToARemoteHostIsRefused() {
        #expect(message { _ = try client("http://api.example.com/v1").makeHTTPRequest(for: item("1")) }
            == "Invalid URL: plain http:// to api.example.com is refused (credentials and data would travel unencrypted); use https:// or set Configuration.allowInsecureHTTP")
    }

    @Test(arguments: ["http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:3000/api", "http://[::1]:9000", "HTTP://LOCALHOST"])
    func plainHTTPToLoopbackIsAllowed(_ url: String) throws {
        let request = try client(url).makeHTTPRequest(for: item("1"))
        #expect(request.url.scheme?.lowercased() == "http")
    }

    @Test(arguments: ["http://127.0.0.1.evil.example", "http://localhost.evil.example", "http://128.0.0.1", "http://127.0.0.256", "http://10.0.0.1"])
    func lookalikeLoopbackHostsAreRefused(_ url: String) {
        #expect(message { _ = try client(url).makeHTTPRequest(for: item("1")) }?.hasPrefix("Invalid URL: plain http:// to ") == true)
    }

    @Test func plainHTTPIsAllowedWhenExplicitlyConfigured() throws {
        #expect(try client("http://api.example.com", insecure: true).makeHTTPRequest(for: item("1")).url.absoluteString
            == "http://api.example.com/items/1")
    }

    @Test func otherSchemesAreRefused() {
        #expect(message { _ = try client("ftp://api.example.com").makeHTTPRequest(for: item("1")) }
            == #"Invalid URL: unsupported URL scheme "ftp"; use https://"#)
        #expect(message { _ = try client("file:///etc").makeHTTPRequest(for: item("1")) }
            == #"Invalid URL: unsupported URL scheme "file"; use https://"#)
    }

    @Test func transportErrorsNeverShowTheURLOrItsQueryCredential() async {
        let client = client(credentials: [.apiKey(scheme: "key", name: "api_key", in: .query, value: "SECRET-QUERY")], transport: LeakyFailure())
        do {
            _ = try await client.send(Request<Data>(operationID: "x", method: .get, path: "/x", security: [["key"]], response: .data))
            Issue.record("no error")
        } catch {
            var dumped = ""
            dump(error, to: &dumped)
            for text in ["\(error)", String(reflecting: error), dumped, error.localizedDescription] {
                #expect(!text.contains("SECRET"), "\(text)")
            }
        }
    }

    @Test func secretsAreRedactedInClientDumpsAndAPIErrors() async throws {
        let secrets = [Credential.bearer(scheme: "b", token: "SECRET-B"), .basic(scheme: "basic", username: "u", password: "SECRET-P"),
                       .apiKey(scheme: "k", name: "X-Key", in: .header, value: "SECRET-K"), .apiKey(scheme: "c", name: "session", in: .cookie, value: "SECRET-C")]
        let client = client(credentials: secrets, transport: Unauthorized())
        var dumped = ""
        dump(client, to: &dumped)
        for text in [dumped, String(reflecting: client), "\(client.credentials)", String(reflecting: client.credentials)] {
            #expect(!text.contains("SECRET"), "\(text)")
        }
        do {
            _ = try await client.send(Request<Data>(operationID: "x", method: .get, path: "/x", security: [["b", "k", "c"]], response: .data))
            Issue.record("no error")
        } catch {
            var errorDump = ""
            dump(error, to: &errorDump)
            #expect("\(error)" == #"APIError(x: HTTP 401, body: {"message":"no"})"#)
            for text in ["\(error)", String(reflecting: error), errorDump] {
                #expect(!text.contains("SECRET"), "\(text)")
            }
        }
    }
}
