import BrevoAPI
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// The generated Brevo client against a real HTTP server on 127.0.0.1 that answers like Brevo.
@Suite("BrevoAPI over HTTP")
struct BrevoClientTests {
    static let apiKey = "xkeysib-test-secret"

    /// Brevo's routes, mounted under `/v3` like the real server URL.
    static func brevoRoutes(_ router: TestServer.Router) {
        router.get("/v3/processes") { request, _ in
            guard request.headers[values: .init("api-key")!] == [apiKey] else {
                return TestServer.json(#"{"code":"unauthorized","message":"Key not found"}"#, status: 401)
            }
            let limit = Int(request.uri.queryParameters["limit"].map(String.init) ?? "") ?? -1
            let offset = Int(request.uri.queryParameters["offset"].map(String.init) ?? "") ?? -1
            let sort = request.uri.queryParameters["sort"].map(String.init) ?? "missing"
            let ids = (0..<limit).map { 300 - offset - $0 }
            let processes = ids.map { #"{"id":\#($0),"name":"IMPORTUSER","status":"completed"}"# }
            return TestServer.json(#"{"count":198,"processes":[\#(processes.joined(separator: ","))],"sort":"\#(sort)"}"#)
        }
        router.get("/v3/processes/:processId") { request, context in
            let id = context.parameters.get("processId") ?? ""
            switch id {
            case "217":
                return TestServer.json("""
                    {"id": 217, "name": "IMPORTUSER", "status": "failed_with_errors",
                     "info": {"import": {"invalid_emails": null, "duplicate_contact_id": null,
                      "duplicate_ext_id": null, "duplicate_email_id": null, "duplicate_phone_id": null,
                      "duplicate_whatsapp_id": null, "duplicate_landline_number_id": null}}}
                    """)
            case "213":
                return TestServer.json("""
                    {"id": 213, "name": "SEARCH_EXPORT_USERS", "status": "completed",
                     "export_url": "https://example.com/contacts_export.csv"}
                    """)
            default:
                return TestServer.json(#"{"code":"document_not_found","message":"Process ID does not exist"}"#, status: 404)
            }
        }
        router.post("/v3/contacts/export") { _, _ in
            TestServer.json(#"{"processId": 78}"#, status: 202)
        }
    }

    func withBrevo(_ body: (APIClient, TestServer) async throws -> Void) async throws {
        try await TestServer.run(routes: Self.brevoRoutes) { server in
            let client = APIClient(
                serverURL: server.baseURL.appendingPathComponent("v3"), credentials: [Brevo.apiKey(Self.apiKey)])
            try await body(client, server)
        }
    }

    @Test func listsProcessesWithLimitOffsetAndSort() async throws {
        try await withBrevo { client, server in
            let page = try await client.send(Brevo.getProcesses(limit: 3, offset: 20, sort: .asc))
            #expect(page.count == 198)
            #expect(page.processes?.map(\.id) == [280, 279, 278])
            #expect(page.processes?.first?.status == .completed)

            let request = try #require(await server.lastRequest)
            #expect(request.method == "GET")
            #expect(request.path == "/v3/processes")
            #expect(request.query == "limit=3&offset=20&sort=asc")
            #expect(request.header("api-key") == Self.apiKey)
        }
    }

    @Test func listDefaultsComeFromTheSpec() async throws {
        try await withBrevo { client, server in
            let page = try await client.send(Brevo.getProcesses())
            #expect(page.processes?.count == 10)
            #expect(await server.lastRequest?.query == "limit=10&offset=0&sort=desc")
        }
    }

    @Test func unknownStatusAndNullImportCountersDecode() async throws {
        try await withBrevo { client, server in
            let process = try await client.send(Brevo.getProcess(processID: 217))
            #expect(process.id == 217)
            #expect(process.status == .unknown("failed_with_errors"))
            #expect(process.status.rawValue == "failed_with_errors")
            #expect(process.info?.import != nil)
            #expect(process.info?.import?.invalidEmails == .null)  // sent as null, not left out
            #expect(process.exportURL == nil)
            #expect(await server.lastRequest?.path == "/v3/processes/217")

            let export = try await client.send(Brevo.getProcess(processID: 213))
            #expect(export.exportURL == "https://example.com/contacts_export.csv")
            #expect(export.status == .completed)
        }
    }

    @Test func startsAContactsExportAndReadsTheProcessID() async throws {
        try await withBrevo { client, server in
            let body = RequestContactExport(
                exportAttributes: ["email", "FIRSTNAME"],
                customContactFilter: RequestContactExportCustomContactFilter(actionForContacts: .allContacts),
                notifyURL: "https://example.com/done")
            let started = try await client.send(Brevo.requestContactExport(body: body))
            #expect(started.processID == 78)

            let request = try #require(await server.lastRequest)
            #expect(request.method == "POST")
            #expect(request.header("content-type") == "application/json")
            let sent = try JSONSerialization.jsonObject(with: request.body) as? [String: Any]
            #expect(sent?["exportAttributes"] as? [String] == ["email", "FIRSTNAME"])
            #expect((sent?["customContactFilter"] as? [String: Any])?["actionForContacts"] as? String == "allContacts")
            #expect(sent?["notifyUrl"] as? String == "https://example.com/done")
        }
    }

    @Test func notFoundDecodesBrevosErrorBody() async throws {
        try await withBrevo { client, _ in
            do {
                _ = try await client.send(Brevo.getProcess(processID: 9))
                Issue.record("expected an APIError")
            } catch let error as APIError {
                #expect(error.status == 404)
                #expect(error.operationID == "getProcess")
                let body = try #require(error.body(as: ErrorModel.self))
                #expect(body.code == "document_not_found")
                #expect(body.message == "Process ID does not exist")
                #expect(!error.description.contains(Self.apiKey))
            }
        }
    }

    @Test func wrongKeyIsRejectedByTheServer() async throws {
        try await TestServer.run(routes: Self.brevoRoutes) { server in
            let client = APIClient(
                serverURL: server.baseURL.appendingPathComponent("v3"), credentials: [Brevo.apiKey("wrong")])
            await #expect(throws: APIError.self) { try await client.send(Brevo.getProcesses()) }
        }
    }
}
