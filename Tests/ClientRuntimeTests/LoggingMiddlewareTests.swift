import ClientRuntime
import ClientRuntimeLogging
import Foundation
import Hummingbird
import InMemoryLogging
import Logging
import Testing
import TestHTTPServer

/// The swift-log middleware logs what happened and never a secret.
@Suite struct LoggingMiddlewareTests {
    private static let secrets = ["BREVO-SECRET-KEY", "INSTANTLY-SECRET-TOKEN", "QUERY-SECRET", "COOKIE-SECRET"]
    private static let credentials: [Credential] = [
        Jobs.brevoKey,
        Jobs.instantlyToken,
        .apiKey(scheme: "queryKey", name: "token_q", in: .query, value: "QUERY-SECRET"),
        .apiKey(scheme: "session", name: "sid", in: .cookie, value: "COOKIE-SECRET"),
    ]

    private func routes(_ scripts: StatusScripts) -> (TestServer.Router) -> Void {
        let limited = Limiter()
        return { router in
            JobRoutes.processes(scripts)(router)
            router.get("/limited") { _, _ in
                await limited.first() ? TestServer.response(status: 429, headers: ["Retry-After": "0"]) : TestServer.json("{}")
            }
            router.get("/secure") { _, _ in TestServer.json(#"{"statusCode":401,"error":"Unauthorized","message":"bad token"}"#, status: 401) }
            router.get("/public") { _, _ in TestServer.json("{}") }
        }
    }

    actor Limiter {
        private var served = false
        func first() -> Bool {
            defer { served = true }
            return !served
        }
    }

    private func logger() -> (Logger, InMemoryLogHandler) {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "ClientGenTests") { _ in handler }
        logger.logLevel = .trace
        return (logger, handler)
    }

    private static func lines(_ handler: InMemoryLogHandler) -> [String] {
        handler.entries.map { "\($0.level) \($0.message) \($0.metadata) \($0.error.map { "\($0)" } ?? "")" }
    }

    @Test func noRequestOrLogLineContainsTheSecret() async throws {
        let scripts = StatusScripts(["21": ["queued", "processing", "completed"]])
        try await TestServer.run(routes: routes(scripts)) { server in
            let (logger, handler) = logger()
            let logging = LoggingMiddleware(logger: logger, level: .debug, credentials: Self.credentials, logHeaders: true)
            let configuration = APIClient.Configuration(retry: RetryPolicy(baseDelay: .milliseconds(5)), middlewares: [logging])
            let client = APIClient(serverURL: server.baseURL, credentials: Self.credentials, configuration: configuration)
            let start = ContinuousClock.now

            _ = try await client.wait(for: Jobs.process(21), policy: Jobs.fast)
            let everything: [[String]] = [["api-key", "bearerAuth", "queryKey", "session"]]
            _ = try await client.send(Request<Data>(operationID: "limited", method: .get, path: "/limited", security: everything, response: .data))
            await #expect(throws: APIError.self) {
                try await client.send(Request<Data>(operationID: "secure", method: .get, path: "/secure", security: everything, response: .data))
            }
            _ = try await client.send(Request<Data>(operationID: "public", method: .get, path: "/public", response: .data))
            // A transport failure (nothing listens on port 9 of a stopped server's address) is logged too.
            let dead = APIClient(serverURL: URL(string: "http://127.0.0.1:9")!, credentials: Self.credentials, configuration: .init(retry: .none, middlewares: [logging]))
            await #expect(throws: ClientError.self) {
                try await dead.send(Request<Data>(operationID: "dead", method: .get, path: "/x", security: everything, response: .data))
            }
            let requests = await server.requests
            Scenario.report("secret check: wait + 429 retry + 401 + public (+1 refused connection)", requests: requests.count, since: start)

            let lines = Self.lines(handler)
            #expect(lines.count == requests.count + 1)
            for line in lines {
                for secret in Self.secrets {
                    #expect(!line.contains(secret), "\(line)")
                }
            }
            // What the lines do say.
            let limited = try #require(lines.first { $0.contains("limited") && $0.contains("429") })
            #expect(limited.contains("GET"))
            #expect(limited.contains("token_q=<redacted>"))
            #expect(limited.contains("api-key: <redacted>"))
            #expect(limited.contains("Authorization: <redacted>"))
            #expect(limited.contains("Cookie: <redacted>"))
            #expect(limited.contains("Retry-After: 0"))
            #expect(limited.contains("duration_ms"))
            #expect(lines.contains { $0.contains("getProcess") && $0.contains("/processes/21") && $0.contains("200") })
            #expect(lines.contains { $0.contains("secure") && $0.contains("401") })
            #expect(lines.contains { $0.hasPrefix("warning") && $0.contains("dead") && $0.contains("TransportError(connection") })

            // Requests carry each secret only where its scheme puts it, and never when not needed.
            for request in requests {
                let carriers = ["api-key", "authorization", "cookie"]
                let elsewhere = [request.path, request.bodyText] + request.headers.filter { !carriers.contains($0.name.lowercased()) }.map(\.value)
                for secret in Self.secrets {
                    #expect(!elsewhere.contains { $0.contains(secret) }, "\(request.path)")
                }
                if request.path == "/public" {
                    #expect(request.query == nil)
                    #expect(request.header("api-key") == nil && request.header("Authorization") == nil && request.header("Cookie") == nil)
                }
            }
        }
    }

    @Test func urlsAndHeadersAreRedactedByName() async throws {
        let (logger, handler) = logger()
        let middleware = LoggingMiddleware(logger: logger, redacting: ["X-Partner-Key", "sig"], logHeaders: true)
        #expect(middleware.redactedNames.isSuperset(of: ["authorization", "cookie", "x-partner-key", "sig"]))
        #expect(!middleware.redactedNames.contains("api-key"), "a custom list replaces the defaults")
        #expect(LoggingMiddleware.defaultRedactedNames.contains("api-key") && LoggingMiddleware.defaultRedactedNames.contains("x-api-key"))
        let request = HTTPRequest(
            url: URL(string: "https://user:PASSWORD@api.example.com/v3/items?SIG=S1%20x&page=2&sig&Sig=S2#frag")!,
            method: .get,
            headers: [HeaderField(name: "x-partner-key", value: "P-SECRET"), HeaderField(name: "AUTHORIZATION", value: "Basic B-SECRET"), HeaderField(name: "Accept", value: "application/json")]
        )
        _ = try await middleware.intercept(request, operationID: "listItems") { _ in HTTPResponse(status: 204, headers: [HeaderField(name: "Set-Cookie", value: "SESSION-SECRET")]) }
        let line = try #require(Self.lines(handler).first)
        for secret in ["PASSWORD", "S1", "S2", "P-SECRET", "B-SECRET", "SESSION-SECRET", "frag"] {
            #expect(!line.contains(secret), "\(line)")
        }
        #expect(line.contains("https://api.example.com/v3/items?SIG=<redacted>&page=2&sig=<redacted>&Sig=<redacted>"))
        #expect(line.contains("Accept: application/json"))
        #expect(line.contains("→ 204"))
        #expect(line.hasPrefix("info"))
    }

    @Test func headersAreLeftOutUnlessAsked() async throws {
        let (logger, handler) = logger()
        let middleware = LoggingMiddleware(logger: logger)
        let request = HTTPRequest(url: URL(string: "https://api.example.com/a")!, method: .post, headers: [HeaderField(name: "X-Trace", value: "t-1")])
        _ = try await middleware.intercept(request, operationID: "op") { _ in HTTPResponse(status: 200) }
        let line = try #require(Self.lines(handler).first)
        #expect(line.contains("POST https://api.example.com/a → 200"))
        #expect(!line.contains("t-1"))
    }
}
