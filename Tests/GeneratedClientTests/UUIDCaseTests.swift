import FeaturesAPI
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// An id read from the API goes back as it came: lower case (RFC 9562), in a JSON body at any
/// depth, the path, the query, a header, a form and a multipart body. Foundation's `uuidString` is
/// upper case, which case-sensitive servers answer with 404.
@Suite("UUIDs round-trip in lower case")
struct UUIDCaseTests {
    static let ids = [
        "0195b5a1-4b5c-7f1e-9a2b-3c4d5e6f7a8b", "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        "f47ac10b-58cc-4372-a567-0e02b2c3d479", "9c5b94b1-35ad-49bb-b118-8e8fc24abf80",
        "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    ]

    /// Every place `Device` holds a UUID, keys sorted as the client's encoder below writes them.
    static let deviceJSON = """
        {"groups":{"admins":"\(ids[4])"},"id":"\(ids[0])","link":"\(ids[3])","owner":"\(ids[1])",\
        "parent":{"id":"\(ids[2])"},"peers":["\(ids[1])","\(ids[2])"],"routes":[["\(ids[3])","\(ids[4])"],[]]}
        """
    /// The oneOf's object member, which holds a UUID of its own.
    static let linkedDeviceJSON = #"{"id":"\#(ids[0])","link":{"id":"\#(ids[1])"},"peers":[]}"#

    static func routes(_ router: TestServer.Router) {
        router.put("/devices/:id") { request, _ in
            var request = request
            return TestServer.json(String(buffer: try await request.collectBody(upTo: 1 << 20)))
        }
        router.post("/devices/:id/claim") { _, _ in TestServer.response(status: 204) }
        router.put("/devices/:id/claim") { _, _ in TestServer.response(status: 204) }
    }

    static func client(_ server: TestServer) -> APIClient {
        var configuration = APIClient.Configuration()
        let makeEncoder = configuration.makeEncoder
        configuration.makeEncoder = {
            let encoder = makeEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return encoder
        }
        return APIClient(serverURL: server.baseURL, configuration: configuration)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try APIClient.Configuration.defaultDecoder().decode(type, from: Data(json.utf8))
    }

    @Test(arguments: [deviceJSON, linkedDeviceJSON])
    func aJSONBodyIsSentAsItWasRead(_ json: String) async throws {
        let device = try Self.decode(Device.self, json)
        try await TestServer.run(routes: Self.routes) { server in
            let echoed = try await Self.client(server).send(Features.replaceDevice(deviceID: device.id, body: device))
            #expect(try #require(await server.lastRequest).bodyText == json)
            #expect(echoed == device)
        }
    }

    @Test func pathQueryAndHeaderAreSentAsTheyWereRead() async throws {
        let device = try Self.decode(Device.self, Self.deviceJSON)
        try await TestServer.run(routes: Self.routes) { server in
            try await Self.client(server).send(Features.replaceDevice(
                deviceID: device.id, body: device, since: device.owner, ids: device.peers, xTraceID: device.parent?.id))
            let received = try #require(await server.lastRequest)
            #expect(received.path == "/devices/\(Self.ids[0])")
            #expect(received.query == "since=\(Self.ids[1])&ids=\(Self.ids[1])&ids=\(Self.ids[2])")
            #expect(received.header("X-Trace-ID") == Self.ids[2])
        }
    }

    @Test func formAndMultipartBodiesAreSentAsTheyWereRead() async throws {
        let claim = try Self.decode(Claim.self, #"{"owner":"\#(Self.ids[1])","delegates":["\#(Self.ids[2])","\#(Self.ids[3])"]}"#)
        try await TestServer.run(routes: Self.routes) { server in
            let client = Self.client(server)
            try await client.send(Features.claimDevice(deviceID: claim.owner, body: claim))
            let form = try #require(await server.lastRequest)
            #expect(form.path == "/devices/\(Self.ids[1])/claim")
            #expect(form.bodyText == "owner=\(Self.ids[1])&delegates=\(Self.ids[2])&delegates=\(Self.ids[3])")

            try await client.send(Features.replaceClaim(deviceID: claim.owner, body: claim))
            let parts = try #require(await server.lastRequest).multipartParts
            #expect(parts.map { "\($0.name ?? "")=\($0.text)" } == [
                "owner=\(Self.ids[1])", "delegates=\(Self.ids[2])", "delegates=\(Self.ids[3])",
            ])
        }
    }
}
