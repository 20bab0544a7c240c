import AsyncHTTPClient
import ClientRuntime
@testable import ClientRuntimeAsyncHTTPClient
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Testing
import TestHTTPServer

/// The AsyncHTTPClient transport against the same test server as URLSession.
@Suite struct AsyncHTTPClientTransportTests {
    private func routes(_ router: TestServer.Router) {
        router.post("/echo") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            return TestServer.json(String(buffer: body), status: 201, headers: ["X-Seen-Key": request.headers[.init("api-key")!] ?? "none"])
        }
        router.get("/slow") { _, _ in
            try await Task.sleep(for: .seconds(3))
            return TestServer.json("{}")
        }
    }

    private func client(_ server: TestServer, port: Int? = nil, configuration: APIClient.Configuration = .init()) -> APIClient {
        let url = port.map { URL(string: "http://127.0.0.1:\($0)")! } ?? server.baseURL
        return APIClient(serverURL: url, credentials: [Jobs.brevoKey], transport: AsyncHTTPClientTransport(), configuration: configuration)
    }

    @Test func sendsAndDecodesThroughAsyncHTTPClient() async throws {
        try await TestServer.run(routes: routes) { server in
            let request = Request<APIResponseEcho>(operationID: "echo", method: .post, path: "/echo", body: .json(APIResponseEcho(name: "ünïcode", count: 3)), security: [["api-key"]], response: .json)
            let start = ContinuousClock.now
            let response = try await client(server).response(for: request)
            Scenario.report("AsyncHTTPClient transport: POST + decode", requests: await server.requests.count, since: start)
            #expect(response.status == 201)
            #expect(response.value == APIResponseEcho(name: "ünïcode", count: 3))
            #expect(response.header("x-seen-key") == "BREVO-SECRET-KEY")
            let received = try #require(await server.lastRequest)
            #expect(received.method == "POST")
            #expect(received.header("Content-Type") == "application/json")
        }
    }

    @Test func clientTimeoutCancelsTheAsyncHTTPClientRequest() async throws {
        try await TestServer.run(routes: routes) { server in
            let client = client(server, configuration: .init(timeout: .milliseconds(200)))
            let start = ContinuousClock.now
            let error = await #expect(throws: ClientError.self) {
                try await client.send(Request<Data>(operationID: "slow", method: .get, path: "/slow", response: .data))
            }
            guard case .timeout? = error else {
                Issue.record("expected .timeout, got \(String(describing: error))")
                return
            }
            #expect(ContinuousClock.now - start >= .milliseconds(200))
        }
    }

    @Test func refusedConnectionIsARetryableTransportError() async throws {
        let port = try await TestServer.run(routes: { _ in }) { $0.port }
        // Left to itself, AsyncHTTPClient retries connecting until the request's deadline; off, so
        // the client's RetryPolicy decides.
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let transport = CountingTransport(base: AsyncHTTPClientTransport(client: httpClient))
        let client = APIClient(
            serverURL: URL(string: "http://127.0.0.1:\(port)")!,
            transport: transport,
            configuration: .init(retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(5)))
        )
        let start = ContinuousClock.now
        let error = await #expect(throws: ClientError.self) {
            try await client.send(Request<Data>(operationID: "x", method: .get, path: "/", response: .data))
        }
        try await httpClient.shutdown()
        Scenario.report("AsyncHTTPClient: refused connection, 3 attempts", requests: await transport.count, since: start)
        guard case .transport(let message)? = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(await transport.count == 3)
        #expect(!message.contains("127.0.0.1"))
        // With AsyncHTTPClient's own connection retries on it would run into the 60 s client timeout.
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test func errorsAreClassified() {
        #expect(AsyncHTTPClientTransport.classify(HTTPClientError.connectTimeout).kind == .connection)
        #expect(AsyncHTTPClientTransport.classify(HTTPClientError.remoteConnectionClosed).kind == .connection)
        #expect(AsyncHTTPClientTransport.classify(HTTPClientError.deadlineExceeded).kind == .timedOut)
        #expect(AsyncHTTPClientTransport.classify(HTTPClientError.invalidURL).kind == .other)
        #expect(AsyncHTTPClientTransport.classify(URLError(.cannotConnectToHost)).kind == .connection)
    }

    /// Counts what goes through to the wrapped transport.
    actor CountingTransport: HTTPTransport {
        let base: any HTTPTransport
        private(set) var count = 0
        init(base: any HTTPTransport) { self.base = base }
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            count += 1
            return try await base.send(request)
        }
    }
}

struct APIResponseEcho: Codable, Hashable, Sendable {
    var name: String
    var count: Int
}
