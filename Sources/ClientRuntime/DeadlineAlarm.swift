import Foundation

/// Runs an action at a deadline unless cancelled first, for transports that enforce
/// `HTTPRequest.deadline` (`URLSessionTransport` cancels its data task with one):
///
///     let alarm = DeadlineAlarm(at: deadline) { task.cancel() }
///     defer { alarm.cancel() }
///
/// Setting and cancelling one costs a lock and a dictionary entry: one background task sleeps
/// until the earliest pending deadline for all of them, where a dispatch timer or a racing child
/// task per request cost more than the rest of `send` (`Benchmarks/Runtime`).
public struct DeadlineAlarm: Sendable {
    private let token: UInt64

    public init(at deadline: ContinuousClock.Instant, _ action: @escaping @Sendable () -> Void) {
        token = Alarms.shared.schedule(at: deadline, action)
    }

    /// Stops the action from running; after the deadline, or a second time, it does nothing.
    public func cancel() {
        Alarms.shared.cancel(token)
    }
}

/// The pending alarms and the one task that sleeps until the earliest of them.
private final class Alarms: @unchecked Sendable {
    static let shared = Alarms()

    private struct Entry {
        var deadline: ContinuousClock.Instant
        var action: @Sendable () -> Void
    }

    // Everything below is guarded by `lock`.
    private let lock = NSLock()
    private var pending: [UInt64: Entry] = [:]
    private var lastToken: UInt64 = 0
    private var sleeper: Task<Void, Never>?
    private var wakeTime: ContinuousClock.Instant?

    func schedule(at deadline: ContinuousClock.Instant, _ action: @escaping @Sendable () -> Void) -> UInt64 {
        lock.withLock {
            lastToken += 1
            pending[lastToken] = Entry(deadline: deadline, action: action)
            // With one timeout for every request, a new deadline is nearly always the latest one,
            // and the sleeping task is left alone.
            if wakeTime.map({ deadline < $0 }) ?? true { sleep(until: deadline) }
            return lastToken
        }
    }

    func cancel(_ token: UInt64) {
        lock.withLock { _ = pending.removeValue(forKey: token) }
    }

    /// Replaces the sleeping task with one that wakes at `deadline`. Called with the lock held.
    private func sleep(until deadline: ContinuousClock.Instant) {
        sleeper?.cancel()
        wakeTime = deadline
        sleeper = Task.detached {
            do {
                try await Task.sleep(until: deadline, clock: .continuous)
            } catch {
                return  // an earlier deadline came; its own task took over
            }
            self.fire()
        }
    }

    /// Runs the actions that are due, earliest first, and sleeps again until the next deadline.
    private func fire() {
        let due: [@Sendable () -> Void] = lock.withLock {
            let now = ContinuousClock.now
            let expired = pending.filter { $0.value.deadline <= now }.sorted { $0.value.deadline < $1.value.deadline }
            for (token, _) in expired { pending[token] = nil }
            let due = expired.map(\.value.action)
            sleeper = nil
            wakeTime = nil
            if let next = pending.values.lazy.map(\.deadline).min() { sleep(until: next) }
            return due
        }
        for action in due { action() }
    }
}
