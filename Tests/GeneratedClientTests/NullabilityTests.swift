import Foundation
import Hummingbird
import NullabilityAPI
import Testing
import TestHTTPServer

/// Absent, null and a value, sent and read through a generated client
/// (Tests/ClientGenCoreTests/Fixtures/nullability.yaml): a PATCH body that leaves a member out must
/// not clear it, one that sends null must; a required nullable member is always sent.
@Suite("Nullability over HTTP")
struct NullabilityTests {
    static let note = #"{"id":"n1","title":null,"due":null,"archivedAt":null,"reminder":null,"labels":["red",null,"violet"]}"#

    static func members(_ body: Data) throws -> [String: JSONValue] {
        guard case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: body) else { return [:] }
        return object
    }

    func send(_ patch: NotePatch, answer: String = note) async throws -> (sent: [String: JSONValue], note: Note) {
        try await TestServer.run(routes: { router in
            router.patch("/notes/:id") { _, _ in TestServer.json(answer) }
        }) { server in
            let note = try await APIClient(serverURL: server.baseURL).send(Nullability.updateNote(id: "n1", body: patch))
            let request = try #require(await server.lastRequest)
            return (try Self.members(request.body), note)
        }
    }

    @Test func leftOutMembersAreNotSent() async throws {
        let (sent, _) = try await send(NotePatch(body: "text"))
        #expect(sent == ["body": .string("text")])
    }

    @Test func aNullMemberIsSentAsNull() async throws {
        let (sent, _) = try await send(NotePatch(title: .null, due: .null, parent: .null))
        #expect(sent == ["title": .null, "due": .null, "parent": .null])
    }

    @Test func aValueIsSentAsTheValue() async throws {
        let (sent, _) = try await send(NotePatch(title: .value("Groceries"), parent: .value(NotePatch(title: .null))))
        #expect(sent == ["title": .string("Groceries"), "parent": .object(["title": .null])])
    }

    /// Decoding keeps the three states apart; re-encoding gives back what the server sent.
    @Test func decodingTellsNullFromAbsent() throws {
        let decoder = APIClient.Configuration.defaultDecoder()
        let patch = try decoder.decode(NotePatch.self, from: Data(#"{"title":null,"parent":{"body":"b"}}"#.utf8))
        #expect(patch.title == .null)
        #expect(patch.due == nil)
        #expect(patch.parent == .value(NotePatch(body: "b")))
        let encoded = try APIClient.Configuration.defaultEncoder().encode(patch)
        #expect(try Self.members(encoded) == ["title": .null, "parent": .object(["body": .string("b")])])
    }

    /// Required nullable members and nullable components arrive as nil and go back out as null.
    @Test func requiredNullableMembersRoundTrip() async throws {
        let (_, note) = try await send(NotePatch())
        #expect(note.title == nil && note.due == nil && note.archivedAt == nil)
        #expect(note.reminder == .null)
        #expect(note.labels == [.red, nil, .unknown("violet")])
        let encoded = try APIClient.Configuration.defaultEncoder().encode(note)
        #expect(try Self.members(encoded) == Self.members(Data(Self.note.utf8)))
    }
}
