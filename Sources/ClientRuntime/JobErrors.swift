/// The job reached a failure state.
public struct JobFailedError<Snapshot: Sendable>: Error, Sendable, CustomStringConvertible {
    public let status: String
    /// The snapshot that reported the failure (often with an error message of the API's own).
    public let snapshot: Snapshot

    public init(status: String, snapshot: Snapshot) {
        self.status = status
        self.snapshot = snapshot
    }

    public var description: String {
        "Job failed with status \"\(status)\""
    }
}

/// The job did not finish before `PollingPolicy.timeout`.
public struct JobTimeoutError: Error, Sendable, CustomStringConvertible {
    /// The status of the last snapshot, if any poll completed.
    public let lastStatus: String?
    public let elapsed: Duration
    /// Polls sent.
    public let attempts: Int

    public init(lastStatus: String?, elapsed: Duration, attempts: Int) {
        self.lastStatus = lastStatus
        self.elapsed = elapsed
        self.attempts = attempts
    }

    public var description: String {
        let status = lastStatus.map { "last status \"\($0)\"" } ?? "no status read"
        return "Job did not finish within \(elapsed) (\(attempts) polls, \(status))"
    }
}
