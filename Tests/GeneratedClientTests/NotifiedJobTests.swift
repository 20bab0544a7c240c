import BrevoAPI
import Foundation
import Hummingbird
import Testing
import TestHTTPServer
import WebhookReceiverHummingbird

/// A contacts export followed by `wait(for:id:notifications:)`: the server calls the export's
/// `notifyUrl` (a `router.webhook` route on the same 127.0.0.1 server) when the process completes.
@Suite struct NotifiedJobTests {
    /// Slow enough that a test finishing quickly can only have finished by the notification.
    static let slow = PollingPolicy(initialInterval: .seconds(20), maximumInterval: .seconds(20), timeout: .seconds(60))
    static let fast = PollingPolicy(initialInterval: .milliseconds(20), maximumInterval: .milliseconds(20), timeout: .seconds(10))

    /// Process 78 completes `after` its start; the notify URL is called then when `notifies`.
    actor Provider {
        let after: Duration
        let notifies: Bool
        private(set) var polls = 0
        private var completed = false
        init(after: Duration, notifies: Bool) {
            self.after = after
            self.notifies = notifies
        }

        func start(notifyURL: URL?) {
            Task {
                try await Task.sleep(for: after)
                completed = true
                guard notifies, let notifyURL else { return }
                let body = Data(#"{"processId":78,"status":"completed"}"#.utf8)
                _ = try await URLSessionTransport().send(ClientRuntime.HTTPRequest(
                    url: notifyURL, method: .post, headers: [HeaderField(name: "Content-Type", value: "application/json")], body: body))
            }
        }

        func poll() -> String {
            polls += 1
            return completed ? "completed" : "in_process"
        }
    }

    struct ExportDone: Decodable, Sendable {
        var processId: Int64
    }

    static func routes(_ provider: Provider, _ notifications: JobNotifications<Int64>) -> (TestServer.Router) -> Void {
        { router in
            router.post("/v3/contacts/export") { request, context in
                let body = try await request.decode(as: [String: String].self, context: context)
                await provider.start(notifyURL: body["notifyUrl"].flatMap(URL.init(string:)))
                return TestServer.json(#"{"processId": 78}"#, status: 202)
            }
            router.get("/v3/processes/78") { _, _ in
                let status = await provider.poll()
                let url = status == "completed" ? #", "export_url": "https://example.com/78.csv""# : ""
                return TestServer.json(#"{"id": 78, "name": "SEARCH_EXPORT_USERS", "status": "\#(status)"\#(url)}"#)
            }
            router.webhook("/notify", verifier: nil, decode: { try JSONDecoder().decode(ExportDone.self, from: $0.body) }) { call in
                await notifications.deliver(call.processId)
            }
        }
    }

    @Test func anExportFinishesByItsNotifyURLWithFewerPolls() async throws {
        let provider = Provider(after: .milliseconds(300), notifies: true)
        let notifications = JobNotifications<Int64>()
        try await TestServer.run(routes: Self.routes(provider, notifications)) { server in
            let client = APIClient(serverURL: server.baseURL.appendingPathComponent("v3"), credentials: [Brevo.apiKey("k")])
            let notifyURL = server.baseURL.appendingPathComponent("notify").absoluteString
            let clock = ContinuousClock()
            let start = clock.now
            let started = try await client.send(Brevo.requestContactExport(body: RequestContactExport(notifyURL: notifyURL)))
            let process = try await client.wait(
                for: Brevo.job(for: started), id: started.processID, notifications: notifications, policy: Self.slow)
            #expect(process.exportURL == "https://example.com/78.csv")
            // One poll at the start, one after the notification: the 20 s interval never elapsed.
            #expect(await provider.polls == 2)
            #expect(clock.now - start < .seconds(10))
        }
    }

    @Test func aNotificationThatNeverComesStillFinishesByPolling() async throws {
        let provider = Provider(after: .milliseconds(100), notifies: false)
        let notifications = JobNotifications<Int64>()
        try await TestServer.run(routes: Self.routes(provider, notifications)) { server in
            let client = APIClient(serverURL: server.baseURL.appendingPathComponent("v3"), credentials: [Brevo.apiKey("k")])
            let started = try await client.send(Brevo.requestContactExport(body: RequestContactExport()))
            let process = try await client.wait(
                for: Brevo.job(for: started), id: started.processID, notifications: notifications, policy: Self.fast)
            #expect(process.exportURL == "https://example.com/78.csv")
            // Finished by polling alone: nothing was delivered (how many polls depends on the machine's load).
            #expect(await !notifications.hasArrived(78))
            #expect(await provider.polls >= 1)
        }
    }

    @Test func aNotificationBeforeTheWaitIsNotLost() async throws {
        let notifications = JobNotifications<Int64>()
        await notifications.deliver(78)
        #expect(await notifications.hasArrived(78))
        let provider = Provider(after: .zero, notifies: false)
        try await TestServer.run(routes: Self.routes(provider, notifications)) { server in
            let client = APIClient(serverURL: server.baseURL.appendingPathComponent("v3"), credentials: [Brevo.apiKey("k")])
            await provider.start(notifyURL: nil)
            try await Task.sleep(for: .milliseconds(50))
            let process = try await client.wait(
                for: Brevo.job(processID: 78), id: 78, notifications: notifications, policy: Self.slow)
            #expect(process.status == .completed)
            #expect(await provider.polls <= 2)
        }
    }

    @Test func aNotificationWhileStillRunningKeepsTheCallersTimeout() async throws {
        let notifications = JobNotifications<Int64>()
        await notifications.deliver(78)
        let provider = Provider(after: .seconds(3600), notifies: false)
        try await TestServer.run(routes: Self.routes(provider, notifications)) { server in
            let client = APIClient(serverURL: server.baseURL.appendingPathComponent("v3"), credentials: [Brevo.apiKey("k")])
            await provider.start(notifyURL: nil)
            let policy = PollingPolicy(initialInterval: .milliseconds(20), maximumInterval: .milliseconds(20), timeout: .milliseconds(500))
            // The process still reads as running after the notification: polling goes on at the
            // default pace, but within the 0.5 s the caller allowed, not the default hour.
            await #expect(throws: JobTimeoutError.self) {
                try await client.wait(for: Brevo.job(processID: 78), id: 78, notifications: notifications, policy: policy)
            }
        }
    }
}
