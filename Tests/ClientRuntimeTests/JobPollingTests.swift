@testable import ClientRuntime
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// `APIClient.wait(for:)` and `snapshots(of:)` against a server that moves jobs along per poll.
@Suite struct JobPollingTests {
    private func client(_ server: TestServer) -> APIClient {
        server.client(credentials: [Jobs.brevoKey, Jobs.instantlyToken])
    }

    @Test func brevoExportIsFollowedUntilCompleted() async throws {
        let scripts = StatusScripts(["7": ["queued", "processing", "processing", "completed"]])
        try await TestServer.run(routes: JobRoutes.processes(scripts)) { server in
            let start = ContinuousClock.now
            let process = try await client(server).wait(for: Jobs.process(7), policy: Jobs.fast)
            Scenario.report("process queued → processing → completed (wait)", requests: await server.requests.count, since: start)
            #expect(process.status == .completed)
            #expect(process.exportURL == "https://files.example/export-7.csv")
            let requests = await server.requests
            #expect(requests.count == 4)
            #expect(requests.allSatisfy { $0.path == "/processes/7" && $0.header("api-key") == "BREVO-SECRET-KEY" })
        }
    }

    @Test func failedProcessThrowsWithTheSnapshot() async throws {
        let scripts = StatusScripts(["8": ["queued", "processing", "failed", "completed"]])
        try await TestServer.run(routes: JobRoutes.processes(scripts)) { server in
            let start = ContinuousClock.now
            let error = await #expect(throws: JobFailedError<BrevoProcess>.self) {
                try await client(server).wait(for: Jobs.process(8), policy: Jobs.fast)
            }
            Scenario.report("process ends failed (JobFailedError)", requests: await server.requests.count, since: start)
            #expect(error?.status == "failed")
            #expect(error?.snapshot.id == 8)
            #expect(error?.snapshot.status == .failed)
            #expect(error?.description == #"Job failed with status "failed""#)
            #expect(await server.requests.count == 3)
        }
    }

    @Test func instantlyProgressIsReportedInOrder() async throws {
        let script = ["pending:0", "in-progress:10", "in-progress:45", "in-progress:80", "success:100"]
        let scripts = StatusScripts(["job-1": script])
        try await TestServer.run(routes: JobRoutes.backgroundJobs(scripts)) { server in
            let start = ContinuousClock.now
            var states: [JobState] = []
            var attempts: [Int] = []
            var last: BackgroundJob?
            for try await snapshot in client(server).snapshots(of: Jobs.backgroundJob("job-1"), policy: Jobs.fast) {
                states.append(snapshot.state)
                attempts.append(snapshot.attempt)
                last = snapshot.value
            }
            Scenario.report("Instantly job progress 0 → 100 (snapshots)", requests: await server.requests.count, since: start)
            #expect(states.map(\.progress) == [0, 10, 45, 80, nil])
            #expect(states.last == .succeeded(status: "success"))
            #expect(attempts == [1, 2, 3, 4, 5])
            #expect(last?.progress == 100)
            #expect(await server.requests.count == 5)
            #expect(await server.lastRequest?.header("Authorization") == "Bearer INSTANTLY-SECRET-TOKEN")
        }
    }

    @Test func unknownStatusKeepsPollingAndIsReported() async throws {
        let scripts = StatusScripts(["9": ["queued", "paused_for_review", "processing", "completed"]])
        try await TestServer.run(routes: JobRoutes.processes(scripts)) { server in
            let start = ContinuousClock.now
            var statuses: [String] = []
            var values: [BrevoProcessStatus] = []
            for try await snapshot in client(server).snapshots(of: Jobs.process(9), policy: Jobs.fast) {
                statuses.append(snapshot.state.status)
                values.append(snapshot.value.status)
            }
            Scenario.report("unknown status mid-way keeps polling", requests: await server.requests.count, since: start)
            #expect(statuses == ["queued", "paused_for_review", "processing", "completed"])
            #expect(values[1] == .unknown("paused_for_review"))
            #expect(await server.requests.count == 4)
        }
    }

    @Test func snapshotsShowTheFailureThenThrow() async throws {
        let scripts = StatusScripts(["10": ["processing", "failed"]])
        try await TestServer.run(routes: JobRoutes.processes(scripts)) { server in
            var seen: [String] = []
            let error = await #expect(throws: JobFailedError<BrevoProcess>.self) {
                for try await snapshot in client(server).snapshots(of: Jobs.process(10), policy: Jobs.fast) {
                    seen.append(snapshot.state.status)
                }
            }
            #expect(seen == ["processing", "failed"])
            #expect(error?.snapshot.id == 10)
            #expect(await server.requests.count == 2)
        }
    }

    @Test func deadlineThrowsJobTimeoutError() async throws {
        let scripts = StatusScripts(["11": ["processing"]])
        try await TestServer.run(routes: JobRoutes.processes(scripts)) { server in
            var policy = Jobs.fast
            policy.timeout = .milliseconds(300)
            let start = ContinuousClock.now
            let error = await #expect(throws: JobTimeoutError.self) {
                try await client(server).wait(for: Jobs.process(11), policy: policy)
            }
            let wall = ContinuousClock.now - start
            let requests = await server.requests.count
            Scenario.report("deadline 300 ms (JobTimeoutError)", requests: requests, since: start)
            let timeout = try #require(error)
            #expect(timeout.lastStatus == "processing")
            #expect(timeout.attempts == requests)
            #expect(timeout.elapsed >= .milliseconds(300))
            #expect(wall < .seconds(5))
            // 20, 30, 45, 60, 60… ms between polls: about 7 polls fit in 300 ms (fewer on a busy machine).
            #expect(requests >= 1 && requests <= 12)
            try await Task.sleep(for: .milliseconds(150))
            #expect(await server.requests.count == requests, "no poll after the deadline")
        }
    }

    @Test func cancelledWaitStopsPollingAtOnce() async throws {
        let scripts = StatusScripts(["12": ["queued", "processing"]])
        try await TestServer.run(routes: JobRoutes.processes(scripts)) { server in
            let client = client(server)
            let start = ContinuousClock.now
            let task = Task { try await client.wait(for: Jobs.process(12), policy: Jobs.fast) }
            while await server.requests.count < 3 {
                try await Task.sleep(for: .milliseconds(5))
            }
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
            let atCancel = await server.requests.count
            // Ten polling intervals later the server still has seen nothing more.
            try await Task.sleep(for: .milliseconds(600))
            let later = await server.requests.count
            Scenario.report("cancelled wait (no request after cancel)", requests: later, since: start)
            #expect(later == atCancel)
            #expect(later <= 4)
        }
    }

    @Test func cancellationInterruptsTheSleepBetweenPolls() async throws {
        let scripts = StatusScripts(["14": ["queued"]])
        try await TestServer.run(routes: JobRoutes.processes(scripts)) { server in
            let client = client(server)
            // A 5 s interval: a sleep that ignored cancellation would hold the wait that long.
            let policy = PollingPolicy(initialInterval: .seconds(5), maximumInterval: .seconds(5), multiplier: 1, timeout: .seconds(60))
            let task = Task { try await client.wait(for: Jobs.process(14), policy: policy) }
            while await server.requests.isEmpty {
                try await Task.sleep(for: .milliseconds(5))
            }
            try await Task.sleep(for: .milliseconds(50))
            let cancelledAt = ContinuousClock.now
            task.cancel()
            let result = await task.result
            let stoppedAfter = ContinuousClock.now - cancelledAt
            Scenario.report("cancel during a 5 s sleep: returned after \(stoppedAfter)", requests: await server.requests.count, since: cancelledAt)
            #expect(throws: CancellationError.self) { try result.get() }
            #expect(stoppedAfter < .milliseconds(2500))
            #expect(await server.requests.count == 1)
        }
    }

    @Test func pollingDoesNotStartUntilIterated() async throws {
        let scripts = StatusScripts(["13": ["completed"]])
        try await TestServer.run(routes: JobRoutes.processes(scripts)) { server in
            let sequence = client(server).snapshots(of: Jobs.process(13), policy: Jobs.fast)
            try await Task.sleep(for: .milliseconds(100))
            #expect(await server.requests.isEmpty)
            var iterator = sequence.makeAsyncIterator()
            #expect(try await iterator.next()?.state == .succeeded(status: "completed"))
            #expect(try await iterator.next() == nil)
            #expect(await server.requests.count == 1)
        }
    }

    @Test func intervalsGrowToTheMaximum() {
        let policy = PollingPolicy(initialInterval: .milliseconds(100), maximumInterval: .milliseconds(300), multiplier: 2, timeout: nil)
        #expect(policy.firstInterval == .milliseconds(100))
        #expect(close(policy.interval(after: .milliseconds(100)), .milliseconds(200)))
        #expect(policy.interval(after: .milliseconds(200)) == .milliseconds(300))
        #expect(policy.interval(after: .milliseconds(300)) == .milliseconds(300))
        #expect(close(PollingPolicy(multiplier: 0.5).interval(after: .seconds(2)), .seconds(2)))
        #expect(PollingPolicy.default == PollingPolicy(initialInterval: .seconds(1), maximumInterval: .seconds(30), multiplier: 1.5, timeout: .seconds(3600)))
    }

    private func close(_ a: Duration, _ b: Duration) -> Bool {
        abs((a - b).seconds) < 1e-6
    }
}
