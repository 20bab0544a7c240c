// A real HTTP server for client tests (shared by ClientRuntimeTests and GeneratedClientTests): Hummingbird 2 on 127.0.0.1 with an ephemeral port,
// routes given by a closure, every received request recorded. Self-contained (no ClientRuntime
// names) so other test targets can reuse it; Hummingbird names are module-qualified because
// they clash with ClientRuntime's (`Request`, `HTTPResponse`, `RequestBody`).

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// One request as the server received it. `path` and `query` are raw (still percent-encoded).
public struct RecordedRequest: Sendable {
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public var method: String
    public var path: String
    public var query: String?
    public var headers: [Header]
    public var body: Data

    /// All values of header `name`, compared case-insensitively.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headerValues(name).first
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// Requests received so far, in arrival order.
public actor RequestLog {
    public private(set) var requests: [RecordedRequest] = []

    public func append(_ request: RecordedRequest) {
        requests.append(request)
    }
}

/// A running test server; valid only inside `TestServer.run`.
public struct TestServer: Sendable {
    public typealias Router = Hummingbird.Router<BasicRequestContext>

    /// `http://127.0.0.1:<port>` (no trailing slash).
    public let baseURL: URL
    public let log: RequestLog

    public var port: Int { baseURL.port ?? 0 }

    /// Everything received so far.
    public var requests: [RecordedRequest] {
        get async { await log.requests }
    }

    /// The last request received, if any.
    public var lastRequest: RecordedRequest? {
        get async { await log.requests.last }
    }

    /// Starts a server, registers `routes` (after the recording middleware, so every request
    /// is recorded, matched or not), runs `body`, then shuts the server down.
    public static func run<T>(
        routes: (Router) -> Void,
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let log = RequestLog()
        let router = Router()
        router.add(middleware: RecordingMiddleware(log: log))
        routes(router)

        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "TestServer")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )

        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { portContinuation.finish() }
                try await app.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                group.cancelAll()
                throw TestServerError.didNotStart
            }
            let server = TestServer(baseURL: URL(string: "http://127.0.0.1:\(port)")!, log: log)
            do {
                let result = try await body(server)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    // MARK: Response helpers

    /// A response with the given status, headers and UTF-8 body.
    public static func response(
        status: Int,
        headers: [String: String] = [:],
        body: String = ""
    ) -> Hummingbird.Response {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let fieldName = HTTPField.Name(name) {
                fields[fieldName] = value
            }
        }
        return Hummingbird.Response(
            status: HTTPTypes.HTTPResponse.Status(code: status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(string: body))
        )
    }

    /// A JSON response.
    public static func json(_ body: String, status: Int = 200, headers: [String: String] = [:]) -> Hummingbird.Response {
        response(status: status, headers: headers.merging(["Content-Type": "application/json"]) { mine, _ in mine }, body: body)
    }
}

public enum TestServerError: Error {
    case didNotStart
}

/// Records each request (reading its whole body) before passing it on.
private struct RecordingMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let log: RequestLog

    func handle(
        _ request: Hummingbird.Request,
        context: Context,
        next: (Hummingbird.Request, Context) async throws -> Hummingbird.Response
    ) async throws -> Hummingbird.Response {
        var request = request
        let buffer = try await request.collectBody(upTo: 16 * 1024 * 1024)
        await log.append(RecordedRequest(
            method: request.method.rawValue,
            path: request.uri.path,
            query: request.uri.query,
            headers: request.headers.map { RecordedRequest.Header(name: $0.name.rawName, value: $0.value) },
            body: Data(buffer.readableBytesView)
        ))
        return try await next(request, context)
    }
}
