import Foundation
import Hummingbird
import Testing
import TestHTTPServer
import UnionsAPI

/// Unions from the shapes published descriptions use (Tests/ClientGenCoreTests/Fixtures/
/// union-discrimination.yaml), read from a server as a client would: each value must arrive as the
/// case it is, not merely decode, and come back unchanged when encoded again.
@Suite("Unions over HTTP")
struct UnionDecodingTests {
    static func serving(_ body: String) -> @Sendable (TestServer.Router) -> Void {
        { router in
            router.get("/events") { _, _ in TestServer.json(body) }
            router.get("/completions/:id") { _, _ in TestServer.json(body) }
            router.get("/things") { _, _ in TestServer.json(body) }
        }
    }

    static func reencoded(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: APIClient.Configuration.defaultEncoder().encode(value))
    }

    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// No `discriminator` keyword: the `type` each variant requires with one value of its own picks the case.
    @Test func aStreamEventIsTheCaseItsTypeNames() async throws {
        let body = #"{"type":"message.delta","text":"Hel"}"#
        try await TestServer.run(routes: Self.serving(body)) { server in
            let event = try await APIClient(serverURL: server.baseURL).send(Unions.streamEvents())
            guard case .messageDelta(let delta) = event else { Issue.record("decoded as \(event)"); return }
            #expect(delta.text == "Hel")
            #expect(try Self.reencoded(event) == Self.json(body))
        }
    }

    @Test func anEventTypeThisVersionDoesNotListIsUnknownAndKept() async throws {
        let body = #"{"type":"message.citation","url":"https://example.com"}"#
        try await TestServer.run(routes: Self.serving(body)) { server in
            let event = try await APIClient(serverURL: server.baseURL).send(Unions.streamEvents())
            #expect(event.isUnknown)
            #expect(try Self.reencoded(event) == Self.json(body))
        }
    }

    /// Both variants say `object: text_completion`: tried in order, the one requiring `usage` first.
    @Test(arguments: [
        (#"{"object":"text_completion","text":"Done","usage":12}"#, true),
        (#"{"object":"text_completion","text":"Do"}"#, false),
    ])
    func aCompletionKeepsWhatOnlyTheLargerVariantHolds(_ body: String, isFinal: Bool) async throws {
        try await TestServer.run(routes: Self.serving(body)) { server in
            let completion = try await APIClient(serverURL: server.baseURL).send(Unions.getCompletion(id: "c1"))
            switch completion {
            case .final(let final): #expect(isFinal && final.usage == 12)
            case .chunk: #expect(!isFinal)
            case .unknown: Issue.record("decoded as unknown")
            }
            #expect(try Self.reencoded(completion) == Self.json(body))
        }
    }

    /// A union of unions: the event union would take anything as its `.unknown`; a shape is a shape.
    @Test func aNestedUnionDoesNotSwallowTheVariantsAfterIt() async throws {
        let body = #"{"kind":"circle","radius":2.5}"#
        try await TestServer.run(routes: Self.serving(body)) { server in
            let thing = try await APIClient(serverURL: server.baseURL).send(Unions.getThing())
            guard case .shape(.circle(let circle)) = thing else { Issue.record("decoded as \(thing)"); return }
            #expect(circle.radius == 2.5)
            #expect(try Self.reencoded(thing) == Self.json(body))
        }
    }

    /// A variant decodes through the client's decoder: a `Date` reads an ISO 8601 string only, so an
    /// integer is the integer variant (not a date 1734537437 seconds after 2001).
    @Test func aDateTimeVariantDoesNotTakeANumber() throws {
        let decoder = APIClient.Configuration.defaultDecoder()
        let seconds = try decoder.decode(Moment.self, from: Data("1734537437".utf8))
        #expect(seconds == .integer(1_734_537_437))
        let text = try decoder.decode(Moment.self, from: Data(#""2024-12-18T15:57:17Z""#.utf8))
        guard case .string(let date) = text else { Issue.record("decoded as \(text)"); return }
        #expect(date == Date(timeIntervalSince1970: 1_734_537_437))
        #expect(try Self.reencoded(seconds) == .integer(1_734_537_437))
    }
}
