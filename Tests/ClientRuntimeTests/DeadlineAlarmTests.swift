import ClientRuntime
import Foundation
import Testing

/// `DeadlineAlarm`: one sleeping task serves every pending deadline.
@Suite struct DeadlineAlarmTests {
    /// The alarms that ran, in order, recorded in the action itself.
    final class Fired: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [String] = []
        func record(_ name: String) { lock.withLock { recorded.append(name) } }
        var names: [String] { lock.withLock { recorded } }
    }

    @Test func anEarlierDeadlineSetLaterStillFiresFirstAndACancelledOneNever() async throws {
        let fired = Fired()
        let now = ContinuousClock.now
        let late = DeadlineAlarm(at: now + .seconds(30)) { fired.record("late") }
        let cancelled = DeadlineAlarm(at: now + .milliseconds(50)) { fired.record("cancelled") }
        _ = DeadlineAlarm(at: now + .milliseconds(100)) { fired.record("soon") }
        _ = DeadlineAlarm(at: now + .milliseconds(150)) { fired.record("next") }
        cancelled.cancel()
        while fired.names.count < 2, ContinuousClock.now - now < .seconds(10) {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(fired.names == ["soon", "next"])
        #expect(ContinuousClock.now - now < .seconds(10), "the 30 s alarm set first did not hold the others back")
        late.cancel()
        late.cancel()  // a second time does nothing
    }
}
