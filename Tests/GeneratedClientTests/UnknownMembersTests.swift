import Foundation
import Testing
import UnknownMembersAPI

/// `unknownMembers: declared` (Fixtures/unknown-members.yaml): only the schemas that declare
/// `additionalProperties` keep the members they do not list.
@Suite struct UnknownMembersTests {
    static let json = #"{"id":7,"email":"a@example.com","vip":true,"attributes":{"firstName":"Ada","plan":"pro"},"tags":{"primary":"x","extra":"y"}}"#

    @Test func onlyDeclaredSchemasKeepUnknownMembers() throws {
        let contact = try JSONDecoder().decode(Contact.self, from: Data(Self.json.utf8))
        #expect(contact.id == 7)
        #expect(contact.attributes?.additionalProperties == ["plan": .string("pro")])
        #expect(contact.tags?.additionalProperties == ["extra": "y"])

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let again = String(decoding: try encoder.encode(contact), as: UTF8.self)
        // `vip` is not listed by Contact, whose schema says nothing of other members: it is dropped.
        #expect(again == #"{"attributes":{"firstName":"Ada","plan":"pro"},"email":"a@example.com","id":7,"tags":{"extra":"y","primary":"x"}}"#)
    }
}
