@testable import ClientRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Testing
import TestHTTPServer

/// Retries on 429/502/503/504 and connection failures, with backoff and `Retry-After`.
@Suite struct RetryTests {
    /// Answers the n-th request to a path with `responses[n]` (the last one repeats).
    actor Script {
        private var served: [String: Int] = [:]
        func next(_ path: String) -> Int {
            defer { served[path, default: 0] += 1 }
            return served[path, default: 0]
        }
    }

    private static func routes(_ script: Script) -> (TestServer.Router) -> Void {
        { router in
            // 429 × 3 (Retry-After 0, 1, 0), then 200.
            router.get("/burst") { _, _ in
                let retryAfter = ["0", "1", "0"]
                let n = await script.next("/burst")
                guard n < 3 else { return TestServer.json(#"{"ok":true}"#) }
                return TestServer.json(#"{"code":"too_many_requests","message":"slow down"}"#, status: 429, headers: ["Retry-After": retryAfter[n]])
            }
            router.get("/flaky") { _, _ in
                await script.next("/flaky") == 0 ? TestServer.response(status: 503) : TestServer.json(#"{"ok":true}"#)
            }
            router.post("/flaky") { _, _ in
                await script.next("/flaky-post") < 2 ? TestServer.response(status: 503) : TestServer.json(#"{"ok":true}"#)
            }
            router.get("/down") { _, _ in
                _ = await script.next("/down")
                return TestServer.response(status: 502)
            }
            router.get("/long-retry-after") { _, _ in
                await script.next("/long") == 0 ? TestServer.response(status: 503, headers: ["Retry-After": "3600"]) : TestServer.json("{}")
            }
            router.get("/not-retryable") { _, _ in TestServer.response(status: 500) }
        }
    }

    private func client(_ server: TestServer, retry: RetryPolicy) -> APIClient {
        APIClient(serverURL: server.baseURL, credentials: [Jobs.brevoKey], configuration: .init(retry: retry))
    }

    /// Millisecond backoff so only `Retry-After` can make a test slow; no total-time bound, so a
    /// loaded machine (the whole package's tests share 2 cores) cannot cut retries short.
    private static let quick = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(5), maxDelay: .seconds(5), maxTotalTime: nil)

    private func get(_ path: String) -> Request<Data> {
        Request(operationID: "get\(path)", method: .get, path: path, security: [["api-key"]], response: .data)
    }

    @Test func burstOf429sHonoursRetryAfter() async throws {
        try await TestServer.run(routes: Self.routes(Script())) { server in
            let start = ContinuousClock.now
            let body = try await client(server, retry: Self.quick).send(get("/burst"))
            let wall = ContinuousClock.now - start
            Scenario.report("429 ×3 (Retry-After 0/1/0) then 200", requests: await server.requests.count, since: start)
            #expect(body == Data(#"{"ok":true}"#.utf8))
            #expect(await server.requests.count == 4)
            // The 5 ms backoff would finish in well under a second; Retry-After: 1 makes it wait.
            #expect(wall >= .milliseconds(950))
            #expect(wall < .seconds(10))
        }
    }

    @Test func a503ThenSuccess() async throws {
        try await TestServer.run(routes: Self.routes(Script())) { server in
            let start = ContinuousClock.now
            _ = try await client(server, retry: Self.quick).send(get("/flaky"))
            Scenario.report("503 then 200 (GET)", requests: await server.requests.count, since: start)
            #expect(await server.requests.count == 2)
        }
    }

    @Test func postIsNotRetriedByDefault() async throws {
        try await TestServer.run(routes: Self.routes(Script())) { server in
            let post = Request<Data>(operationID: "createThing", method: .post, path: "/flaky", body: .json(["a": 1]), response: .data)
            let start = ContinuousClock.now
            let error = await #expect(throws: APIError.self) {
                try await client(server, retry: Self.quick).send(post)
            }
            Scenario.report("POST 503, not retried", requests: await server.requests.count, since: start)
            #expect(error?.status == 503)
            #expect(await server.requests.count == 1)

            // Opting in retries the POST: 503 then 200.
            var optIn = Self.quick
            optIn.retryNonIdempotent = true
            _ = try await client(server, retry: optIn).send(post)
            #expect(await server.requests.count == 1 + 2)
        }
    }

    @Test func attemptsAreBounded() async throws {
        try await TestServer.run(routes: Self.routes(Script())) { server in
            var policy = Self.quick
            policy.maxAttempts = 3
            let start = ContinuousClock.now
            let error = await #expect(throws: APIError.self) { try await client(server, retry: policy).send(get("/down")) }
            Scenario.report("502 forever, maxAttempts 3", requests: await server.requests.count, since: start)
            #expect(error?.status == 502)
            #expect(await server.requests.count == 3)
            _ = await #expect(throws: APIError.self) { try await client(server, retry: .none).send(get("/down")) }
            #expect(await server.requests.count == 4)
            _ = await #expect(throws: APIError.self) { try await client(server, retry: Self.quick).send(get("/not-retryable")) }
            #expect(await server.requests.count == 5)
        }
    }

    @Test func retryAfterIsCappedByMaxDelay() async throws {
        try await TestServer.run(routes: Self.routes(Script())) { server in
            var policy = Self.quick
            policy.maxDelay = .milliseconds(50)
            let start = ContinuousClock.now
            _ = try await client(server, retry: policy).send(get("/long-retry-after"))
            #expect(ContinuousClock.now - start < .seconds(30), "Retry-After: 3600 was not capped")
            #expect(await server.requests.count == 2)
        }
    }

    @Test func maxTotalTimeStopsRetries() async throws {
        try await TestServer.run(routes: Self.routes(Script())) { server in
            // Retry-After 1 s would overrun a 500 ms budget, so the 429 is returned at once.
            var policy = Self.quick
            policy.maxTotalTime = .milliseconds(500)
            let start = ContinuousClock.now
            let error = await #expect(throws: APIError.self) { try await client(server, retry: policy).send(get("/burst")) }
            #expect(error?.status == 429)
            #expect(error?.body(as: ErrorModel.self) == nil)
            // Without the budget it would have waited the 1 s and gone on to 4 requests.
            #expect(await server.requests.count == 2)
            #expect(ContinuousClock.now - start < .seconds(1))
        }
    }

    /// Fails with `errors` in turn, then answers 200; counts attempts.
    actor FlakyTransport: HTTPTransport {
        private var errors: [any Error]
        private(set) var attempts = 0
        init(_ errors: [any Error]) { self.errors = errors }
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            attempts += 1
            if !errors.isEmpty { throw errors.removeFirst() }
            return HTTPResponse(status: 200, body: Data("ok".utf8))
        }
    }

    private func send(through transport: FlakyTransport, method: HTTPMethod = .get) async throws -> Data {
        let client = APIClient(serverURL: URL(string: "https://api.example.com")!, transport: transport, configuration: .init(retry: Self.quick))
        return try await client.send(Request<Data>(operationID: "op", method: method, path: "/x", response: .data))
    }

    @Test func connectionFailuresAreRetried() async throws {
        let transport = FlakyTransport([URLError(.cannotConnectToHost), URLError(.networkConnectionLost)])
        #expect(try await send(through: transport) == Data("ok".utf8))
        #expect(await transport.attempts == 3)
    }

    @Test(arguments: [URLError(.timedOut), URLError(.serverCertificateUntrusted), URLError(.badURL)])
    func otherTransportFailuresAreNot(error: URLError) async throws {
        let transport = FlakyTransport([error])
        let thrown = await #expect(throws: ClientError.self) { try await send(through: transport) }
        #expect(thrown.map { "\($0)" } == "Transport failed: URL error \(error.errorCode)")
        #expect(await transport.attempts == 1)
    }

    @Test func connectionFailuresOfPostAreNotRetried() async throws {
        let transport = FlakyTransport([URLError(.networkConnectionLost)])
        await #expect(throws: ClientError.self) { try await send(through: transport, method: .post) }
        #expect(await transport.attempts == 1)
    }

    @Test func retryAfterParsing() {
        let now = Date(timeIntervalSince1970: 1_445_412_480) // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryAfter.delay(from: "120", now: now) == .seconds(120))
        #expect(RetryAfter.delay(from: " 0 ", now: now) == .zero)
        #expect(RetryAfter.delay(from: "Wed, 21 Oct 2015 07:28:30 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.delay(from: "Wednesday, 21-Oct-15 07:29:00 GMT", now: now) == .seconds(60))
        #expect(RetryAfter.delay(from: "Wed Oct 21 07:28:05 2015", now: now) == .seconds(5))
        #expect(RetryAfter.delay(from: "Tue, 20 Oct 2015 07:28:00 GMT", now: now) == .zero, "a past date means now")
        #expect(RetryAfter.delay(from: "99999999999999999999999", now: now).map { $0 > .seconds(1_000_000) } == true)
        for bad in [nil, "", "-1", "1.5", "soon", "Wed, 99 Foo 2015"] {
            #expect(RetryAfter.delay(from: bad, now: now) == nil, "\(bad ?? "nil")")
        }
    }

    @Test func backoffIsJitteredExponentialAndCapped() {
        let policy = RetryPolicy(baseDelay: .milliseconds(100), maxDelay: .milliseconds(1000))
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, unit: 0) == .milliseconds(50))
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, unit: 1) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, unit: 0) == .milliseconds(200))
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, unit: 1) == .milliseconds(400))
        #expect(policy.delay(afterAttempt: 10, retryAfter: nil, unit: 1) == .milliseconds(1000))
        #expect(policy.delay(afterAttempt: 80, retryAfter: nil, unit: 0.5) == .milliseconds(750))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(7), unit: 0) == .milliseconds(1000))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .milliseconds(20), unit: 1) == .milliseconds(20))
        #expect(RetryPolicy.default.allowsRetry(of: .get) && RetryPolicy.default.allowsRetry(of: .put))
        #expect(!RetryPolicy.default.allowsRetry(of: .post) && !RetryPolicy.default.allowsRetry(of: .patch))
        #expect(!RetryPolicy.none.allowsRetry(of: .get))
        #expect(RetryPolicy.default == RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(500), maxDelay: .seconds(30), maxTotalTime: .seconds(60)))
    }
}
