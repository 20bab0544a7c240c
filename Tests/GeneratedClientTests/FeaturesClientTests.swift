import FeaturesAPI
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// What `specs/features.yaml` adds to the wire: other members of an object beside its declared
/// properties, a 2xx response without a body next to one with JSON, and typed response headers.
@Suite("FeaturesAPI over HTTP")
struct FeaturesClientTests {
    static let requestID = "0195B5A1-4B5C-7F1E-9A2B-3C4D5E6F7A8B"

    static func routes(_ router: TestServer.Router) {
        router.get("/labels/:id") { _, context in
            switch context.parameters.get("id") ?? "" {
            case "ready":
                return TestServer.json(
                    #"{"name": "colours", "updated_at": "2026-03-05T23:09:47Z", "sky": "blue", "grass": "green"}"#,
                    headers: ["X-Request-ID": requestID, "X-Rate-Limit-Remaining": "41"])
            case "pending":
                return TestServer.response(status: 204, headers: ["X-Request-ID": requestID, "X-Computation-State": "running"])
            case "bad-header":
                return TestServer.json(#"{"name": "x"}"#, headers: ["X-Request-ID": requestID, "X-Rate-Limit-Remaining": "many"])
            default:
                return TestServer.json(#"{"message": "no such label set", "trace": "abc"}"#, status: 404)
            }
        }
        router.put("/labels/:id") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            return TestServer.json(String(buffer: body))
        }
    }

    @Test func otherMembersAndTypedHeadersOfA200() async throws {
        try await TestServer.run(routes: Self.routes) { server in
            let client = APIClient(serverURL: server.baseURL)
            let response = try await client.response(for: Features.getLabelSet(labelSetID: "ready"))
            let labels = try #require(response.value)
            #expect(labels.name == "colours")
            #expect(labels.updatedAt == Date(timeIntervalSince1970: 1_772_752_187))
            #expect(labels.additionalProperties == ["sky": "blue", "grass": "green"])

            let headers = try response.headers(as: Features.GetLabelSetHeaders.self)
            #expect(headers.xRequestID == UUID(uuidString: Self.requestID))
            #expect(headers.xRateLimitRemaining == 41)
            #expect(headers.xComputationState == nil)
        }
    }

    @Test func a204IsNilWithItsHeaders() async throws {
        try await TestServer.run(routes: Self.routes) { server in
            let client = APIClient(serverURL: server.baseURL)
            let response = try await client.response(for: Features.getLabelSet(labelSetID: "pending"))
            #expect(response.status == 204)
            #expect(response.value == nil)
            let headers = try response.headers(as: Features.GetLabelSetHeaders.self)
            #expect(headers.xComputationState == .running)
            #expect(headers.xRateLimitRemaining == nil)
            #expect(try await client.send(Features.getLabelSet(labelSetID: "pending")) == nil)
        }
    }

    @Test func aHeaderThatIsNotItsTypeIsAnErrorNamingIt() async throws {
        try await TestServer.run(routes: Self.routes) { server in
            let response = try await APIClient(serverURL: server.baseURL)
                .response(for: Features.getLabelSet(labelSetID: "bad-header"))
            #expect(response.value?.additionalProperties == [:])
            #expect(throws: ResponseHeaderError.self) { try response.headers(as: Features.GetLabelSetHeaders.self) }
            do {
                _ = try response.headers(as: Features.GetLabelSetHeaders.self)
            } catch {
                #expect("\(error)" == #"Response header "X-Rate-Limit-Remaining" is not a valid Int"#)
            }
        }
    }

    @Test func membersAnObjectDoesNotDeclareAreIgnoredWithAdditionalPropertiesFalse() async throws {
        try await TestServer.run(routes: Self.routes) { server in
            do {
                _ = try await APIClient(serverURL: server.baseURL).send(Features.getLabelSet(labelSetID: "missing"))
                Issue.record("expected an APIError")
            } catch let error as APIError {
                #expect(error.status == 404)
                #expect(error.body(as: Problem.self) == Problem(message: "no such label set"))
            }
        }
    }

    @Test func otherMembersAreSentBesideTheDeclaredOnes() async throws {
        try await TestServer.run(routes: Self.routes) { server in
            let client = APIClient(serverURL: server.baseURL)
            // A member named like a declared property never overrides it.
            let sent = LabelSet(name: "colours", additionalProperties: ["sky": "blue", "name": "ignored"])
            let stored = try await client.send(Features.replaceLabelSet(labelSetID: "c", body: sent))
            #expect(stored == LabelSet(name: "colours", additionalProperties: ["sky": "blue"]))

            let request = try #require(await server.lastRequest)
            let object = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: String])
            #expect(object == ["name": "colours", "sky": "blue"])
        }
    }
}
