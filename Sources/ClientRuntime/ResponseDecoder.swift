import Foundation

/// How a successful (2xx) response body becomes the operation's `Response` value.
public struct ResponseDecoder<Response: Sendable>: Sendable {
    /// The `Accept` header to send, if any.
    public let accept: String?
    let decode: @Sendable (Data, JSONDecoder) throws -> Response
    /// For a streamed response (`EventStream`): wraps the opened 2xx response, whose body is still
    /// arriving, given the operation's id and the client's decoder factory.
    let stream: (@Sendable (StreamedHTTPResponse, String, @escaping @Sendable () -> JSONDecoder) -> Response)?

    public init(accept: String?, decode: @escaping @Sendable (Data, JSONDecoder) throws -> Response) {
        self.accept = accept
        self.decode = decode
        self.stream = nil
    }

    init(
        accept: String?, decode: @escaping @Sendable (Data, JSONDecoder) throws -> Response,
        stream: @escaping @Sendable (StreamedHTTPResponse, String, @escaping @Sendable () -> JSONDecoder) -> Response
    ) {
        self.accept = accept
        self.decode = decode
        self.stream = stream
    }
}

extension ResponseDecoder where Response: Decodable {
    /// Decodes a JSON body with the client's configured decoder.
    public static var json: Self {
        Self(accept: "application/json") { data, decoder in try decoder.decode(Response.self, from: data) }
    }
}

extension ResponseDecoder where Response == Void {
    /// Ignores the body (e.g. `204 No Content`).
    public static var empty: Self {
        Self(accept: nil) { _, _ in () }
    }
}

extension ResponseDecoder where Response == Data {
    /// Returns the body bytes as they are.
    public static var data: Self {
        Self(accept: nil) { data, _ in data }
    }
}
