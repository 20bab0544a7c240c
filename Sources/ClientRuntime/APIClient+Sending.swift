import Foundation

// One wire request through retries, the per-attempt timeout, the middlewares and the transport.
extension APIClient {
    /// Sends `request` until it gets a response that is not worth retrying, the retry budget is
    /// spent, or something is thrown that is never retried (timeout, cancellation, middleware error).
    /// After the last attempt a retryable response is returned as it is (it becomes an `APIError`)
    /// and a transport failure becomes `ClientError.transport`.
    func perform(_ request: HTTPRequest, operationID: String, timeout: Duration?) async throws -> HTTPResponse {
        let policy = configuration.retry
        // Added once, so every attempt of this call carries the same key.
        let request = policy.keyed(request)
        let mayRetry = policy.allowsRetry(of: request)
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 1
        while true {
            let outcome: Result<HTTPResponse, any Error>
            do {
                outcome = .success(try await attemptOnce(request, operationID: operationID, timeout: timeout))
            } catch {
                outcome = .failure(error)
            }
            guard mayRetry, attempt < policy.maxAttempts,
                  let delay = Self.retryDelay(after: outcome, attempt: attempt, policy: policy),
                  policy.maxTotalTime.map({ clock.now - start + delay <= $0 }) ?? true
            else {
                return try Self.finish(outcome)
            }
            try await Task.sleep(for: delay)
            attempt += 1
        }
    }

    /// The wait before the next attempt, or nil when `outcome` is not retryable.
    static func retryDelay(after outcome: Result<HTTPResponse, any Error>, attempt: Int, policy: RetryPolicy) -> Duration? {
        switch outcome {
        case .success(let response):
            guard policy.retryableStatuses.contains(response.status) else { return nil }
            let retryAfter = RetryAfter.delay(from: HeaderFields(response.headers)["Retry-After"])
            return policy.delay(afterAttempt: attempt, retryAfter: retryAfter, unit: Double.random(in: 0...1))
        case .failure(let error as TransportError) where error.kind == .connection && policy.retryConnectionErrors:
            return policy.delay(afterAttempt: attempt, retryAfter: nil, unit: Double.random(in: 0...1))
        case .failure:
            return nil
        }
    }

    static func finish(_ outcome: Result<HTTPResponse, any Error>) throws -> HTTPResponse {
        switch outcome {
        case .success(let response):
            return response
        case .failure(let error as TransportError):
            throw ClientError.transport(error.message)
        case .failure(let error):
            throw error
        }
    }

    /// One attempt, raced against `timeout` in a task group so it holds for any transport that
    /// stops when its task is cancelled.
    private func attemptOnce(_ request: HTTPRequest, operationID: String, timeout: Duration?) async throws -> HTTPResponse {
        guard let timeout else {
            return try await runMiddlewares(request, operationID: operationID, from: 0)
        }
        return try await withThrowingTaskGroup(of: HTTPResponse?.self) { group in
            group.addTask { try await self.runMiddlewares(request, operationID: operationID, from: 0) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw ClientError.timeout(operationID: operationID, after: timeout)
            }
            return response
        }
    }

    /// Middleware `index` and everything after it, then the transport.
    private func runMiddlewares(_ request: HTTPRequest, operationID: String, from index: Int) async throws -> HTTPResponse {
        let middlewares = configuration.middlewares
        guard index < middlewares.count else {
            return try await sendThroughTransport(request)
        }
        return try await middlewares[index].intercept(request, operationID: operationID) { request in
            try await self.runMiddlewares(request, operationID: operationID, from: index + 1)
        }
    }

    /// The transport's errors become `TransportError` (or `CancellationError` when cancelled).
    private func sendThroughTransport(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try await transport.send(request)
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
