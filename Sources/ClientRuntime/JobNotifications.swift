import Foundation

/// Notifications that jobs finished, as your server receives them (a webhook, or the notify URL an
/// export calls), for `APIClient.wait(for:id:notifications:)`. Call `deliver(_:)` from the route's
/// handler with the job's id. A notification that arrives before anyone waits for it is kept, so
/// none is lost to a race with the request that started the job.
public actor JobNotifications<ID: Hashable & Sendable> {
    private var delivered: Set<ID> = []
    private var waiters: [ID: [UUID: CheckedContinuation<Void, Never>]] = [:]

    public init() {}

    /// Records that job `id` finished and wakes whoever waits for it.
    public func deliver(_ id: ID) {
        delivered.insert(id)
        for continuation in waiters.removeValue(forKey: id)?.values ?? [:].values {
            continuation.resume()
        }
    }

    /// Whether a notification for `id` has arrived.
    public func hasArrived(_ id: ID) -> Bool { delivered.contains(id) }

    /// Returns once a notification for `id` has arrived, or when the task is cancelled.
    func arrival(of id: ID) async {
        let token = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                if delivered.contains(id) || Task.isCancelled {
                    continuation.resume()
                } else {
                    waiters[id, default: [:]][token] = continuation
                }
            }
        } onCancel: {
            Task { await self.stopWaiting(id, token) }
        }
    }

    private func stopWaiting(_ id: ID, _ token: UUID) {
        waiters[id]?.removeValue(forKey: token)?.resume()
        if waiters[id]?.isEmpty == true { waiters[id] = nil }
    }
}

extension APIClient {
    /// Follows `job` until it succeeds, finishing as soon as `notifications` has one for `id` (the
    /// job's id as the notification names it), and polling meanwhile at `policy`'s slower pace in case
    /// the notification never comes. After a notification one status read settles the outcome; if the
    /// job still reads as running then, polling resumes at the default pace, within what is left of
    /// `policy`'s timeout.
    ///
    ///     let notifications = JobNotifications<Int64>()
    ///     // in the notify URL's route: await notifications.deliver(call.processId)
    ///     let done = try await client.wait(for: Brevo.job(for: started), id: started.processID, notifications: notifications)
    ///
    /// - Throws: as `wait(for:policy:)`.
    public func wait<Snapshot, ID>(
        for job: Job<Snapshot>, id: ID, notifications: JobNotifications<ID>, policy: PollingPolicy = .awaitingNotification
    ) async throws -> Snapshot {
        let start = ContinuousClock.now
        let notified = try await withThrowingTaskGroup(of: Snapshot?.self) { group -> Snapshot? in
            group.addTask { try await self.wait(for: job, policy: policy) }
            group.addTask {
                await notifications.arrival(of: id)
                try Task.checkCancellation()
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
        if let notified { return notified }
        let snapshot = try await send(job.request)
        switch job.state(snapshot) {
        case .succeeded: return snapshot
        case .failed(let status): throw JobFailedError(status: status, snapshot: snapshot)
        case .running:
            // The default pace from here on, within what is left of the caller's timeout.
            var resumed = PollingPolicy.default
            resumed.timeout = policy.timeout.map { max(.zero, $0 - (ContinuousClock.now - start)) }
            return try await wait(for: job, policy: resumed)
        }
    }
}

extension PollingPolicy {
    /// Polling while a notification is expected: a first look at once, then after 15 s, doubling
    /// up to every 2 minutes, for at most an hour (`.default` starts at 1 s, up to every 30 s).
    public static let awaitingNotification = PollingPolicy(
        initialInterval: .seconds(15), maximumInterval: .seconds(120), multiplier: 2, timeout: .seconds(3600))
}
