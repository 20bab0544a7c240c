import ClientRuntime
import Foundation
import Testing
import WebhooksAPI

/// The generated `Webhooks.Webhook` (Fixtures/webhooks.yaml): each webhook is a case, picked by the
/// body's `type`, whose values are a `const`, a one-value `enum` and a `const` inside an `allOf`.
@Suite struct WebhookDecodingTests {
    private static func request(_ json: String) -> WebhookRequest {
        WebhookRequest(method: "POST", headers: ["Content-Type": "application/json"], body: Data(json.utf8))
    }

    @Test func picksTheEventByItsType() throws {
        let sent = try Webhooks.Webhook.decode(Self.request(
            #"{"type":"email.sent","created_at":"2026-12-03T07:00:00Z","data":{"email_id":"e-1"}}"#))
        guard case .emailSent(let event) = sent else {
            Issue.record("expected .emailSent, got \(sent)")
            return
        }
        #expect(event.data.emailID == "e-1")
        #expect(event.createdAt == Date(timeIntervalSince1970: 1_796_281_200))

        let bounced = try Webhooks.Webhook.decode(Self.request(
            #"{"type":"email.bounced","data":{"email_id":"e-2","reason":"greylisted"}}"#))
        guard case .emailBounced(let payload) = bounced else {
            Issue.record("expected .emailBounced, got \(bounced)")
            return
        }
        #expect(payload.data.emailID == "e-2")
        // An enum value added since stays readable.
        #expect(payload.data.reason == .unknown("greylisted"))

        let deleted = try Webhooks.Webhook.decode(Self.request(
            #"{"type":"contact.deleted","created_at":"2026-12-03T07:00:00.5Z","contact_id":7}"#))
        guard case .contactDeleted(let contact?) = deleted else {
            Issue.record("expected .contactDeleted with a body, got \(deleted)")
            return
        }
        #expect(contact.contactID == 7)
    }

    @Test func anEventThisVersionDoesNotListIsUnknown() throws {
        let request = Self.request(#"{"type":"email.clicked","data":{"link":"https://example.com"}}"#)
        #expect(try Webhooks.Webhook.decode(request) == .unknown(request))
        let untyped = Self.request(#"["not", "an", "object"]"#)
        #expect(try Webhooks.Webhook.decode(untyped) == .unknown(untyped))
    }

    @Test func aBodyThatDoesNotMatchItsTypeThrowsWithoutShowingTheBody() throws {
        let tampered = Self.request(#"{"type":"email.bounced","data":{"secret":"s3cr3t"}}"#)
        let error = try #require(throws: WebhookDecodingError.self) { try Webhooks.Webhook.decode(tampered) }
        #expect(error.event == "email.bounced")
        #expect(error.codingPath.hasPrefix("data"))
        #expect(!error.description.contains("s3cr3t"))
        #expect(!"\(tampered)".contains("s3cr3t"))
    }

    @Test func theRouteCanNameTheEvent() throws {
        let request = Self.request(#"{"type":"email.bounced","data":{"email_id":"e-3"}}"#)
        #expect(try Webhooks.Webhook.decode(request, as: .emailBounced) == Webhooks.Webhook.decode(request))
        // An optional body may be empty.
        #expect(try Webhooks.Webhook.decode(WebhookRequest(body: Data()), as: .contactDeleted) == .contactDeleted(nil))
        #expect(Webhooks.Webhook.Kind.allCases == [.emailSent, .emailBounced, .contactDeleted])
    }

    @Test func aDecodedEventEncodesBackToTheSameMembers() throws {
        let json = #"{"type":"email.bounced","data":{"email_id":"e-4","reason":"mailbox_full","smtp":550},"extra":true}"#
        guard case .emailBounced(let payload) = try Webhooks.Webhook.decode(Self.request(json)) else {
            Issue.record("expected .emailBounced")
            return
        }
        let encoded = try JSONEncoder().encode(payload)
        let original = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        #expect(try JSONDecoder().decode(JSONValue.self, from: encoded) == original)
    }
}
