import Foundation
import Hummingbird
import InferredJobsAPI
import Testing
import TestHTTPServer

/// Jobs inferred from a description written as providers publish them (no x-job-status):
/// `Tests/ClientGenCoreTests/Fixtures/inferred-jobs.yaml`, generated into InferredJobsAPI.
@Suite("Inferred jobs over HTTP")
struct InferredJobsTests {
    static let fast = PollingPolicy(initialInterval: .milliseconds(5), maximumInterval: .milliseconds(20), multiplier: 2, timeout: .seconds(5))

    /// Answers the n-th poll with the n-th body (the last one repeats).
    actor Script {
        var polls = 0
        let bodies: [String]
        init(_ bodies: [String]) { self.bodies = bodies }
        func next() -> String {
            polls += 1
            return bodies[min(polls, bodies.count) - 1]
        }
    }

    @Test func aProcessIdAnsweredWith202IsFollowedToItsResult() async throws {
        let script = Script([
            #"{"id": 78, "status": "queued"}"#, #"{"id": 78, "status": "in_process"}"#,
            #"{"id": 78, "status": "completed", "export_url": "https://files.example.com/78.csv"}"#,
        ])
        try await TestServer.run(routes: { router in
            router.post("/contacts/export") { _, _ in TestServer.json(#"{"processId": 78}"#, status: 202) }
            router.get("/processes/78") { _, _ in TestServer.json(await script.next()) }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let started = try await client.send(InferredJobs.requestContactExport())
            let process = try await client.wait(for: InferredJobs.job(for: started), policy: Self.fast)
            #expect(process.exportURL == "https://files.example.com/78.csv")
            #expect(await script.polls == 3)
        }
    }

    @Test func aFailedProcessThrowsWithItsStatus() async throws {
        try await TestServer.run(routes: { router in
            router.get("/processes/9") { _, _ in TestServer.json(#"{"id": 9, "status": "failed"}"#) }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            await #expect(throws: JobFailedError<InferredJobsProcess>.self) {
                try await client.wait(for: InferredJobs.job(processID: 9), policy: Self.fast)
            }
        }
    }

    @Test func aReturnedJobObjectIsFollowedWithItsProgress() async throws {
        let script = Script([
            #"{"id": "job-1", "status": "in-progress", "progress": 0.25}"#,
            #"{"id": "job-1", "status": "in-progress", "progress": 0.75}"#,
            #"{"id": "job-1", "status": "success", "progress": 1}"#,
        ])
        try await TestServer.run(routes: { router in
            router.post("/leads/move") { _, _ in TestServer.json(#"{"id": "job-1", "status": "pending", "progress": 0}"#) }
            router.get("/background-jobs/job-1") { _, _ in TestServer.json(await script.next()) }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let started = try await client.send(InferredJobs.moveLeads())
            var progress: [Double?] = []
            var last = ""
            for try await snapshot in client.snapshots(of: InferredJobs.job(for: started), policy: Self.fast) {
                progress.append(snapshot.state.progress)
                last = snapshot.state.status
            }
            #expect(progress == [0.25, 0.75, nil])
            #expect(last == "success")
        }
    }

    @Test func aUUIDIdGoesIntoTheStatusPathLowerCased() async throws {
        let id = "4C2A3B1D-0000-4000-8000-00000000ABCD"
        try await TestServer.run(routes: { router in
            router.post("/transcripts") { _, _ in TestServer.json(#"{"id": "\#(id)", "status": "queued"}"#) }
            router.get("/transcripts/\(id.lowercased())") { _, _ in TestServer.json(#"{"id": "\#(id)", "status": "completed", "text": "hi"}"#) }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let started = try await client.send(InferredJobs.createTranscript())
            let transcript = try await client.wait(for: InferredJobs.job(for: started), policy: Self.fast)
            #expect(transcript.text == .value("hi"))
            let paths = await server.requests.map(\.path)
            #expect(paths == ["/transcripts", "/transcripts/\(id.lowercased())"])
            // The required `revision` header has the description's default.
            #expect(await server.lastRequest?.header("revision") == "2026-01-01")
        }
    }

    @Test func anOptionalJobIdGivesNoJobWhenAbsentAndAJobWhenPresent() async throws {
        try await TestServer.run(routes: { router in
            router.post("/imports") { _, _ in TestServer.json(#"{"job_id": "imp-7"}"#, status: 201) }
            router.get("/imports/imp-7/status") { _, _ in TestServer.json(#"{"state": "done", "percent": 100}"#) }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let started = try await client.send(InferredJobs.startImport())
            let job = try #require(InferredJobs.job(for: started))
            let status = try await client.wait(for: job, policy: Self.fast)
            #expect(status.state == "done")
            #expect(InferredJobs.job(for: InferredJobs.StartImportResponse(jobID: nil)) == nil)
        }
    }

    @Test func aJSONAPIJobIsReadThroughDataAttributesStatus() async throws {
        let script = Script([
            #"{"data": {"id": "b1", "attributes": {"status": "processing"}}}"#,
            #"{"data": {"id": "b1", "attributes": {"status": "cancelled"}}}"#,
        ])
        try await TestServer.run(routes: { router in
            router.post("/bulk-jobs") { _, _ in
                TestServer.response(status: 202, headers: ["Content-Type": "application/vnd.api+json"], body: #"{"data": {"id": "b1", "type": "bulk-job"}}"#)
            }
            router.get("/bulk-jobs/b1") { _, _ in
                TestServer.response(status: 200, headers: ["Content-Type": "application/vnd.api+json"], body: await script.next())
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let started = try await client.send(InferredJobs.createBulkJob())
            await #expect(throws: JobFailedError<InferredJobs.GetBulkJobResponse>.self) {
                try await client.wait(for: InferredJobs.job(for: started), policy: Self.fast)
            }
            #expect(await script.polls == 2)
        }
    }
}
