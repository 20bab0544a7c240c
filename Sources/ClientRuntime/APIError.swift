import Foundation

/// A non-2xx response.
public struct APIError: Error, Sendable, CustomStringConvertible {
    public let operationID: String
    public let status: Int
    public let headers: [HeaderField]
    /// The raw body.
    public let body: Data
    /// The body decoded with the best-matching declared `ErrorResponse`, or nil if none matched or decoding failed.
    public let decodedBody: (any Sendable)?

    public init(operationID: String, status: Int, headers: [HeaderField], body: Data, decodedBody: (any Sendable)?) {
        self.operationID = operationID
        self.status = status
        self.headers = headers
        self.body = body
        self.decodedBody = decodedBody
    }

    /// The decoded body if it is a `T`.
    public func body<T>(as type: T.Type) -> T? {
        decodedBody as? T
    }

    public var description: String {
        let excerpt = BodyExcerpt.make(body, limit: 200)
        return "APIError(\(operationID): HTTP \(status)\(excerpt.isEmpty ? "" : ", body: \(excerpt)"))"
    }
}
