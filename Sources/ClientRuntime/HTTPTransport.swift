import Foundation

/// A fully built request, ready for the wire.
public struct HTTPRequest: Sendable {
    public var url: URL
    public var method: HTTPMethod
    public var headers: [HeaderField]
    public var body: Data?

    public init(url: URL, method: HTTPMethod, headers: [HeaderField] = [], body: Data? = nil) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }
}

/// A received response, body read fully.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [HeaderField]
    public var body: Data

    public init(status: Int, headers: [HeaderField] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends requests. `URLSessionTransport` is the default; tests and apps may supply their own.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
