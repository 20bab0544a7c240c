/// Failures that are not an HTTP error status. Descriptions never include header values or credentials.
public enum ClientError: Error, Sendable, CustomStringConvertible {
    /// A header name or value contained CR, LF or NUL, or the name was empty. Nothing was sent.
    case invalidHeader(name: String)
    /// A 2xx body did not match the expected type.
    case decoding(DecodingFailure)
    /// The request body could not be encoded.
    case encoding(String)
    /// The transport failed (connection, TLS, timeout…); the message holds no URL.
    case transport(String)
    /// The request URL could not be built (e.g. a path that is not percent-encoded).
    case invalidURL(String)
    /// No response within the request's timeout (`Request.timeout`, else `Configuration.timeout`).
    /// Timeouts are not retried.
    case timeout(operationID: String, after: Duration)
    /// A token provider failed to produce a token; names the error's type, never a secret.
    case authentication(String)

    public var description: String {
        switch self {
        case .invalidHeader(let name): "Invalid header \"\(name)\": it contains a line break or NUL"
        case .decoding(let failure): "Decoding failed: \(failure)"
        case .encoding(let message): "Encoding failed: \(message)"
        case .transport(let message): "Transport failed: \(message)"
        case .invalidURL(let message): "Invalid URL: \(message)"
        case .timeout(let operationID, let after): "\(operationID): no response within \(after)"
        case .authentication(let message): "Authentication failed: \(message)"
        }
    }
}
