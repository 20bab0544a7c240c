import ClientRuntime
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

// Code in the shape docs/runtime-contract.md says the generator emits; if a runtime name or
// label changes, this file stops compiling.

private struct GetProcesses: Codable, Hashable, Sendable {
    var processes: [Process]?
    var count: Int64?

    struct Process: Codable, Hashable, Sendable {
        var id: Int64
        var status: ProcessStatus
        var name: String?
    }
}

private enum ProcessStatus: OpenEnum {
    case queued
    case completed
    case unknown(String)

    init(rawValue: String) {
        switch rawValue {
        case "queued": self = .queued
        case "completed": self = .completed
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: String {
        switch self {
        case .queued: "queued"
        case .completed: "completed"
        case .unknown(let value): value
        }
    }
}

private enum Processes {
    static func getProcesses(limit: Int64? = 10, offset: Int64? = 0, sort: Sort? = .desc, trace: String? = nil) -> Request<GetProcesses> {
        var query = QueryItems()
        query.append("limit", limit)
        query.append("offset", offset)
        query.append("sort", sort)
        var headers = HeaderFields()
        headers.append("X-Trace", trace)
        return Request(
            operationID: "getProcesses",
            method: .get,
            path: "/processes",
            query: query,
            headers: headers,
            security: [["api-key"]],
            errors: [.json(400, ErrorModel.self), .json(404, ErrorModel.self), .jsonDefault(ErrorModel.self)],
            response: .json
        )
    }

    static func getProcess(processId: Int64) -> Request<GetProcesses.Process> {
        Request(operationID: "getProcess", method: .get, path: "/processes/\(PathSegment.encode(processId))", security: [["api-key"]], response: .json)
    }

    static func createProcess(body: GetProcesses.Process) -> Request<Void> {
        Request(operationID: "createProcess", method: .post, path: "/processes", body: .json(body), security: [["api-key"]], response: .empty)
    }
}

private enum Brevo {
    static func apiKey(_ value: String) -> Credential {
        .apiKey(scheme: "api-key", name: "api-key", in: .header, value: value)
    }
}

@Suite struct ContractShapeTests {
    @Test func generatedShapeRoundTrip() async throws {
        try await TestServer.run(routes: { router in
            router.get("/v3/processes") { _, _ in
                TestServer.json(#"{"processes":[{"id":1,"status":"queued"},{"id":2,"status":"paused","name":"p"}],"count":2}"#)
            }
            router.get("/v3/processes/:id") { _, _ in TestServer.json(#"{"id":12,"status":"completed"}"#) }
            router.post("/v3/processes") { _, _ in TestServer.response(status: 201) }
        }) { server in
            let client = APIClient(serverURL: URL(string: "\(server.baseURL)/v3")!, credentials: [Brevo.apiKey("key-1")])

            let page = try await client.send(Processes.getProcesses(limit: 20, trace: "t"))
            #expect(page.processes?.map(\.status) == [.queued, .unknown("paused")])
            var received = try #require(await server.lastRequest)
            #expect(received.path == "/v3/processes")
            #expect(received.query == "limit=20&offset=0&sort=desc")
            #expect(received.header("api-key") == "key-1")
            #expect(received.header("X-Trace") == "t")

            #expect(try await client.send(Processes.getProcess(processId: 12)).status == .completed)
            #expect(await server.lastRequest?.path == "/v3/processes/12")

            try await client.send(Processes.createProcess(body: .init(id: 3, status: .unknown("draft"))))
            received = try #require(await server.lastRequest)
            #expect(try JSONDecoder().decode(JSONValue.self, from: received.body) == ["id": 3, "status": "draft"])
        }
    }
}
