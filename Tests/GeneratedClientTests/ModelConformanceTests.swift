import Foundation
import Testing
import ModelConformanceAPI

/// `modelConformance: equatable` (Fixtures/model-conformance.yaml): models compare by value but are
/// not `Hashable`; open enums still are.
@Suite struct ModelConformanceTests {
    static let json = #"{"id":7,"status":"active","channel":{"address":"a@example.com"},"plan":"pro"}"#

    @Test func modelsAreEquatableButNotHashable() throws {
        let contact = try JSONDecoder().decode(Contact.self, from: Data(Self.json.utf8))
        #expect(contact == Contact(id: 7, status: .active, channel: .email(Email(address: "a@example.com")),
                                   additionalProperties: ["plan": "pro"]))
        #expect(contact != Contact(id: 8))
        #expect(!((contact as Any) is any Hashable))
        #expect(!((contact.channel as Any) is any Hashable))
        #expect(!((ModelConformance.Webhook.contactUpdated(contact) as Any) is any Hashable))
        #expect(!((ModelConformance.GetContactHeaders(xRateLimitRemaining: 3) as Any) is any Hashable))
        // An open enum hashes its raw value whatever the setting.
        #expect(Set([Contact.Status.active, .init(rawValue: "active"), .blocked]).count == 2)
    }
}
