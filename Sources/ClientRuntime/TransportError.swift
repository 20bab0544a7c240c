import Foundation

/// A transport failure, classified so the client knows whether a retry can help.
///
/// Transports may throw it themselves (`AsyncHTTPClientTransport` does); any other error a
/// transport throws is classified by `init(classifying:)`. Middlewares see this type for transport
/// failures; callers of `APIClient.send` get `ClientError.transport(message)`.
/// The message never holds the URL (which may carry query credentials).
public struct TransportError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The connection could not be made or was lost: retryable for idempotent requests.
        case connection
        /// The transport's own timeout fired: not retried.
        case timedOut
        /// Anything else (TLS, malformed response…): not retried.
        case other
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// Classifies an error thrown by a transport. `URLError` codes are mapped by meaning;
    /// errors of unknown types are `.other`.
    public init(classifying error: any Error) {
        if let error = error as? TransportError {
            self = error
            return
        }
        let nsError = error as NSError
        if nsError.domain == NSURLErrorDomain {
            self.init(kind: Self.kind(ofURLErrorCode: nsError.code), message: "URL error \(nsError.code)")
        } else {
            self.init(kind: .other, message: "\(type(of: error)) (\(nsError.domain) \(nsError.code))")
        }
    }

    public var description: String {
        "TransportError(\(kind): \(message))"
    }

    /// NSURLError codes for failures before or while talking to the server that say nothing
    /// about the request itself.
    static func kind(ofURLErrorCode code: Int) -> Kind {
        switch code {
        case NSURLErrorTimedOut:
            .timedOut
        case NSURLErrorCannotFindHost, NSURLErrorCannotConnectToHost, NSURLErrorNetworkConnectionLost,
             NSURLErrorDNSLookupFailed, NSURLErrorNotConnectedToInternet, NSURLErrorInternationalRoamingOff,
             NSURLErrorCallIsActive, NSURLErrorDataNotAllowed:
            .connection
        default:
            .other
        }
    }
}
