import ClientRuntime
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// A POST is retried only when it is safe: when it carries an idempotency key, which the retry
/// policy can add (the same key on every attempt of one call, a new one for the next call).
@Suite struct IdempotencyKeyTests {
    actor Counter {
        var count = 0
        func next() -> Int {
            defer { count += 1 }
            return count
        }
    }

    /// Two 503s, then 201, for each fresh series of calls.
    func routes(_ counter: Counter) -> (TestServer.Router) -> Void {
        { router in
            router.post("/exports") { _, _ in
                await counter.next() % 3 < 2 ? TestServer.response(status: 503, headers: ["Retry-After": "0"]) : TestServer.json(#"{"id": 1}"#, status: 201)
            }
        }
    }

    func post(headers: HeaderFields = HeaderFields()) -> Request<Data> {
        Request(operationID: "startExport", method: .post, path: "/exports", headers: headers, body: .json(["all": true]), response: .data)
    }

    static let quick = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(5), maxTotalTime: nil)

    @Test func aPostWithAnAddedKeyIsRetriedWithTheSameKey() async throws {
        var policy = Self.quick
        policy.addsIdempotencyKey = true
        try await TestServer.run(routes: routes(Counter())) { server in
            let client = APIClient(serverURL: server.baseURL, configuration: .init(retry: policy))
            _ = try await client.send(post())
            _ = try await client.send(post())
            let keys = await server.requests.map { $0.header("Idempotency-Key") }
            #expect(keys.count == 6)
            #expect(keys.allSatisfy { $0.map { UUID(uuidString: $0) != nil && $0 == $0.lowercased() } ?? false })
            #expect(Set(keys[0..<3]).count == 1 && Set(keys[3..<6]).count == 1)
            #expect(keys[0] != keys[3])
        }
    }

    @Test func aPostWithoutAKeyIsNotRetried() async throws {
        try await TestServer.run(routes: routes(Counter())) { server in
            let client = APIClient(serverURL: server.baseURL, configuration: .init(retry: Self.quick))
            await #expect(throws: APIError.self) { try await client.send(post()) }
            #expect(await server.requests.count == 1)
            #expect(await server.requests.first?.header("Idempotency-Key") == nil)
        }
    }

    @Test func aPostThatCarriesItsOwnKeyIsRetriedWithIt() async throws {
        var policy = Self.quick
        policy.idempotencyKeyHeader = "X-Request-Key"
        try await TestServer.run(routes: routes(Counter())) { server in
            let client = APIClient(serverURL: server.baseURL, configuration: .init(retry: policy))
            var headers = HeaderFields()
            headers.set("X-Request-Key", "order-42")
            _ = try await client.send(post(headers: headers))
            #expect(await server.requests.map { $0.header("X-Request-Key") } == ["order-42", "order-42", "order-42"])
        }
    }
}
