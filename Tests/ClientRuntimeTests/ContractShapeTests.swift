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

private struct LabelSet: Codable, Hashable, Sendable {
    var name: String
    var additionalProperties: [String: String]

    private static let declaredMembers: Set<String> = ["name"]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.name = try container.decode(String.self, forKey: "name")
        self.additionalProperties = try container.additionalProperties(excluding: Self.declaredMembers)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(name, forKey: "name")
        try container.encodeAdditionalProperties(additionalProperties, excluding: Self.declaredMembers)
    }
}

private struct GetLabelSetHeaders: ResponseHeaders, Hashable {
    var xRequestID: UUID
    var retryAfter: Int?
    var state: ProcessStatus?
    var tags: [String]?

    init(from headers: HeaderFields) throws {
        self.xRequestID = try headers.required("X-Request-ID", headers.value("X-Request-ID", as: UUID.self))
        self.retryAfter = try headers.value("Retry-After", as: Int.self)
        self.state = try headers.value("X-State", as: ProcessStatus.self)
        self.tags = try headers.values("X-Tags", as: String.self)
    }
}

private func getLabelSet(id: String) -> Request<LabelSet?> {
    Request(operationID: "getLabelSet", method: .get, path: "/labels/\(PathSegment.encode(id))", response: .jsonOrEmpty())
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

    @Test func otherMembersResponseHeadersAndEmptyResponsesInTheGeneratedShape() async throws {
        try await TestServer.run(routes: { router in
            router.get("/labels/:id") { _, context in
                context.parameters.get("id") == "empty"
                    ? TestServer.response(status: 204, headers: ["X-Request-ID": "0195B5A1-4B5C-7F1E-9A2B-3C4D5E6F7A8B"])
                    : TestServer.json(#"{"name":"n","sky":"blue"}"#, headers: [
                        "X-Request-ID": "0195B5A1-4B5C-7F1E-9A2B-3C4D5E6F7A8B", "Retry-After": "3", "X-State": "paused",
                        "X-Tags": "a,b",
                    ])
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let full = try await client.response(for: getLabelSet(id: "full"))
            #expect(full.value?.additionalProperties == ["sky": "blue"])
            let headers = try full.headers(as: GetLabelSetHeaders.self)
            #expect(headers.retryAfter == 3)
            #expect(headers.state == .unknown("paused"))
            #expect(headers.tags == ["a", "b"])
            let encoded = try JSONEncoder().encode(try #require(full.value))
            #expect(try JSONDecoder().decode(JSONValue.self, from: encoded) == ["name": "n", "sky": "blue"])

            let empty = try await client.response(for: getLabelSet(id: "empty"))
            #expect(empty.value == nil)
            #expect(try empty.headers(as: GetLabelSetHeaders.self).retryAfter == nil)
        }
    }
}
