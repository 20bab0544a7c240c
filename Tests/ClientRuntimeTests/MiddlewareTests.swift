import ClientRuntime
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// Middlewares run in order around each attempt and see the request as it goes on the wire.
@Suite struct MiddlewareTests {
    actor Trace {
        private(set) var events: [String] = []
        func add(_ event: String) { events.append(event) }
    }

    /// Records its name before and after, and what auth header it saw.
    struct Recording: ClientMiddleware {
        let name: String
        let trace: Trace
        func intercept(_ request: HTTPRequest, operationID: String, next: @Sendable (HTTPRequest) async throws -> HTTPResponse) async throws -> HTTPResponse {
            let key = HeaderFields(request.headers)["api-key"] ?? "none"
            await trace.add("\(name) → \(operationID) key=\(key == "BREVO-SECRET-KEY" ? "applied" : key)")
            let response = try await next(request)
            await trace.add("\(name) ← \(response.status)")
            return response
        }
    }

    /// Custom auth: signs the request from what it can see, and strips the api-key header.
    struct Signing: ClientMiddleware {
        func intercept(_ request: HTTPRequest, operationID: String, next: @Sendable (HTTPRequest) async throws -> HTTPResponse) async throws -> HTTPResponse {
            var headers = HeaderFields(request.headers)
            let key = headers["api-key"] ?? ""
            headers.remove("api-key")
            headers.set("X-Signature", "sig(\(request.method.rawValue) \(request.url.path) \(key.count))")
            var signed = request
            signed.headers = headers.fields
            return try await next(signed)
        }
    }

    struct Refusing: ClientMiddleware {
        struct Refused: Error, Equatable {}
        func intercept(_ request: HTTPRequest, operationID: String, next: @Sendable (HTTPRequest) async throws -> HTTPResponse) async throws -> HTTPResponse {
            throw Refused()
        }
    }

    private func routes(_ router: TestServer.Router) {
        let served = Counter()
        router.get("/once-unavailable") { _, _ in
            await served.increment() == 1 ? TestServer.response(status: 503) : TestServer.json("{}")
        }
        router.get("/ok") { _, _ in TestServer.json("{}") }
    }

    actor Counter {
        private var value = 0
        func increment() -> Int {
            value += 1
            return value
        }
    }

    private func get(_ path: String) -> Request<Data> {
        Request(operationID: "get\(path)", method: .get, path: path, security: [["api-key"]], response: .data)
    }

    @Test func middlewaresRunInOrderAroundEachAttempt() async throws {
        try await TestServer.run(routes: routes) { server in
            let trace = Trace()
            let configuration = APIClient.Configuration(
                retry: RetryPolicy(baseDelay: .milliseconds(5)),
                middlewares: [Recording(name: "outer", trace: trace), Recording(name: "inner", trace: trace)]
            )
            let client = APIClient(serverURL: server.baseURL, credentials: [Jobs.brevoKey], configuration: configuration)
            _ = try await client.send(get("/once-unavailable"))
            let attempt = { (status: Int) in
                ["outer → get/once-unavailable key=applied", "inner → get/once-unavailable key=applied", "inner ← \(status)", "outer ← \(status)"]
            }
            #expect(await trace.events == attempt(503) + attempt(200))
        }
    }

    @Test func customAuthMiddlewareCanRewriteHeaders() async throws {
        try await TestServer.run(routes: routes) { server in
            let client = APIClient(serverURL: server.baseURL, credentials: [Jobs.brevoKey], configuration: .init(middlewares: [Signing()]))
            _ = try await client.send(get("/ok"))
            let received = try #require(await server.lastRequest)
            #expect(received.header("X-Signature") == "sig(GET /ok 16)")
            #expect(received.header("api-key") == nil)
        }
    }

    @Test func middlewareErrorsReachTheCallerUnchanged() async throws {
        try await TestServer.run(routes: routes) { server in
            let client = APIClient(serverURL: server.baseURL, configuration: .init(middlewares: [Refusing()]))
            await #expect(throws: Refusing.Refused()) { try await client.send(get("/ok")) }
            #expect(await server.requests.isEmpty)
        }
    }
}
