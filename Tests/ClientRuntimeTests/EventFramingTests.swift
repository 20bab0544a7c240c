@testable import ClientRuntime
import Foundation
import Testing

/// `EventFraming`: the WHATWG event stream interpretation and JSON Lines, fed in arbitrary chunks.
@Suite struct EventFramingTests {
    /// Feeds `text` to a fresh framing in chunks of `size` bytes, then ends the body.
    func events(_ text: String, format: EventFraming.Format = .serverSentEvents, chunkSize size: Int = .max) throws -> [ServerSentEvent] {
        var framing = EventFraming(format)
        let bytes = Array(text.utf8)
        var events: [ServerSentEvent] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            events += try framing.consume(Data(bytes[start..<end]))
            start = end
        }
        return events + framing.finish()
    }

    @Test func multiLineDataCommentsAndFields() throws {
        let stream = """
        : a comment, ignored
        event: delta
        data: first line
        data:second line
        data
        id: 7
        retry: 1500

        data: {"n":2}


        """
        let expected = [
            ServerSentEvent(event: "delta", data: "first line\nsecond line\n", id: "7", retry: 1500),
            ServerSentEvent(event: "message", data: #"{"n":2}"#, id: "7", retry: nil),
        ]
        let received = try events(stream)
        #expect(received == expected)
        // The same stream one byte at a time gives the same events.
        #expect(try events(stream, chunkSize: 1) == expected)
    }

    @Test(arguments: ["\r\n", "\r", "\n"])
    func everyLineEndEvenSplitAcrossChunks(lineEnd: String) throws {
        let stream = ["data: a", "", "data: b", "", ""].joined(separator: lineEnd)
        for size in [1, 2, 3, 7, 100] {
            #expect(try events(stream, chunkSize: size).map(\.data) == ["a", "b"], "chunks of \(size)")
        }
    }

    @Test func edgeCasesOfTheStandard() throws {
        // A byte order mark is dropped; only one space after the colon is; an id with NUL is ignored;
        // retry must be digits; a blank line without data dispatches nothing; unknown fields are ignored.
        let stream = "\u{FEFF}data:  two spaces\nid: a\u{0}b\nretry: 10s\nfoo: bar\n\nevent: empty\n\n"
        #expect(try events(stream) == [ServerSentEvent(data: " two spaces")])
        // An event not ended by a blank line is dropped at the end of the body.
        #expect(try events("data: complete\n\ndata: cut off\n") == [ServerSentEvent(data: "complete")])
        // `data:` with nothing after it is an event with empty data.
        #expect(try events("data:\n\n") == [ServerSentEvent(data: "")])
    }

    @Test func jsonLines() throws {
        let lines = "{\"a\":1}\r\n\n  \n{\"a\":2}\n{\"a\":3}"
        for size in [1, 4, 100] {
            #expect(try events(lines, format: .lines, chunkSize: size).map(\.data) == [#"{"a":1}"#, #"{"a":2}"#, #"{"a":3}"#])
        }
    }

    @Test func aBodyWithoutLineEndsIsRefusedPastTheLimit() throws {
        var framing = EventFraming(.serverSentEvents)
        let chunk = Data(repeating: UInt8(ascii: "a"), count: 1024 * 1024)
        #expect(throws: EventTooLargeError.self) {
            for _ in 0...EventFraming.maximumFrameSize / chunk.count { _ = try framing.consume(chunk) }
        }
    }
}
