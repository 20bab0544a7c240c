import Foundation

/// A declared error response: which statuses it covers and how to decode its body.
public struct ErrorResponse: Sendable {
    public let status: ResponseStatus
    let decode: @Sendable (Data, JSONDecoder) throws -> any Sendable

    public init(status: ResponseStatus, decode: @escaping @Sendable (Data, JSONDecoder) throws -> any Sendable) {
        self.status = status
        self.decode = decode
    }

    /// A JSON body of type `T` for exactly `status`.
    public static func json<T: Decodable & Sendable>(_ status: Int, _ type: T.Type) -> ErrorResponse {
        ErrorResponse(status: .code(status)) { data, decoder in try decoder.decode(T.self, from: data) }
    }

    /// A JSON body of type `T` for a class of statuses, e.g. `jsonRange(4, …)` for `4XX`.
    public static func jsonRange<T: Decodable & Sendable>(_ hundreds: Int, _ type: T.Type) -> ErrorResponse {
        ErrorResponse(status: .range(hundreds)) { data, decoder in try decoder.decode(T.self, from: data) }
    }

    /// A JSON body of type `T` for any status not otherwise declared.
    public static func jsonDefault<T: Decodable & Sendable>(_ type: T.Type) -> ErrorResponse {
        ErrorResponse(status: .default) { data, decoder in try decoder.decode(T.self, from: data) }
    }
}
