import ClientRuntime
import Foundation
import Testing

/// `DeadlineAlarm`: one sleeping task serves every pending deadline.
@Suite struct DeadlineAlarmTests {
    actor Fired {
        private(set) var names: [String] = []
        func record(_ name: String) { names.append(name) }
    }

    @Test func anEarlierDeadlineSetLaterStillFiresFirstAndACancelledOneNever() async throws {
        let fired = Fired()
        let now = ContinuousClock.now
        let late = DeadlineAlarm(at: now + .seconds(30)) { Task { await fired.record("late") } }
        let cancelled = DeadlineAlarm(at: now + .milliseconds(50)) { Task { await fired.record("cancelled") } }
        _ = DeadlineAlarm(at: now + .milliseconds(100)) { Task { await fired.record("soon") } }
        _ = DeadlineAlarm(at: now + .milliseconds(150)) { Task { await fired.record("next") } }
        cancelled.cancel()
        while await fired.names.count < 2, ContinuousClock.now - now < .seconds(10) {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await fired.names == ["soon", "next"])
        #expect(ContinuousClock.now - now < .seconds(10), "the 30 s alarm set first did not hold the others back")
        late.cancel()
        late.cancel()  // a second time does nothing
    }
}
