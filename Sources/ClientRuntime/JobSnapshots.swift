/// Polling of long-running jobs.
extension APIClient {
    /// Polls `job` until it succeeds and returns the final snapshot.
    /// - Throws: `JobFailedError` on a failure state, `JobTimeoutError` past `policy.timeout`,
    ///   `CancellationError` as soon as the task is cancelled (no request is sent after that),
    ///   and whatever `send` throws for a poll (after the client's retries).
    public func wait<Snapshot>(for job: Job<Snapshot>, policy: PollingPolicy = .default) async throws -> Snapshot {
        for try await snapshot in snapshots(of: job, policy: policy) where snapshot.state.isTerminal {
            // A failure state makes the sequence throw on the next call, so only success ends here.
            if case .succeeded = snapshot.state { return snapshot.value }
        }
        // The sequence ends only after a terminal snapshot or by throwing.
        throw CancellationError()
    }

    /// Every poll's snapshot, running ones included (unknown statuses among them), ending after
    /// the terminal one. After a failure snapshot the next call throws `JobFailedError`; past the
    /// deadline it throws `JobTimeoutError`. Polls only while iterated; cancelling the consuming
    /// task stops it.
    public func snapshots<Snapshot>(of job: Job<Snapshot>, policy: PollingPolicy = .default) -> JobSnapshots<Snapshot> {
        JobSnapshots(client: self, job: job, policy: policy)
    }
}

/// The snapshots of one job, one per poll. See `APIClient.snapshots(of:policy:)`.
public struct JobSnapshots<Snapshot: Sendable>: AsyncSequence, Sendable {
    public typealias Element = JobSnapshot<Snapshot>

    let client: APIClient
    let job: Job<Snapshot>
    let policy: PollingPolicy

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(client: client, job: job, policy: policy)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        private enum Phase {
            case notStarted
            case polling(started: ContinuousClock.Instant, wait: Duration, last: JobSnapshot<Snapshot>)
            case failed(JobFailedError<Snapshot>)
            case finished
        }

        private let client: APIClient
        private let job: Job<Snapshot>
        private let policy: PollingPolicy
        private var phase: Phase = .notStarted
        private let clock = ContinuousClock()

        init(client: APIClient, job: Job<Snapshot>, policy: PollingPolicy) {
            self.client = client
            self.job = job
            self.policy = policy
        }

        public mutating func next() async throws -> JobSnapshot<Snapshot>? {
            switch phase {
            case .finished:
                return nil
            case .failed(let error):
                phase = .finished
                throw error
            case .notStarted:
                return try await poll(started: clock.now, wait: policy.firstInterval, attempt: 1)
            case .polling(let started, let wait, let last):
                try await sleep(wait, started: started, last: last)
                return try await poll(started: started, wait: policy.interval(after: wait), attempt: last.attempt + 1)
            }
        }

        /// Sleeps `wait`, or until the deadline if that comes first, then throws if it has passed.
        private mutating func sleep(_ wait: Duration, started: ContinuousClock.Instant, last: JobSnapshot<Snapshot>) async throws {
            var wait = wait
            if let timeout = policy.timeout {
                wait = Swift.min(wait, timeout - (clock.now - started))
            }
            do {
                // Task.sleep throws as soon as the task is cancelled, so cancellation is prompt.
                if wait > .zero { try await Task.sleep(for: wait) }
                try Task.checkCancellation()
            } catch {
                phase = .finished
                throw error
            }
            let elapsed = clock.now - started
            if let timeout = policy.timeout, elapsed >= timeout {
                phase = .finished
                throw JobTimeoutError(lastStatus: last.state.status, elapsed: elapsed, attempts: last.attempt)
            }
        }

        private mutating func poll(started: ContinuousClock.Instant, wait: Duration, attempt: Int) async throws -> JobSnapshot<Snapshot> {
            let value: Snapshot
            do {
                try Task.checkCancellation()
                value = try await client.send(job.request)
            } catch {
                phase = .finished
                throw error
            }
            let snapshot = JobSnapshot(value: value, state: job.state(value), attempt: attempt)
            switch snapshot.state {
            case .running:
                phase = .polling(started: started, wait: wait, last: snapshot)
            case .succeeded:
                phase = .finished
            case .failed(let status):
                phase = .failed(JobFailedError(status: status, snapshot: value))
            }
            return snapshot
        }
    }
}
