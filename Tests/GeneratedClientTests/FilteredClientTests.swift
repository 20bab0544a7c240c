import FilteredAPI
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// FilteredAPI is `Fixtures/filter.yaml` generated with `filter: {operations: [getProcess],
/// tags: [Contacts], schemas: [Webhook]}`: what is kept compiles and works (that `getProcesses`,
/// `listCampaigns`, `ProcessList` and `Campaign` are left out is in `Fixtures/filter.swift.txt`).
@Suite("A filtered client")
struct FilteredClientTests {
    @Test func keptOperationsAndTheSchemasTheyNeedWork() async throws {
        try await TestServer.run(routes: { router in
            router.get("/processes/7") { _, _ in TestServer.json(#"{"id": 7, "status": "completed"}"#) }
            router.post("/contacts/export") { _, _ in TestServer.response(status: 202) }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let process = try await client.send(Filtered.getProcess(processID: 7))
            #expect(process.status == .completed)
            try await client.send(Filtered.requestContactExport(body: ContactExport(filter: .listFilter(ListFilter(listID: 3)))))
            let sent = try #require(await server.lastRequest?.body)
            #expect(String(decoding: sent, as: UTF8.self) == #"{"filter":{"listId":3}}"#)
            // Kept by `filter.schemas` although no kept operation uses it.
            #expect(Webhook(url: "https://example.com/hook").url == "https://example.com/hook")
        }
    }
}
