import Foundation

/// A fully built request, ready for the wire.
public struct HTTPRequest: Sendable {
    public var url: URL
    public var method: HTTPMethod
    public var headers: [HeaderField]
    public var body: Data?
    /// When the attempt must have its response: past it the transport fails with
    /// `TransportError(kind: .timedOut)`. Set only for transports whose `enforcesDeadline` is true
    /// (the client's timeout, when no middleware runs); nil otherwise.
    public var deadline: ContinuousClock.Instant?

    public init(url: URL, method: HTTPMethod, headers: [HeaderField] = [], body: Data? = nil, deadline: ContinuousClock.Instant? = nil) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.deadline = deadline
    }
}

/// Printing or dumping a request never shows a secret: header values and query values are
/// replaced, since any of them may carry a credential (`api-key`, `Authorization`, `?api_key=`).
extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let redacted = components?.queryItems?.map { URLQueryItem(name: $0.name, value: "<redacted>") }
        components?.queryItems = redacted
        let shownURL = components?.string ?? "<url>"
        let names = headers.map(\.name).joined(separator: ", ")
        return "HTTPRequest(\(method.rawValue) \(shownURL), headers: [\(names)], body: \(body?.count ?? 0) bytes)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["description": description], displayStyle: .struct)
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

    /// Sends `request` and returns as soon as the status and headers have arrived, with the body
    /// still to be read (`APIClient.download` uses it). Cancelling the task that reads the body, or
    /// dropping the body, cancels the transfer. The default (`HTTPStreaming.swift`) calls `send`
    /// and hands over the whole body at once, so transports written before it keep working.
    func stream(_ request: HTTPRequest) async throws -> StreamedHTTPResponse

    /// Whether `send` honours `HTTPRequest.deadline` itself. When it does, the client hands it the
    /// per-attempt timeout instead of racing each attempt against a timer in a task group (two
    /// child tasks per call). The default is false.
    var enforcesDeadline: Bool { get }
}

extension HTTPTransport {
    public var enforcesDeadline: Bool { false }
}
