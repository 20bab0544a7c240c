import Foundation

// A streamed GET through retries and the head timeout, for `download`. Like `perform`, but the
// transport's `stream`, no middlewares, and retries decided on the head alone.
extension APIClient {
    /// Streams `request` until a head that is not worth retrying arrives (the body is then the
    /// caller's to read) or the retry budget is spent; a retried response's body is dropped unread,
    /// which cancels its transfer.
    func openDownload(_ request: HTTPRequest) async throws -> StreamedHTTPResponse {
        let policy = configuration.retry
        let mayRetry = policy.allowsRetry(of: request)
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 1
        while true {
            let outcome: Result<StreamedHTTPResponse, any Error>
            do {
                outcome = .success(try await streamHead(request))
            } catch {
                outcome = .failure(error)
            }
            let head = outcome.map { HTTPResponse(status: $0.status, headers: $0.headers) }
            guard mayRetry, attempt < policy.maxAttempts,
                  let delay = Self.retryDelay(after: head, attempt: attempt, policy: policy),
                  policy.maxTotalTime.map({ clock.now - start + delay <= $0 }) ?? true
            else {
                _ = try Self.finish(head)
                return try outcome.get()
            }
            try await Task.sleep(for: delay)
            attempt += 1
        }
    }

    /// One attempt until the head arrives, raced against `configuration.timeout`.
    private func streamHead(_ request: HTTPRequest) async throws -> StreamedHTTPResponse {
        guard let timeout = configuration.timeout else {
            return try await streamThroughTransport(request)
        }
        return try await withThrowingTaskGroup(of: StreamedHTTPResponse?.self) { group in
            group.addTask { try await self.streamThroughTransport(request) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw ClientError.timeout(operationID: Self.downloadOperationID, after: timeout)
            }
            return response
        }
    }

    /// The transport's errors become `TransportError` (or `CancellationError` when cancelled).
    private func streamThroughTransport(_ request: HTTPRequest) async throws -> StreamedHTTPResponse {
        do {
            return try await transport.stream(request)
        } catch let error as ClientError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw TransportError(classifying: error)
        }
    }
}
