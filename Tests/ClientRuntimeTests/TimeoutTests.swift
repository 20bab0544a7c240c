import ClientRuntime
import ClientRuntimeAsyncHTTPClient
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// Per-attempt timeouts, enforced by the client whatever the transport.
@Suite struct TimeoutTests {
    private func routes(_ router: TestServer.Router) {
        router.get("/slow") { _, _ in
            try await Task.sleep(for: .seconds(3))
            return TestServer.json("{}")
        }
        router.get("/fast") { _, _ in TestServer.json("{}") }
        router.get("/a-bit-slow") { _, _ in
            try await Task.sleep(for: .milliseconds(300))
            return TestServer.json("{}")
        }
    }

    private func get(_ path: String, timeout: Duration? = nil) -> Request<Data> {
        Request(operationID: "get\(path)", method: .get, path: path, response: .data, timeout: timeout)
    }

    /// The transports that enforce the deadline themselves (URLSession's timer, AsyncHTTPClient's
    /// deadline), and the race the client runs instead when a middleware takes part.
    enum Enforcement: String, CaseIterable, CustomTestStringConvertible {
        case urlSessionDeadline, asyncHTTPClientDeadline, raceAroundAMiddleware
        var testDescription: String { rawValue }
        func client(_ server: TestServer, timeout: Duration) -> APIClient {
            switch self {
            case .urlSessionDeadline:
                APIClient(serverURL: server.baseURL, configuration: .init(timeout: timeout))
            case .asyncHTTPClientDeadline:
                APIClient(serverURL: server.baseURL, transport: AsyncHTTPClientTransport(), configuration: .init(timeout: timeout))
            case .raceAroundAMiddleware:
                APIClient(serverURL: server.baseURL, configuration: .init(timeout: timeout, middlewares: [PassThrough()]))
            }
        }
    }

    struct PassThrough: ClientMiddleware {
        func intercept(
            _ request: HTTPRequest, operationID: String, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
        ) async throws -> HTTPResponse {
            #expect(request.deadline == nil, "with a middleware the attempt is raced, not given a deadline")
            return try await next(request)
        }
    }

    @Test(arguments: Enforcement.allCases)
    func slowResponsePastTheTimeoutThrows(enforcement: Enforcement) async throws {
        try await TestServer.run(routes: routes) { server in
            let client = enforcement.client(server, timeout: .milliseconds(200))
            let start = ContinuousClock.now
            let error = await #expect(throws: ClientError.self) { try await client.send(get("/slow")) }
            let wall = ContinuousClock.now - start
            Scenario.report("slow response past a 200 ms timeout", requests: await server.requests.count, since: start)
            guard case .timeout(let operationID, let after)? = error else {
                Issue.record("expected .timeout, got \(String(describing: error))")
                return
            }
            #expect(operationID == "get/slow")
            #expect(after == .milliseconds(200))
            // The route answers after 3 s; `.timeout` above is what shows the race, so no upper
            // bound here (the package's tests share 2 cores and can be slow to resume).
            #expect(wall >= .milliseconds(200))
            // A GET, but a timeout is not retried.
            #expect(await server.requests.count == 1)
            #expect("\(error!)" == "get/slow: no response within 0.2 seconds")
            // The client still works afterwards.
            _ = try await client.send(get("/fast"))
        }
    }

    @Test func requestTimeoutOverridesTheClientTimeout() async throws {
        try await TestServer.run(routes: routes) { server in
            let strict = APIClient(serverURL: server.baseURL, configuration: .init(timeout: .milliseconds(100)))
            _ = try await strict.send(get("/a-bit-slow", timeout: .seconds(5)))

            let lenient = APIClient(serverURL: server.baseURL, configuration: .init(timeout: nil))
            _ = try await lenient.send(get("/a-bit-slow"))
            let error = await #expect(throws: ClientError.self) { try await lenient.send(get("/a-bit-slow", timeout: .milliseconds(100))) }
            guard case .timeout(_, .milliseconds(100))? = error else {
                Issue.record("expected .timeout after 100 ms, got \(String(describing: error))")
                return
            }
        }
    }

    /// A transport that never answers but stops when cancelled, like any well-behaved transport.
    struct HangingTransport: HTTPTransport {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            try await Task.sleep(for: .seconds(3600))
            return HTTPResponse(status: 200)
        }
    }

    @Test func timeoutHoldsForAnyTransport() async throws {
        let client = APIClient(serverURL: URL(string: "https://api.example.com")!, transport: HangingTransport(), configuration: .init(timeout: .milliseconds(50)))
        let start = ContinuousClock.now
        await #expect(throws: ClientError.self) { try await client.send(get("/x")) }
        #expect(ContinuousClock.now - start < .seconds(60), "the transport would hang for an hour")
    }

    @Test func cancellationWinsOverTheTimeout() async throws {
        let client = APIClient(serverURL: URL(string: "https://api.example.com")!, transport: HangingTransport(), configuration: .init(timeout: .seconds(30)))
        let task = Task { try await client.send(get("/x")) }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }
}
