import Foundation

/// A request body. JSON values are encoded at send time with the client's configured encoder.
public struct RequestBody: Sendable {
    enum Content: Sendable {
        case json(any Encodable & Sendable)
        case data(Data, contentType: String)
    }

    let content: Content

    /// A value sent as `application/json`.
    public static func json(_ value: some Encodable & Sendable) -> RequestBody {
        RequestBody(content: .json(value))
    }

    /// Raw bytes sent with the given `Content-Type`.
    public static func data(_ data: Data, contentType: String) -> RequestBody {
        RequestBody(content: .data(data, contentType: contentType))
    }

    /// The bytes and content type to send.
    func encoded(with encoder: JSONEncoder) throws -> (data: Data, contentType: String) {
        switch content {
        case .json(let value):
            return (try encoder.encode(value), "application/json")
        case .data(let data, let contentType):
            return (data, contentType)
        }
    }
}
