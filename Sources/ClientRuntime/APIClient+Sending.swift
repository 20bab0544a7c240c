import Foundation

// One wire request through retries, the per-attempt timeout, the middlewares and the transport.
extension APIClient {
    /// Sends `request` until it gets a response that is not worth retrying, the retry budget is
    /// spent, or something is thrown that is never retried (timeout, cancellation, middleware error).
    /// After the last attempt a retryable response is returned as it is (it becomes an `APIError`)
    /// and a transport failure becomes `ClientError.transport`.
    func perform(_ request: HTTPRequest, operationID: String, timeout: Duration?) async throws -> HTTPResponse {
        // Added once, so every attempt of this call carries the same key.
        let request = configuration.retry.keyed(request)
        // A transport that enforces a deadline itself is given one; middlewares may take time of
        // their own, so with any of them the attempt is raced against the timeout as a whole.
        if let timeout, transport.enforcesDeadline, configuration.middlewares.isEmpty {
            return try await retrying(request, head: { $0 }) {
                var attempt = request
                let deadline = ContinuousClock.now + timeout
                attempt.deadline = deadline
                do {
                    return try await self.sendThroughTransport(attempt)
                } catch let error as TransportError where error.kind == .timedOut && ContinuousClock.now >= deadline {
                    throw ClientError.timeout(operationID: operationID, after: timeout)
                }
            }
        }
        return try await retrying(request, head: { $0 }) {
            try await self.racing(timeout, operationID: operationID) {
                try await self.runMiddlewares(request, operationID: operationID, from: 0)
            }
        }
    }

    /// Runs `attempt` until its response (seen through `head`) is not worth retrying, the retry
    /// budget is spent, or it throws something never retried. A last retryable response is
    /// returned as it is; a last transport failure becomes `ClientError.transport`.
    func retrying<Response>(
        _ request: HTTPRequest, head: (Response) -> HTTPResponse, _ attempt: () async throws -> Response
    ) async throws -> Response {
        let policy = configuration.retry
        let mayRetry = policy.allowsRetry(of: request)
        let clock = ContinuousClock()
        let start = clock.now
        var attempts = 1
        while true {
            let outcome: Result<Response, any Error>
            do {
                outcome = .success(try await attempt())
            } catch {
                outcome = .failure(error)
            }
            guard mayRetry, attempts < policy.maxAttempts,
                  let delay = Self.retryDelay(after: outcome.map(head), attempt: attempts, policy: policy),
                  policy.maxTotalTime.map({ clock.now - start + delay <= $0 }) ?? true
            else {
                return try Self.finish(outcome)
            }
            try await Task.sleep(for: delay)
            attempts += 1
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

    static func finish<Response>(_ outcome: Result<Response, any Error>) throws -> Response {
        switch outcome {
        case .success(let response):
            return response
        case .failure(let error as TransportError):
            throw ClientError.transport(error.message)
        case .failure(let error):
            throw error
        }
    }

    /// `body` raced against `timeout` in a task group, so the deadline holds for any transport
    /// that stops when its task is cancelled.
    func racing<Response: Sendable>(
        _ timeout: Duration?, operationID: String, _ body: @escaping @Sendable () async throws -> Response
    ) async throws -> Response {
        guard let timeout else { return try await body() }
        return try await withThrowingTaskGroup(of: Response?.self) { group in
            group.addTask { try await body() }
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
        try await Self.classifyingTransportErrors { try await self.transport.send(request) }
    }

    /// `ClientError`s pass; anything else the transport throws becomes `TransportError`, or
    /// `CancellationError` when the task was cancelled.
    static func classifyingTransportErrors<Response>(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
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
