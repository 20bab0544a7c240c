import Foundation

/// The events of a streamed response (`text/event-stream`, JSON Lines), decoded one by one as they
/// arrive. What `send` returns for an operation that answers with a stream:
///
///     for try await chunk in try await client.send(Mistral.Chat.streamChat(body: request)) {
///         print(chunk.choices.first?.delta.content ?? "", terminator: "")
///     }
///
/// - Iterate it once (a second iteration finds no events). Leaving the loop early or cancelling
///   the task closes the connection, so the server stops sending; so does dropping an unread stream.
/// - An event whose `data` is `[DONE]` (the sentinel AI providers send) ends the sequence.
/// - A stream is never retried once its status and headers have arrived: a failure in mid-stream
///   is thrown from `next()` (`ClientError.transport`, or `ClientError.decoding` for an event
///   that does not decode, with the event's data as the excerpt).
/// - When the iterating task is cancelled, iteration ends (returns nil) as for any async stream.
public struct EventStream<Event: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Event

    /// The status of the response (2xx).
    public let status: Int
    public let headers: [HeaderField]
    private let body: BodyHandOff
    private let format: EventFraming.Format
    private let operationID: String
    private let makeDecoder: @Sendable () -> JSONDecoder
    /// Nil to skip the event (e.g. a keep-alive with no data).
    private let decode: @Sendable (ServerSentEvent, JSONDecoder) throws -> Event?

    init(
        _ response: StreamedHTTPResponse, format: EventFraming.Format, operationID: String,
        makeDecoder: @escaping @Sendable () -> JSONDecoder,
        decode: @escaping @Sendable (ServerSentEvent, JSONDecoder) throws -> Event?
    ) {
        status = response.status
        headers = response.headers
        body = BodyHandOff(response.body)
        self.format = format
        self.operationID = operationID
        self.makeDecoder = makeDecoder
        self.decode = decode
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        HeaderFields(headers)[name]
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        // The only reference to the body once iteration starts, so dropping it closes the connection.
        private var chunks: HTTPBodyStream.AsyncIterator?
        private var framing: EventFraming
        private var pending: [ServerSentEvent] = []
        private var nextPending = 0
        private let decoder: JSONDecoder
        private let format: EventFraming.Format
        private let operationID: String
        private let decode: @Sendable (ServerSentEvent, JSONDecoder) throws -> Event?

        fileprivate init(_ stream: EventStream) {
            chunks = stream.body.take()?.makeAsyncIterator()
            framing = EventFraming(stream.format)
            decoder = stream.makeDecoder()
            format = stream.format
            operationID = stream.operationID
            decode = stream.decode
        }

        public mutating func next() async throws -> Event? {
            while true {
                while nextPending < pending.count {
                    let frame = pending[nextPending]
                    nextPending += 1
                    if format == .serverSentEvents, frame.data == "[DONE]" {
                        finish()
                        return nil
                    }
                    do {
                        if let event = try decode(frame, decoder) { return event }
                    } catch {
                        finish()
                        throw ClientError.decoding(
                            DecodingFailure(operationID: operationID, error: error, body: Data(frame.data.utf8)))
                    }
                }
                guard chunks != nil else { return nil }
                pending = try await nextFrames()
                nextPending = 0
            }
        }

        /// The events the next chunk completes (maybe none), or the last ones at the end.
        private mutating func nextFrames() async throws -> [ServerSentEvent] {
            let chunk: Data?
            do {
                chunk = try await chunks?.next()
            } catch {
                finish()
                if Task.isCancelled || error is CancellationError { return [] }
                throw ClientError.transport("\(operationID): the stream broke off: \(TransportError(classifying: error).message)")
            }
            guard let chunk else {
                finish()
                return Task.isCancelled ? [] : framing.finish()
            }
            do {
                return try framing.consume(chunk)
            } catch {
                finish()
                throw ClientError.decoding(DecodingFailure(
                    operationID: operationID, codingPath: "", message: "\(error)", bodyExcerpt: ""))
            }
        }

        /// Drops the body, which closes the connection if it is still open.
        private mutating func finish() {
            chunks = nil
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(self)
    }
}

extension ResponseDecoder {
    /// A `text/event-stream` response whose events' `data` are JSON values of `Event`. Events with
    /// no data (keep-alives) are skipped.
    public static func serverSentEvents<Event: Decodable & Sendable>() -> Self where Response == EventStream<Event> {
        Self(accept: "text/event-stream", format: .serverSentEvents) { frame, decoder in
            guard !frame.data.allSatisfy(\.isWhitespace) else { return nil }
            return try decoder.decode(Event.self, from: Data(frame.data.utf8))
        }
    }

    /// A `text/event-stream` response whose schema describes the whole event: each event is decoded
    /// as an object of its fields, `event`, `data` (a JSON value, or a string when the data is not
    /// JSON), `id` and `retry`.
    public static func serverSentEventObjects<Event: Decodable & Sendable>() -> Self where Response == EventStream<Event> {
        Self(accept: "text/event-stream", format: .serverSentEvents) { frame, decoder in
            try decoder.decode(Event.self, from: EventObject.json(of: frame))
        }
    }

    /// A `text/event-stream` response whose events are given as they arrived.
    public static func serverSentEvents() -> Self where Response == EventStream<ServerSentEvent> {
        Self(accept: "text/event-stream", format: .serverSentEvents) { frame, _ in frame }
    }

    /// A JSON Lines (NDJSON) response: each non-blank line is a JSON value of `Event`.
    public static func jsonLines<Event: Decodable & Sendable>(
        contentType: String = "application/x-ndjson"
    ) -> Self where Response == EventStream<Event> {
        Self(accept: contentType, format: .lines) { frame, decoder in
            try decoder.decode(Event.self, from: Data(frame.data.utf8))
        }
    }

    private init<Event>(
        accept: String, format: EventFraming.Format,
        decode: @escaping @Sendable (ServerSentEvent, JSONDecoder) throws -> Event?
    ) where Response == EventStream<Event> {
        self.init(accept: accept, decode: { _, _ in throw EventStreamNotOpened() }, stream: { response, operationID, makeDecoder in
            EventStream(response, format: format, operationID: operationID, makeDecoder: makeDecoder, decode: decode)
        })
    }
}

/// Hands the body to the first iterator only, so that leaving that iteration releases it.
private final class BodyHandOff: @unchecked Sendable {
    private let lock = NSLock()
    private var body: HTTPBodyStream?

    init(_ body: HTTPBodyStream) {
        self.body = body
    }

    func take() -> HTTPBodyStream? {
        lock.withLock {
            defer { body = nil }
            return body
        }
    }
}

/// What a stream decoder's whole-body `decode` throws: streams are opened by `APIClient`, never
/// decoded from a body in memory.
struct EventStreamNotOpened: Error, CustomStringConvertible {
    var description: String { "a streamed response is read with APIClient.send, not decoded from a whole body" }
}

/// The JSON object `serverSentEventObjects` decodes an event from.
enum EventObject {
    static func json(of frame: ServerSentEvent) throws -> Data {
        let encoder = JSONEncoder()
        var json = Data("{\"event\":".utf8)
        json.append(try encoder.encode(frame.event))
        if let id = frame.id {
            json.append(Data(",\"id\":".utf8))
            json.append(try encoder.encode(id))
        }
        if let retry = frame.retry {
            json.append(Data(",\"retry\":\(retry)".utf8))
        }
        json.append(Data(",\"data\":".utf8))
        let data = Data(frame.data.utf8)
        if (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil {
            json.append(data)
        } else {
            json.append(try encoder.encode(frame.data))
        }
        json.append(UInt8(ascii: "}"))
        return json
    }
}
