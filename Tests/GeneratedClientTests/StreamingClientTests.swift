import ClientRuntime
import ClientRuntimeAsyncHTTPClient
import Foundation
import StreamingAPI
import Testing
import TestHTTPServer

/// The generated streaming builders (Fixtures/streaming.yaml) against a server on 127.0.0.1 that
/// writes its events in small, arbitrary pieces, through both transports.
@Suite struct StreamingClientTests {
    enum Transport: String, CaseIterable, CustomTestStringConvertible {
        case urlSession, asyncHTTPClient
        var testDescription: String { rawValue }
        func make() -> any HTTPTransport {
            switch self {
            case .urlSession: URLSessionTransport()
            case .asyncHTTPClient: AsyncHTTPClientTransport()
            }
        }
    }

    /// What the slow route wrote before its client went away.
    actor Writes {
        private(set) var count = 0
        private(set) var aborts = 0
        var aborted: Bool { aborts > 0 }
        func wrote() { count += 1 }
        func abort() { aborts += 1 }
    }

    /// 100 chunks of a completion, each event's JSON split over two `data:` lines, with a comment
    /// and a named event among them, then `[DONE]` and an event after it that must not be read.
    static let completionStream: String = {
        var text = ": the stream starts\n\n"
        for index in 0..<100 {
            text += "id: \(index)\n"
            if index == 50 { text += "event: chunk\n: a comment inside an event\n" }
            text += "data: {\"id\":\"c-1\",\n"
            text += "data:  \"delta\":\"token \(index)\\n\"}\r\n\r\n"
        }
        return text + "data: [DONE]\n\ndata: {\"id\":\"after\",\"delta\":\"\"}\n\n"
    }()

    /// `text` cut into pieces of 1 to 40 bytes (seeded), so lines and line ends split anywhere.
    static func pieces(_ text: String) -> [String] {
        var bytes = Array(text.utf8)[...]
        var pieces: [String] = []
        var seed: UInt64 = 7
        while !bytes.isEmpty {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let size = min(bytes.count, Int(seed >> 59) + 1 + Int((seed >> 40) % 8))
            pieces.append(String(decoding: bytes.prefix(size), as: UTF8.self))
            bytes = bytes.dropFirst(size)
        }
        return pieces
    }

    private static func routes(_ writes: Writes) -> (TestServer.Router) -> Void {
        { router in
            router.post("/v1/chat/completions") { _, _ in TestServer.streamed(pieces(completionStream)) }
            router.post("/v1/generate_stream") { _, _ in
                TestServer.json(#"{"message":"prompt is empty"}"#, status: 422)
            }
            // Up to 2,000 events, 5 ms apart: ten seconds, far longer than a cancelled stream may take.
            router.get("/v1/conversations/slow/events") { _, _ in
                let event = "event: message.delta\ndata: {\"type\":\"message.delta\",\"content\":\"word\"}\n\n"
                return TestServer.streamed(
                    Array(repeating: event, count: 2_000), pause: .milliseconds(5),
                    onWrite: { _ in await writes.wrote() }, onAbort: { await writes.abort() })
            }
            router.get("/v1/conversations/c-1/events") { _, _ in
                TestServer.streamed(pieces("""
                event: message.delta
                data: {"type":"message.delta","content":"Hel"}

                event: message.delta
                data: {"type":"message.delta","content":"lo"}

                event: message.done
                id: 3
                data: {"type":"message.done","tokens":2}

                event: message.audit
                data: {"type":"message.audit"}


                """))
            }
            router.get("/v1/logs") { _, _ in
                TestServer.streamed(["retry: 3000\nid: l-1\nevent: log\ndata: booted\ndata: ready\n\n", ": ping\n\n", "data: bye\n\n"])
            }
            router.get("/v1/games/export") { _, _ in
                TestServer.streamed(
                    pieces("{\"id\":\"g1\",\"moves\":\"e4 e5\"}\n{\"id\":\"g2\"}\r\n\n{\"id\":\"g3\",\"rated\":true}"),
                    contentType: "application/x-ndjson")
            }
            router.post("/v1/summaries") { _, _ in
                TestServer.streamed(["{\"id\":\"s\",\"delta\":\"Short\"}\n{\"id\":\"s\",", "\"delta\":\" story\"}\n"],
                                    contentType: "application/stream+json")
            }
            router.get("/v1/games/bad") { _, _ in
                TestServer.streamed(["data: {\"id\":\"c-1\",\"delta\":\"ok\"}\n\n", "data: {\"id\":1}\n\n"])
            }
        }
    }

    private func client(_ server: TestServer, _ transport: Transport) -> APIClient {
        APIClient(serverURL: server.baseURL.appendingPathComponent("v1"), transport: transport.make())
    }

    @Test(arguments: Transport.allCases)
    func aHundredEventsDecodedUntilDone(transport: Transport) async throws {
        try await TestServer.run(routes: Self.routes(Writes())) { server in
            let events = try await client(server, transport).send(
                Streaming.createChatCompletionEvents(body: .init(prompt: "count", stream: true)))
            #expect(events.status == 200)
            #expect(events.header("content-type") == "text/event-stream")
            var chunks: [ChatChunk] = []
            for try await chunk in events { chunks.append(chunk) }
            #expect(chunks.count == 100, "the event after [DONE] is not read")
            #expect(chunks.map(\.delta) == (0..<100).map { "token \($0)\n" })
            #expect(chunks.allSatisfy { $0.id == "c-1" })
            let request = try #require(await server.lastRequest)
            #expect(request.header("Accept") == "text/event-stream")
            #expect(request.header("Content-Type") == "application/json")
        }
    }

    @Test(arguments: Transport.allCases)
    func leavingTheLoopStopsTheServersWrites(transport: Transport) async throws {
        let writes = Writes()
        try await TestServer.run(routes: Self.routes(writes)) { server in
            let client = client(server, transport)
            var received = 0
            for try await event in try await client.send(Streaming.streamConversation(conversationID: "slow")) {
                #expect(event.event == .messageDelta)
                received += 1
                if received == 3 { break }
            }
            let left = ContinuousClock.now
            while await !writes.aborted, ContinuousClock.now - left < .seconds(5) {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await writes.aborted, "the server's write failed once the client closed the connection")
            let written = await writes.count
            #expect(written < 1_000, "the server stopped long before its 2,000 events (\(written) written)")

            // Cancelling the task that iterates stops the stream in the same way.
            let before = await writes.count
            // Cancelled once the stream is open and an event has arrived (before that, cancelling
            // would stop `send` itself, which is another test's business).
            let (arrivals, arrived) = AsyncStream<Void>.makeStream()
            let reading = Task {
                var count = 0
                for try await _ in try await client.send(Streaming.streamConversation(conversationID: "slow")) {
                    count += 1
                    arrived.yield()
                }
                return count
            }
            for await _ in arrivals { break }
            reading.cancel()
            let count = try await reading.value
            #expect(count < 1_000)
            let cancelled = ContinuousClock.now
            while await writes.aborts < 2, ContinuousClock.now - cancelled < .seconds(5) {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await writes.aborts == 2, "the second stream's writes failed too")
            let settled = await writes.count
            try await Task.sleep(for: .milliseconds(300))
            #expect(await writes.count == settled, "no more writes after the cancellation (\(settled - before) written)")
        }
    }

    @Test(arguments: Transport.allCases)
    func wholeEventsWithTheirTypeAndData(transport: Transport) async throws {
        try await TestServer.run(routes: Self.routes(Writes())) { server in
            var events: [ConversationEvent] = []
            for try await event in try await client(server, transport).send(Streaming.streamConversation(conversationID: "c-1")) {
                events.append(event)
            }
            #expect(events.map(\.event) == [.messageDelta, .messageDelta, .messageDone, .unknown("message.audit")])
            guard case .messageDelta(let first) = events.first?.data, case .messageDone(let done) = events[2].data else {
                Issue.record("unexpected data: \(events)")
                return
            }
            #expect(first.content == "Hel")
            #expect(done.tokens == 2)
            #expect(events[2].additionalProperties["id"] == .string("3"), "the event's id is kept")
        }
    }

    @Test(arguments: Transport.allCases)
    func untypedEventsAndJSONLines(transport: Transport) async throws {
        try await TestServer.run(routes: Self.routes(Writes())) { server in
            let client = client(server, transport)
            var logs: [ServerSentEvent] = []
            for try await event in try await client.send(Streaming.tailLogs()) { logs.append(event) }
            #expect(logs == [
                ServerSentEvent(event: "log", data: "booted\nready", id: "l-1", retry: 3000),
                ServerSentEvent(event: "message", data: "bye", id: "l-1"),
            ])

            var games: [Game] = []
            for try await game in try await client.send(Streaming.exportGames(max: 3)) { games.append(game) }
            #expect(games.map(\.id) == ["g1", "g2", "g3"])
            #expect(games.first?.moves == "e4 e5")
            #expect(games.last?.additionalProperties["rated"] == .bool(true))
            #expect(await server.lastRequest?.header("Accept") == "application/x-ndjson")

            var pieces: [String] = []
            for try await chunk in try await client.send(Streaming.summarizeEvents(body: .init(prompt: "tell"))) {
                pieces.append(chunk.delta)
            }
            #expect(pieces == ["Short", " story"])
            #expect(await server.lastRequest?.header("Accept") == "application/stream+json")
        }
    }

    @Test(arguments: Transport.allCases)
    func anErrorStatusIsAnAPIErrorWithItsDecodedBody(transport: Transport) async throws {
        try await TestServer.run(routes: Self.routes(Writes())) { server in
            let error = await #expect(throws: APIError.self) {
                try await client(server, transport).send(Streaming.generateStream(body: .init(prompt: "")))
            }
            #expect(error?.status == 422)
            #expect((error?.decodedBody as? Problem)?.message == "prompt is empty")
        }
    }

    @Test(arguments: Transport.allCases)
    func anEventThatDoesNotDecodeIsADecodingErrorAfterTheGoodOnes(transport: Transport) async throws {
        try await TestServer.run(routes: Self.routes(Writes())) { server in
            var request = Streaming.createChatCompletionEvents(body: .init(prompt: "x"))
            request.method = .get
            request.path = "/games/bad"
            request.body = nil
            var received: [String] = []
            do {
                for try await chunk in try await client(server, transport).send(request) { received.append(chunk.delta) }
                Issue.record("expected a decoding error")
            } catch ClientError.decoding(let failure) {
                #expect(failure.operationID == "createChatCompletion")
                #expect(failure.bodyExcerpt.contains(#"{"id":1}"#))
            }
            #expect(received == ["ok"])
        }
    }
}
