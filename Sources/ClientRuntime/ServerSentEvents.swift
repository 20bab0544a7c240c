import Foundation

/// One event of a `text/event-stream` body, as the WHATWG HTML standard's event stream
/// interpretation dispatches it.
public struct ServerSentEvent: Hashable, Sendable {
    /// The `event:` field, or `message` when the event has none.
    public var event: String
    /// The `data:` lines joined with `\n`.
    public var data: String
    /// The last `id:` the stream set (it carries over to later events), or nil when none was set.
    public var id: String?
    /// The reconnection time in milliseconds a `retry:` line of this event asked for.
    public var retry: Int?

    public init(event: String = "message", data: String, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }
}

/// Thrown when one event or line of a streamed body grows past `EventFraming.maximumFrameSize`.
public struct EventTooLargeError: Error, CustomStringConvertible {
    public let limit: Int
    public var description: String { "a streamed event is larger than \(limit) bytes" }
}

/// Cuts a streamed body into events, chunk by chunk: `text/event-stream` by the WHATWG rules, or
/// JSON Lines / NDJSON (one value per line). Lines may end in LF, CRLF or CR, and a chunk may end
/// anywhere, even between the CR and LF of one line end.
public struct EventFraming: Sendable {
    public enum Format: Sendable {
        case serverSentEvents
        /// `application/jsonl`, `application/x-ndjson`: each non-blank line is one event's `data`.
        case lines
    }

    /// The longest event (or line) accepted, so a body without line ends cannot fill memory.
    public static let maximumFrameSize = 16 * 1024 * 1024

    private let format: Format
    private var line: [UInt8] = []
    private var lineEndedWithCR = false
    private var firstLine = true
    // The event being assembled (server-sent events only).
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType = ""
    private var lastEventID = ""
    private var retry: Int?

    public init(_ format: Format) {
        self.format = format
    }

    /// The events `chunk` completes, in order.
    public mutating func consume(_ chunk: Data) throws -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in chunk {
            switch byte {
            case 0x0A where lineEndedWithCR:
                lineEndedWithCR = false
            case 0x0A, 0x0D:
                lineEndedWithCR = byte == 0x0D
                if let event = endLine() { events.append(event) }
            default:
                lineEndedWithCR = false
                line.append(byte)
                if line.count + data.count > Self.maximumFrameSize { throw EventTooLargeError(limit: Self.maximumFrameSize) }
            }
        }
        return events
    }

    /// What the end of the body completes: a last line without a line end (JSON Lines). A
    /// server-sent event not ended by a blank line is dropped, as the standard says.
    public mutating func finish() -> [ServerSentEvent] {
        guard format == .lines, !line.isEmpty else { return [] }
        return endLine().map { [$0] } ?? []
    }

    private mutating func endLine() -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if firstLine {
            firstLine = false
            // A UTF-8 byte order mark before the first line is not part of it.
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        }
        switch format {
        case .lines:
            let text = String(decoding: line, as: UTF8.self)
            return text.allSatisfy(\.isWhitespace) ? nil : ServerSentEvent(data: text)
        case .serverSentEvents:
            return interpretLine()
        }
    }

    /// One line of an event stream: a field, a comment, or the blank line that dispatches.
    private mutating func interpretLine() -> ServerSentEvent? {
        guard !line.isEmpty else { return dispatch() }
        guard line[0] != UInt8(ascii: ":") else { return nil }
        let field: ArraySlice<UInt8>
        var value: ArraySlice<UInt8>
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            field = line[..<colon]
            value = line[(colon + 1)...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        } else {
            field = line[...]
            value = []
        }
        switch String(decoding: field, as: UTF8.self) {
        case "event":
            eventType = String(decoding: value, as: UTF8.self)
        case "data":
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
        case "id" where !value.contains(0):
            lastEventID = String(decoding: value, as: UTF8.self)
        case "retry" where !value.isEmpty && value.allSatisfy({ (0x30...0x39).contains($0) }):
            retry = Int(String(decoding: value, as: UTF8.self))
        default:
            break
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = ""
            retry = nil
        }
        guard hasData else { return nil }
        return ServerSentEvent(
            event: eventType.isEmpty ? "message" : eventType, data: String(decoding: data, as: UTF8.self),
            id: lastEventID.isEmpty ? nil : lastEventID, retry: retry)
    }
}
