// Responses whose bodies are written in chunks, for download tests.

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension TestServer {
    /// `data` as the body, with `Content-Length`, written `chunkSize` bytes at a time with `pause`
    /// between chunks (so a client can be cancelled in mid-body). `onAbort` runs when a write
    /// fails, i.e. the client went away before the end.
    public static func chunked(
        _ data: Data,
        status: Int = 200,
        headers: [String: String] = [:],
        chunkSize: Int = 64 * 1024,
        pause: Duration = .zero,
        onAbort: (@Sendable () async -> Void)? = nil
    ) -> Hummingbird.Response {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let fieldName = HTTPField.Name(name) {
                fields[fieldName] = value
            }
        }
        let size = max(1, chunkSize)
        let body = ResponseBody(contentLength: data.count) { writer in
            var offset = 0
            while offset < data.count {
                let end = min(offset + size, data.count)
                do {
                    try await writer.write(ByteBuffer(bytes: data[offset..<end]))
                } catch {
                    await onAbort?()
                    throw error
                }
                offset = end
                if pause > .zero, offset < data.count { try await Task.sleep(for: pause) }
            }
            try await writer.finish(nil)
        }
        return Hummingbird.Response(status: HTTPTypes.HTTPResponse.Status(code: status), headers: fields, body: body)
    }

    /// `count` bytes that depend on their position only, so a copy can be checked byte for byte.
    public static func pattern(count: Int) -> Data {
        var data = Data(count: count)
        data.withUnsafeMutableBytes { bytes in
            for index in bytes.indices {
                bytes[index] = UInt8(truncatingIfNeeded: (index &* 31) ^ (index >> 9))
            }
        }
        return data
    }
}

extension TestServer {
    /// A `text/event-stream` (or other streamed) response without `Content-Length`, written piece
    /// by piece with `pause` between pieces. `onWrite` runs after each piece reached the socket;
    /// `onAbort` when a write fails, i.e. the client went away before the end.
    public static func streamed(
        _ pieces: [String],
        contentType: String = "text/event-stream",
        pause: Duration = .zero,
        onWrite: (@Sendable (Int) async -> Void)? = nil,
        onAbort: (@Sendable () async -> Void)? = nil
    ) -> Hummingbird.Response {
        var fields = HTTPFields()
        fields[.contentType] = contentType
        fields[.cacheControl] = "no-cache"
        let body = ResponseBody { writer in
            for (index, piece) in pieces.enumerated() {
                do {
                    try await writer.write(ByteBuffer(string: piece))
                } catch {
                    await onAbort?()
                    throw error
                }
                await onWrite?(index)
                if pause > .zero { try await Task.sleep(for: pause) }
            }
            try await writer.finish(nil)
        }
        return Hummingbird.Response(status: .ok, headers: fields, body: body)
    }
}
