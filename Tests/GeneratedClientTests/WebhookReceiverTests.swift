import ClientRuntime
import ClientRuntimeWebhooks
import Foundation
import Hummingbird
import Testing
import TestHTTPServer
import WebhookReceiverHummingbird
import WebhooksAPI

/// Signed webhooks received by a real server on 127.0.0.1 (`router.webhook`), verified by
/// `WebhookVerifier` and decoded by the generated `Webhooks.Webhook` (Fixtures/webhooks.yaml).
@Suite struct WebhookReceiverTests {
    static let key = Data("a test secret of thirty-two bytes".utf8)
    /// A Standard Webhooks secret: `whsec_` and base64.
    static let secret = "whsec_" + key.base64EncodedString()
    static let sent = #"{"type":"email.sent","created_at":"2026-12-03T07:00:00Z","data":{"email_id":"e-1"}}"#

    actor Received {
        var events: [Webhooks.Webhook] = []
        func append(_ event: Webhooks.Webhook) { events.append(event) }
    }

    /// The signature headers of Standard Webhooks, signed with `secret` over `id.timestamp.body`.
    static func signed(_ body: String, id: String = "msg_1", timestamp: Date = Date(), key: Data = key) -> [String: String] {
        let seconds = String(Int(timestamp.timeIntervalSince1970))
        let signature = TestSigner.hmacSHA256(key: key, message: Data("\(id).\(seconds).\(body)".utf8))
        return ["webhook-id": id, "webhook-timestamp": seconds, "webhook-signature": "v1,\(signature.base64EncodedString())"]
    }

    static func post(_ body: String, headers: [String: String], to url: URL) async throws -> Int {
        let fields = headers.map { HeaderField(name: $0.key, value: $0.value) } + [HeaderField(name: "Content-Type", value: "application/json")]
        return try await URLSessionTransport().send(ClientRuntime.HTTPRequest(url: url, method: .post, headers: fields, body: Data(body.utf8))).status
    }

    static func receiving<T>(
        handlerFails: Bool = false, _ body: (URL, Received) async throws -> T
    ) async throws -> T {
        let received = Received()
        let verifier = try WebhookVerifier(.standardWebhooks, secret: secret)
        return try await TestServer.run(routes: { router in
            router.webhook("/hooks", verifier: verifier, decode: Webhooks.Webhook.decode) { event in
                if handlerFails { throw CancellationError() }
                await received.append(event)
            }
        }) { server in
            try await body(server.baseURL.appendingPathComponent("hooks"), received)
        }
    }

    @Test func aSignedEventIsAcceptedAndDecoded() async throws {
        try await Self.receiving { url, received in
            let status1 = try await Self.post(Self.sent, headers: Self.signed(Self.sent), to: url)
            #expect(status1 == 204)
            let events = await received.events
            #expect(events.count == 1)
            guard case .emailSent(let event)? = events.first else {
                Issue.record("expected .emailSent, got \(events)")
                return
            }
            #expect(event.data.emailID == "e-1")
        }
    }

    @Test func anUnknownEventTypeIsDeliveredAsUnknown() async throws {
        let body = #"{"type":"email.clicked","data":{}}"#
        try await Self.receiving { url, received in
            let status2 = try await Self.post(body, headers: Self.signed(body), to: url)
            #expect(status2 == 204)
            let events = await received.events
            guard case .unknown(let request)? = events.first else {
                Issue.record("expected .unknown, got \(events)")
                return
            }
            #expect(request.body == Data(body.utf8))
        }
    }

    @Test func badSignaturesReplaysAndTamperedBodiesAreRefused() async throws {
        try await Self.receiving { url, received in
            let otherKey = Data("another secret, not the provider's".utf8)
            let status3 = try await Self.post(Self.sent, headers: Self.signed(Self.sent, key: otherKey), to: url)
            #expect(status3 == 401)
            let replayed = Self.signed(Self.sent, timestamp: Date().addingTimeInterval(-600))
            let status4 = try await Self.post(Self.sent, headers: replayed, to: url)
            #expect(status4 == 401)
            let tampered = Self.sent.replacingOccurrences(of: "e-1", with: "e-2")
            let status5 = try await Self.post(tampered, headers: Self.signed(Self.sent), to: url)
            #expect(status5 == 401)
            let status6 = try await Self.post(Self.sent, headers: [:], to: url)
            #expect(status6 == 401)
            // Signed, but not the body its type says: refused as undecodable, not handled.
            let wrong = #"{"type":"email.bounced","data":{}}"#
            let status7 = try await Self.post(wrong, headers: Self.signed(wrong), to: url)
            #expect(status7 == 400)
            #expect(await received.events.isEmpty)
        }
    }

    @Test func aHandlerThatFailsGetsA500SoTheProviderRetries() async throws {
        try await Self.receiving(handlerFails: true) { url, _ in
            let status8 = try await Self.post(Self.sent, headers: Self.signed(Self.sent), to: url)
            #expect(status8 == 500)
        }
    }

    // MARK: The verifier alone

    /// The example of the Standard Webhooks specification (and Svix's documentation).
    @Test func standardWebhooksReferenceSignature() throws {
        let verifier = try WebhookVerifier(.standardWebhooks, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        let request = WebhookRequest(
            headers: [
                "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330",
                "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            ],
            body: Data(#"{"test": 2432232314}"#.utf8))
        try verifier.verify(request, now: Date(timeIntervalSince1970: 1_614_265_330))
        #expect(throws: WebhookSignatureError.outsideTolerance) {
            try verifier.verify(request, now: Date(timeIntervalSince1970: 1_614_265_330 + 301))
        }
    }

    @Test func aDigestHeaderInHexOrBase64() throws {
        let body = Data(#"{"zen":"Keep it logically awesome."}"#.utf8)
        let digest = TestSigner.hmacSHA256(key: Data("It's a Secret to Everybody".utf8), message: body)
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        let github = try WebhookVerifier(.header(name: "X-Hub-Signature-256", encoding: .hex, prefix: "sha256="), secret: "It's a Secret to Everybody")
        try github.verify(WebhookRequest(headers: ["X-Hub-Signature-256": "sha256=" + hex], body: body))
        #expect(throws: WebhookSignatureError.mismatch) {
            try github.verify(WebhookRequest(headers: ["X-Hub-Signature-256": "sha256=" + hex], body: body + Data(" ".utf8)))
        }
        #expect(throws: WebhookSignatureError.malformedSignature(header: "X-Hub-Signature-256")) {
            try github.verify(WebhookRequest(headers: ["X-Hub-Signature-256": hex], body: body))
        }
        let shopify = try WebhookVerifier(.header(name: "X-Shopify-Hmac-Sha256", encoding: .base64), secret: "It's a Secret to Everybody")
        try shopify.verify(WebhookRequest(headers: ["x-shopify-hmac-sha256": digest.base64EncodedString()], body: body))
        #expect(!"\(github)".contains("Secret"))
    }
}

import Crypto

/// Signs as a provider would, with swift-crypto directly (the verifier's reference vector above
/// checks both against the specification).
enum TestSigner {
    static func hmacSHA256(key: Data, message: Data) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
}
