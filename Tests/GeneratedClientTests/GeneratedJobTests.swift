import BrevoAPI
import Foundation
import Hummingbird
import InstantlyAPI
import Testing
import TestHTTPServer

/// The job factories and paged sequences generated from `x-job-status` and limit/offset, end to end.
@Suite("Generated jobs and pages over HTTP")
struct GeneratedJobTests {
    static let fast = PollingPolicy(initialInterval: .milliseconds(5), maximumInterval: .milliseconds(20), multiplier: 2, timeout: .seconds(5))

    /// Answers the n-th poll of process 78 with the n-th status (the last one repeats).
    actor Script {
        var polls = 0
        let statuses: [String]
        init(_ statuses: [String]) { self.statuses = statuses }
        func next() -> String {
            polls += 1
            return statuses[min(polls, statuses.count) - 1]
        }
    }

    func routes(_ script: Script) -> (TestServer.Router) -> Void {
        { router in
            router.post("/v3/contacts/export") { _, _ in TestServer.json(#"{"processId": 78}"#, status: 202) }
            router.get("/v3/processes/78") { _, _ in
                let status = await script.next()
                let url = status == "completed" ? #", "export_url": "https://example.com/78.csv""# : ""
                return TestServer.json(#"{"id": 78, "name": "SEARCH_EXPORT_USERS", "status": "\#(status)"\#(url)}"#)
            }
        }
    }

    @Test func exportIsFollowedUntilItCompletes() async throws {
        let script = Script(["queued", "processing", "in_review", "completed"])
        try await TestServer.run(routes: routes(script)) { server in
            let client = APIClient(serverURL: server.baseURL.appendingPathComponent("v3"), credentials: [Brevo.apiKey("k")])
            let started = try await client.send(Brevo.requestContactExport(body: RequestContactExport()))
            var seen: [String] = []
            for try await snapshot in client.snapshots(of: Brevo.job(for: started), policy: Self.fast) {
                seen.append(snapshot.state.status)
            }
            #expect(seen == ["queued", "processing", "in_review", "completed"])
            #expect(await script.polls == 4)
        }
    }

    @Test func waitReturnsTheFinishedProcessWithItsURL() async throws {
        let script = Script(["queued", "completed"])
        try await TestServer.run(routes: routes(script)) { server in
            let client = APIClient(serverURL: server.baseURL.appendingPathComponent("v3"), credentials: [Brevo.apiKey("k")])
            let started = try await client.send(Brevo.requestContactExport(body: RequestContactExport()))
            let process = try await client.wait(for: Brevo.job(for: started), policy: Self.fast)
            #expect(process.exportURL == "https://example.com/78.csv")
        }
    }

    @Test func failedProcessThrows() async throws {
        let script = Script(["processing", "failed"])
        try await TestServer.run(routes: routes(script)) { server in
            let client = APIClient(serverURL: server.baseURL.appendingPathComponent("v3"), credentials: [Brevo.apiKey("k")])
            await #expect(throws: JobFailedError<GetProcess>.self) {
                try await client.wait(for: Brevo.job(processID: 78), policy: Self.fast)
            }
        }
    }

    @Test func instantlyProgressRisesToOneHundred() async throws {
        actor Progress { var value = 0; func next() -> Int { value = min(100, value + 25); return value } }
        let progress = Progress()
        try await TestServer.run(routes: { router in
            router.get("/api/v2/background-jobs/:id") { _, _ in
                let value = await progress.next()
                return TestServer.json("""
                    {"id": "j", "workspace_id": "0195b5a1-4b5c-7f1e-9a2b-3c4d5e6f7a8b", "type": "export-leads",
                     "progress": \(value), "status": "\(value == 100 ? "success" : "in-progress")",
                     "created_at": "2026-03-05T23:09:47.165Z", "updated_at": "2026-03-05T23:09:47Z"}
                    """)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL, credentials: [Instantly.bearerAuth("t")])
            var values: [Double?] = []
            for try await snapshot in client.snapshots(of: Instantly.job(id: "j"), policy: Self.fast) {
                values.append(snapshot.state.progress ?? snapshot.value.progress)
            }
            #expect(values == [25, 50, 75, 100])
        }
    }

    @Test func processesArePagedLazilyByOffset() async throws {
        try await TestServer.run(routes: { router in
            router.get("/v3/processes") { request, _ in
                let limit = Int(request.uri.queryParameters["limit"].map(String.init) ?? "") ?? 0
                let offset = Int(request.uri.queryParameters["offset"].map(String.init) ?? "") ?? 0
                let ids = (offset..<min(offset + limit, 7)).map { #"{"id": \#($0), "name": "IMPORTUSER", "status": "completed"}"# }
                return TestServer.json(#"{"count": 7, "processes": [\#(ids.joined(separator: ","))]}"#)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL.appendingPathComponent("v3"), credentials: [Brevo.apiKey("k")])
            var ids: [Int64] = []
            for try await process in client.items(Brevo.getProcessesPaginated(limit: 3)) { ids.append(process.id) }
            #expect(ids == [0, 1, 2, 3, 4, 5, 6])
            #expect(await server.requests.map(\.query) == ["limit=3&offset=0&sort=desc", "limit=3&offset=3&sort=desc", "limit=3&offset=6&sort=desc"])
        }
    }
}
