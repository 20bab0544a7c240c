/// Where a long-running job stands, as read from one status snapshot.
public enum JobState: Hashable, Sendable {
    /// Not finished. Statuses a client does not know are `running` too, never terminal.
    /// `progress` is whatever scale the API uses (e.g. 0–100), when it reports one.
    case running(status: String, progress: Double?)
    case succeeded(status: String)
    case failed(status: String)

    /// The status text as the API reported it.
    public var status: String {
        switch self {
        case .running(let status, _), .succeeded(let status), .failed(let status): status
        }
    }

    public var progress: Double? {
        if case .running(_, let progress) = self { progress } else { nil }
    }

    public var isTerminal: Bool {
        if case .running = self { false } else { true }
    }
}

/// A long-running job: the request that reads its status, and how to read a state from the result.
public struct Job<Snapshot: Sendable>: Sendable {
    /// The status read, sent once per poll.
    public var request: Request<Snapshot>
    public var state: @Sendable (Snapshot) -> JobState

    public init(request: Request<Snapshot>, state: @escaping @Sendable (Snapshot) -> JobState) {
        self.request = request
        self.state = state
    }
}

/// One poll's result.
public struct JobSnapshot<Snapshot: Sendable>: Sendable {
    public let value: Snapshot
    public let state: JobState
    /// Which poll this was, starting at 1.
    public let attempt: Int

    public init(value: Snapshot, state: JobState, attempt: Int) {
        self.value = value
        self.state = state
        self.attempt = attempt
    }
}

/// How often and how long to poll. The first poll is immediate; the wait after it starts at
/// `initialInterval` and grows by `multiplier` up to `maximumInterval`. Past `timeout`, measured
/// from the first poll, polling stops with `JobTimeoutError`.
public struct PollingPolicy: Hashable, Sendable {
    public var initialInterval: Duration = .seconds(1)
    public var maximumInterval: Duration = .seconds(30)
    /// Values below 1 are treated as 1 (a constant interval).
    public var multiplier: Double = 1.5
    /// The overall deadline; nil = poll until the job ends or the task is cancelled.
    public var timeout: Duration? = .seconds(3600)

    public init(
        initialInterval: Duration = .seconds(1),
        maximumInterval: Duration = .seconds(30),
        multiplier: Double = 1.5,
        timeout: Duration? = .seconds(3600)
    ) {
        self.initialInterval = initialInterval
        self.maximumInterval = maximumInterval
        self.multiplier = multiplier
        self.timeout = timeout
    }

    public static let `default` = PollingPolicy()

    /// The wait after the first poll.
    var firstInterval: Duration {
        min(initialInterval, maximumInterval)
    }

    /// The wait that follows a wait of `interval`.
    func interval(after interval: Duration) -> Duration {
        min(interval * max(multiplier, 1), maximumInterval)
    }
}
