import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests with `URLSession`. Cancelling the calling task cancels the data task.
public struct URLSessionTransport: HTTPTransport {
    public let session: URLSession

    /// - Parameter session: defaults to one shared ephemeral session that neither stores
    ///   nor sends cookies and has no cache.
    public init(session: URLSession = URLSessionTransport.defaultSession) {
        self.session = session
    }

    public static let defaultSession: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration)
    }()

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let urlRequest = Self.urlRequest(for: request)

        // The completion handler feeds a stream, so no lock is needed to share the task with
        // the cancellation handler: the task exists before either runs.
        let (stream, continuation) = AsyncThrowingStream<HTTPResponse, any Error>.makeStream()
        let deadline = request.deadline
        let task = session.dataTask(with: urlRequest) { data, response, error in
            if let error {
                if let deadline, (error as? URLError)?.code == .cancelled, ContinuousClock.now >= deadline {
                    continuation.finish(throwing: TransportError(kind: .timedOut, message: "no response before the deadline"))
                    return
                }
                continuation.finish(throwing: error)
            } else if let response = response as? HTTPURLResponse {
                continuation.yield(HTTPResponse(
                    status: response.statusCode,
                    headers: Self.headerFields(of: response),
                    body: data ?? Data()
                ))
                continuation.finish()
            } else {
                continuation.finish(throwing: URLError(.badServerResponse))
            }
        }
        let alarm = deadline.map { DeadlineAlarm(at: $0) { task.cancel() } }
        defer { alarm?.cancel() }
        return try await Self.first(of: stream, resuming: task)
    }

    /// `send` cancels its data task at `HTTPRequest.deadline`.
    public var enforcesDeadline: Bool { true }

    /// Resumes `task` and returns the first value `stream` yields; cancelling the calling task
    /// cancels `task` (and throws `CancellationError`).
    static func first<Value>(of stream: AsyncThrowingStream<Value, any Error>, resuming task: URLSessionTask) async throws -> Value {
        try await withTaskCancellationHandler {
            task.resume()
            do {
                for try await value in stream {
                    return value
                }
            } catch {
                if Task.isCancelled { throw CancellationError() }
                throw error
            }
            throw CancellationError()
        } onCancel: {
            task.cancel()
        }
    }

    static func urlRequest(for request: HTTPRequest) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.httpBody = request.body
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        return urlRequest
    }

    static func headerFields(of response: HTTPURLResponse) -> [HeaderField] {
        response.allHeaderFields
            .compactMap { key, value -> HeaderField? in
                guard let name = key as? String else { return nil }
                return HeaderField(name: name, value: "\(value)")
            }
            .sorted { $0.name.lowercased() < $1.name.lowercased() }
    }
}
