import Foundation

// A streamed GET through retries and the head timeout, for `download`. Like `perform`, but the
// transport's `stream`, no middlewares, and retries decided on the head alone.
extension APIClient {
    /// Streams `request` until a head that is not worth retrying arrives (the body is then the
    /// caller's to read) or the retry budget is spent; a retried response's body is dropped unread,
    /// which cancels its transfer.
    func openDownload(_ request: HTTPRequest) async throws -> StreamedHTTPResponse {
        try await retrying(request, head: { HTTPResponse(status: $0.status, headers: $0.headers) }) {
            try await self.racing(self.configuration.timeout, operationID: Self.downloadOperationID) {
                try await Self.classifyingTransportErrors { try await self.transport.stream(request) }
            }
        }
    }
}
