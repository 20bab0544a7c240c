import Foundation

// A streamed request through retries and the head timeout, for `download` and event streams. Like
// `perform`, but the transport's `stream`, no middlewares, and retries decided on the head alone.
extension APIClient {
    /// Streams `request` until a head that is not worth retrying arrives (the body is then the
    /// caller's to read) or the retry budget is spent; a retried response's body is dropped unread,
    /// which cancels its transfer. `timeout` bounds each attempt until its head arrives.
    func openStream(_ request: HTTPRequest, operationID: String, timeout: Duration?) async throws -> StreamedHTTPResponse {
        let request = configuration.retry.keyed(request)
        return try await retrying(request, head: { HTTPResponse(status: $0.status, headers: $0.headers) }) {
            try await self.racing(timeout, operationID: operationID) {
                try await Self.classifyingTransportErrors { try await self.transport.stream(request) }
            }
        }
    }
}

extension HTTPBodyStream {
    /// Up to `limit` bytes from the start of the body, for an error's body; the rest is dropped.
    func collect(upTo limit: Int) async throws -> Data {
        var data = Data()
        for try await chunk in self {
            data.append(chunk.prefix(limit - data.count))
            if data.count >= limit { break }
        }
        return data
    }
}
