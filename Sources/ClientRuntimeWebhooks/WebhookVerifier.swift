import ClientRuntime
import Crypto
import Foundation

/// Checks that a webhook request was signed with the shared secret: HMAC-SHA256, compared in
/// constant time, and for schemes with a timestamp only within `tolerance` of now, so a recorded
/// request cannot be replayed later.
///
///     let verifier = try WebhookVerifier(.standardWebhooks, secret: "whsec_…")
///     try verifier.verify(request)          // throws WebhookSignatureError
///
/// Neither the secret nor a signature ever appears in a description or an error.
public struct WebhookVerifier: Sendable {
    /// Where a provider puts the signature and what it signs.
    public enum Scheme: Hashable, Sendable {
        /// [Standard Webhooks](https://www.standardwebhooks.com) (Svix and others): `webhook-id`,
        /// `webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,<base64>`, several separated
        /// by spaces while a secret rotates), over `<id>.<timestamp>.<body>`. `svix-` headers are read too.
        case standardWebhooks
        /// One header holding the digest (`X-Hub-Signature-256: sha256=<hex>`), after an optional
        /// prefix. With `timestampHeader`, the digest is over `<timestamp>.<body>` and the timestamp
        /// (Unix seconds) must be recent; without it, over the body alone, and nothing stops a replay.
        case header(name: String, encoding: DigestEncoding, prefix: String = "", timestampHeader: String? = nil)
    }

    public enum DigestEncoding: Hashable, Sendable {
        case hex
        case base64
    }

    public let scheme: Scheme
    /// How far a timestamp may be from now, either way.
    public let tolerance: Duration
    private let key: SymmetricKey

    /// - Parameter secret: the provider's secret. For `.standardWebhooks`, base64 after an optional
    ///   `whsec_` prefix, as those providers show it; for `.header`, its UTF-8 bytes.
    public init(_ scheme: Scheme, secret: String, tolerance: Duration = .seconds(300)) throws {
        switch scheme {
        case .standardWebhooks:
            let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst("whsec_".count)) : secret
            guard let bytes = Data(base64Encoded: encoded), !bytes.isEmpty else {
                throw WebhookSignatureError.invalidSecret
            }
            self.init(scheme, key: bytes, tolerance: tolerance)
        case .header:
            guard !secret.isEmpty else { throw WebhookSignatureError.invalidSecret }
            self.init(scheme, key: Data(secret.utf8), tolerance: tolerance)
        }
    }

    /// A secret given as raw bytes.
    public init(_ scheme: Scheme, key: Data, tolerance: Duration = .seconds(300)) {
        self.scheme = scheme
        self.key = SymmetricKey(data: key)
        self.tolerance = tolerance
    }

    /// Throws unless `request` carries a valid signature (and, where the scheme has one, a timestamp
    /// within the tolerance of `now`).
    public func verify(_ request: WebhookRequest, now: Date = Date()) throws {
        switch scheme {
        case .standardWebhooks:
            let id = try Self.header(request, "webhook-id", or: "svix-id")
            let timestamp = try Self.header(request, "webhook-timestamp", or: "svix-timestamp")
            let signatures = try Self.header(request, "webhook-signature", or: "svix-signature")
            try checkTimestamp(timestamp, now: now)
            let content = Data("\(id).\(timestamp).".utf8) + request.body
            let candidates = signatures.split(separator: " ").compactMap { entry -> Data? in
                let parts = entry.split(separator: ",", maxSplits: 1)
                guard parts.count == 2, parts[0] == "v1" else { return nil }
                return Data(base64Encoded: String(parts[1]))
            }
            guard !candidates.isEmpty else { throw WebhookSignatureError.malformedSignature(header: "webhook-signature") }
            guard candidates.contains(where: { HMAC<SHA256>.isValidAuthenticationCode($0, authenticating: content, using: key) }) else {
                throw WebhookSignatureError.mismatch
            }
        case .header(let name, let encoding, let prefix, let timestampHeader):
            let value = try Self.header(request, name)
            guard value.hasPrefix(prefix), let digest = Self.decode(String(value.dropFirst(prefix.count)), encoding) else {
                throw WebhookSignatureError.malformedSignature(header: name)
            }
            var content = request.body
            if let timestampHeader {
                let timestamp = try Self.header(request, timestampHeader)
                try checkTimestamp(timestamp, now: now)
                content = Data("\(timestamp).".utf8) + request.body
            }
            guard HMAC<SHA256>.isValidAuthenticationCode(digest, authenticating: content, using: key) else {
                throw WebhookSignatureError.mismatch
            }
        }
    }

    private func checkTimestamp(_ text: String, now: Date) throws {
        guard let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) else {
            throw WebhookSignatureError.malformedTimestamp
        }
        let skew = abs(now.timeIntervalSince1970 - Double(seconds))
        let limit = Double(tolerance.components.seconds) + Double(tolerance.components.attoseconds) / 1e18
        guard skew <= limit else { throw WebhookSignatureError.outsideTolerance }
    }

    private static func header(_ request: WebhookRequest, _ name: String, or alternative: String? = nil) throws -> String {
        if let value = request.headers[name] ?? alternative.flatMap({ request.headers[$0] }) { return value }
        throw WebhookSignatureError.missingHeader(name)
    }

    private static func decode(_ text: String, _ encoding: DigestEncoding) -> Data? {
        switch encoding {
        case .base64:
            return Data(base64Encoded: text)
        case .hex:
            let digits = Array(text.utf8)
            guard digits.count % 2 == 0 else { return nil }
            var bytes = Data(capacity: digits.count / 2)
            for index in stride(from: 0, to: digits.count, by: 2) {
                guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
                bytes.append(high << 4 | low)
            }
            return bytes
        }
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension WebhookVerifier: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "WebhookVerifier(\(scheme), secret: <redacted>, tolerance: \(tolerance))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["description": description], displayStyle: .struct) }
}

/// Why a webhook request was refused. Never holds the secret, a signature or the body.
public enum WebhookSignatureError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidSecret
    case missingHeader(String)
    case malformedSignature(header: String)
    case malformedTimestamp
    /// The timestamp is further from now than the tolerance: a replay, or a clock far off.
    case outsideTolerance
    /// No signature matches the body: a tampered body, another secret, or a forged request.
    case mismatch

    public var description: String {
        switch self {
        case .invalidSecret: "the webhook secret is empty or not in the scheme's encoding"
        case .missingHeader(let name): "the request has no '\(name)' header"
        case .malformedSignature(let header): "the '\(header)' header is not a signature in the expected form"
        case .malformedTimestamp: "the webhook timestamp is not a number of seconds"
        case .outsideTolerance: "the webhook timestamp is outside the tolerance (a replay, or a clock far off)"
        case .mismatch: "the webhook signature does not match the body"
        }
    }
}
