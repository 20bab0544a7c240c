import ClientRuntime
import ClientRuntimeWebhooks
import Foundation
import Hummingbird

extension RouterMethods {
    /// Receives a provider's webhooks at `path` (POST): checks the signature with `verifier`,
    /// decodes the event with `decode` (a generated `Webhook.decode`), and hands it to `handler`.
    ///
    ///     router.webhook("/hooks/resend", verifier: verifier, decode: Resend.Webhook.decode) { event in
    ///         if case .emailBounced(let bounce) = event { try await suppress(bounce.data.to) }
    ///     }
    ///
    /// Answers `204` only after `handler` returned, so a provider retries what was not handled;
    /// `401` for a bad, missing or stale signature; `400` for a body that does not decode; `413` for
    /// a body over `maxBodySize`; `500` when `handler` throws. Nothing of the body, the headers or
    /// the secret is logged or sent back.
    @discardableResult
    public func webhook<Event: Sendable>(
        _ path: RouterPath,
        verifier: WebhookVerifier?,
        maxBodySize: Int = 1 << 20,
        decode: @escaping @Sendable (WebhookRequest) throws -> Event,
        handler: @escaping @Sendable (Event) async throws -> Void
    ) -> Self {
        post(path) { request, context -> Response in
            var request = request
            let buffer: ByteBuffer
            do {
                buffer = try await request.collectBody(upTo: maxBodySize)
            } catch {
                return Response(status: .contentTooLarge)
            }
            let headers = HeaderFields(request.headers.map { HeaderField(name: $0.name.rawName, value: $0.value) })
            let received = WebhookRequest(
                method: request.method.rawValue, headers: headers, body: Data(buffer.readableBytesView))
            if let verifier {
                do {
                    try verifier.verify(received)
                } catch let error as WebhookSignatureError {
                    context.logger.notice("webhook refused", metadata: ["reason": "\(error)"])
                    return Response(status: .unauthorized)
                }
            }
            let event: Event
            do {
                event = try decode(received)
            } catch {
                // A WebhookDecodingError names where decoding stopped, never the body.
                context.logger.notice("webhook not decoded", metadata: ["reason": "\(error)"])
                return Response(status: .badRequest)
            }
            do {
                try await handler(event)
            } catch {
                context.logger.error("webhook handler failed", metadata: ["error": "\(type(of: error))"])
                return Response(status: .internalServerError)
            }
            return Response(status: .noContent)
        }
    }
}
