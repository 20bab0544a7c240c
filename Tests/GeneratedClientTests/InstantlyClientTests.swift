import Foundation
import Hummingbird
import InstantlyAPI
import Testing
import TestHTTPServer

@Suite("InstantlyAPI over HTTP")
struct InstantlyClientTests {
    static let token = "instantly-test-token"

    static func routes(_ router: TestServer.Router) {
        router.get("/api/v2/background-jobs/:id") { request, context in
            guard request.headers[.authorization] == "Bearer \(token)" else {
                return TestServer.json(#"{"statusCode":401,"error":"Unauthorized","message":"Invalid token"}"#, status: 401)
            }
            let id = context.parameters.get("id") ?? ""
            return TestServer.json("""
                {"id": "\(id)", "workspace_id": "0195b5a1-4b5c-7f1e-9a2b-3c4d5e6f7a8b", "user_id": null,
                 "type": "export-leads-json", "entity_id": null, "entity_type": "campaign",
                 "data": {"success_count": 42, "file": "leads.json"}, "progress": 55,
                 "status": "in-progress", "created_at": "2026-03-05T23:09:47.165Z", "updated_at": "2026-03-05T23:10:01Z"}
                """)
        }
    }

    @Test func fetchesAJobWithTheBearerToken() async throws {
        try await TestServer.run(routes: Self.routes) { server in
            let client = APIClient(serverURL: server.baseURL, credentials: [Instantly.bearerAuth(Self.token)])
            let job = try await client.send(Instantly.getBackgroundJob(id: "job-1", dataFields: "success_count"))
            #expect(job.id == "job-1")
            #expect(job.status == .inProgress)
            #expect(job.progress == 55)
            #expect(job.userID == .null)  // sent as null, not left out
            #expect(job.entityType == .campaign)
            #expect(job.type == .unknown("export-leads-json"))
            #expect(job.data?["success_count"] == .integer(42))
            #expect(abs(job.createdAt.timeIntervalSince1970 - 1_772_752_187.165) < 0.001)

            let request = try #require(await server.lastRequest)
            #expect(request.header("authorization") == "Bearer \(Self.token)")
            #expect(request.path == "/api/v2/background-jobs/job-1")
            #expect(request.query == "data_fields=success_count")
        }
    }

    @Test func missingTokenGivesTypedError() async throws {
        try await TestServer.run(routes: Self.routes) { server in
            let client = APIClient(serverURL: server.baseURL)
            do {
                _ = try await client.send(Instantly.getBackgroundJob(id: "job-1"))
                Issue.record("expected an APIError")
            } catch let error as APIError {
                #expect(error.status == 401)
                #expect(error.body(as: InstantlyError.self)?.message == "Invalid token")
            }
        }
    }
}
