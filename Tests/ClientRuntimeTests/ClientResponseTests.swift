import ClientRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Testing
import TestHTTPServer

/// How responses become values or errors.
@Suite struct ClientResponseTests {
    private static let itemsJSON = """
    {"items":[
      {"id":1,"name":"plain","createdAt":"2024-01-02T03:04:05Z"},
      {"id":2,"name":"fraction","createdAt":"2024-01-02T03:04:05.123Z"},
      {"id":3,"name":"offset","createdAt":"2024-01-02T05:04:05.5+02:00"},
      {"id":4,"name":"none"}
    ]}
    """

    private func routes(_ router: TestServer.Router) {
        router.get("/items") { _, _ in TestServer.json(Self.itemsJSON, headers: ["X-Total": "4"]) }
        router.delete("/items/:id") { _, _ in TestServer.response(status: 204) }
        router.get("/missing") { _, _ in TestServer.json(#"{"code":"not_found","message":"no such item"}"#, status: 404) }
        router.get("/teapot") { _, _ in TestServer.json(#"{"code":"teapot","message":"short and stout"}"#, status: 418) }
        router.get("/crash") { _, _ in TestServer.response(status: 500, headers: ["Content-Type": "text/plain"], body: "internal boom") }
        router.get("/bad-item") { _, _ in TestServer.json(#"{"items":[{"id":1,"name":"a"},{"id":"two","name":"b"}]}"#) }
        router.get("/not-json") { _, _ in TestServer.response(status: 200, body: "<html>" + String(repeating: "x", count: 400)) }
        router.get("/slow") { _, _ in
            try await Task.sleep(for: .seconds(5))
            return TestServer.json("{}")
        }
    }

    private func get<R>(_ path: String, errors: [ErrorResponse] = [], _ response: ResponseDecoder<R>) -> Request<R> {
        Request(operationID: "op\(path)", method: .get, path: path, errors: errors, response: response)
    }

    @Test func jsonIsDecodedWithAndWithoutFractionalSeconds() async throws {
        try await TestServer.run(routes: routes) { server in
            let response = try await server.client().response(for: get("/items", ResponseDecoder<ItemList>.json))
            #expect(response.status == 200)
            #expect(response.header("x-total") == "4")
            let items = response.value.items
            #expect(items.map(\.id) == [1, 2, 3, 4])
            #expect(items[0].createdAt == Date(timeIntervalSince1970: 1_704_164_645))
            let fraction = try #require(items[1].createdAt).timeIntervalSince1970
            #expect(abs(fraction - 1_704_164_645.123) < 0.0005)
            #expect(items[2].createdAt == Date(timeIntervalSince1970: 1_704_164_645.5))
            #expect(items[3].createdAt == nil)
        }
    }

    @Test func noContentDecodesToVoid() async throws {
        try await TestServer.run(routes: routes) { server in
            let request = Request<Void>(operationID: "deleteItem", method: .delete, path: "/items/9", response: .empty)
            let response = try await server.client().response(for: request)
            #expect(response.status == 204)
            #expect(response.data.isEmpty)
            try await server.client().send(request)
            #expect(await server.lastRequest?.method == "DELETE")
        }
    }

    @Test func typedErrorBodyIsDecoded() async throws {
        try await TestServer.run(routes: routes) { server in
            let declared: [ErrorResponse] = [.jsonDefault(JSONValue.self), .jsonRange(4, JSONValue.self), .json(400, JSONValue.self), .json(404, ErrorModel.self)]
            let reversedError = await #expect(throws: APIError.self) {
                try await server.client().send(get("/missing", errors: declared.reversed(), ResponseDecoder<ItemList>.json))
            }
            #expect(reversedError?.decodedBody is ErrorModel)
            let error = await #expect(throws: APIError.self) {
                try await server.client().send(get("/missing", errors: declared, ResponseDecoder<ItemList>.json))
            }
            let apiError = try #require(error)
            #expect(apiError.operationID == "op/missing")
            #expect(apiError.status == 404)
            #expect(apiError.body(as: ErrorModel.self) == ErrorModel(code: "not_found", message: "no such item"))
            #expect(apiError.decodedBody is ErrorModel)
            #expect(HeaderFields(apiError.headers)["content-type"] == "application/json")
        }
    }

    @Test func rangeBeatsDefaultWhateverTheOrder() async throws {
        try await TestServer.run(routes: routes) { server in
            let declared: [ErrorResponse] = [.jsonDefault(JSONValue.self), .jsonRange(4, ErrorModel.self), .json(500, JSONValue.self)]
            for errors in [declared, declared.reversed()] {
                let error = await #expect(throws: APIError.self) {
                    try await server.client().send(get("/teapot", errors: errors, ResponseDecoder<Data>.data))
                }
                #expect(error?.body(as: ErrorModel.self)?.code == "teapot")
            }
        }
    }

    @Test func unmatchedStatusKeepsTheRawBody() async throws {
        try await TestServer.run(routes: routes) { server in
            let error = await #expect(throws: APIError.self) {
                try await server.client().send(get("/crash", errors: [.json(404, ErrorModel.self)], ResponseDecoder<ItemList>.json))
            }
            let apiError = try #require(error)
            #expect(apiError.status == 500)
            #expect(apiError.decodedBody == nil)
            #expect(String(decoding: apiError.body, as: UTF8.self) == "internal boom")
            #expect(apiError.description.contains("op/crash"))
            #expect(apiError.description.contains("500"))
            #expect(apiError.description.contains("internal boom"))
        }
    }

    @Test func matchedStatusWithUndecodableBodyLeavesDecodedBodyNil() async throws {
        try await TestServer.run(routes: routes) { server in
            let error = await #expect(throws: APIError.self) {
                try await server.client().send(get("/crash", errors: [.json(500, ErrorModel.self)], ResponseDecoder<Data>.data))
            }
            #expect(error?.decodedBody == nil)
            #expect(error?.body == Data("internal boom".utf8))
        }
    }

    @Test func malformedJSONReportsPathAndExcerpt() async throws {
        try await TestServer.run(routes: routes) { server in
            let error = await #expect(throws: ClientError.self) {
                try await server.client().send(get("/bad-item", ResponseDecoder<ItemList>.json))
            }
            guard case .decoding(let failure)? = error else {
                Issue.record("expected .decoding, got \(String(describing: error))")
                return
            }
            #expect(failure.operationID == "op/bad-item")
            #expect(failure.codingPath == "items[1].id")
            #expect(!failure.message.isEmpty)
            #expect(failure.bodyExcerpt.hasPrefix(#"{"items":[{"id":1"#))
            #expect(String(describing: error!).contains("items[1].id"))
        }
    }

    @Test func nonJSONBodyIsExcerpted() async throws {
        try await TestServer.run(routes: routes) { server in
            let error = await #expect(throws: ClientError.self) {
                try await server.client().send(get("/not-json", ResponseDecoder<ItemList>.json))
            }
            guard case .decoding(let failure)? = error else {
                Issue.record("expected .decoding, got \(String(describing: error))")
                return
            }
            #expect(failure.codingPath == "")
            #expect(failure.bodyExcerpt.hasPrefix("<html>xxx"))
            #expect(failure.bodyExcerpt.count <= 201)
        }
    }

    @Test func cancellingTheTaskCancelsTheRequest() async throws {
        try await TestServer.run(routes: routes) { server in
            let session = URLSession(configuration: .ephemeral)
            defer { session.invalidateAndCancel() }
            let client = APIClient(serverURL: server.baseURL, transport: URLSessionTransport(session: session))
            let started = ContinuousClock.now
            let task = Task { try await client.send(get("/slow", ResponseDecoder<Data>.data)) }
            try await Task.sleep(for: .milliseconds(200))
            #expect(await Self.runningTaskCount(session) == 1)
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
            #expect(ContinuousClock.now - started < .seconds(4))
            // The URLSession data task itself was cancelled, not merely abandoned.
            var running = await Self.runningTaskCount(session)
            for _ in 0..<20 where running > 0 {
                try await Task.sleep(for: .milliseconds(50))
                running = await Self.runningTaskCount(session)
            }
            #expect(running == 0)
        }
    }

    private static func runningTaskCount(_ session: URLSession) async -> Int {
        await withCheckedContinuation { continuation in
            session.getAllTasks { tasks in
                continuation.resume(returning: tasks.filter { $0.state == .running }.count)
            }
        }
    }

    @Test func connectionFailureIsATransportError() async throws {
        // Find a port with nothing listening: start a server, note its port, stop it.
        let port = try await TestServer.run(routes: { _ in }) { $0.port }
        let client = APIClient(
            serverURL: URL(string: "http://127.0.0.1:\(port)")!,
            credentials: [.apiKey(scheme: "k", name: "key", in: .query, value: "query-secret")]
        )
        let error = await #expect(throws: ClientError.self) {
            try await client.send(Request<Data>(operationID: "x", method: .get, path: "/", security: [["k"]], response: .data))
        }
        guard case .transport? = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(!String(describing: error!).contains("query-secret"))
    }
}
