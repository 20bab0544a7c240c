import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension URLSessionTransport {
    /// Streams the body through a `URLSessionDataDelegate` (FoundationNetworking on Linux has no
    /// `bytes(for:)`). Each call gets its own session, made from `session.configuration`, whose
    /// delegate serves only that one task, so the delegate holds no mutable state; the session is
    /// invalidated when the task ends. Cancelling the calling task while waiting for the head,
    /// cancelling the body's consumer, or dropping the body, cancels the data task.
    ///
    /// Chunks are buffered until read: a consumer slower than the network holds the difference in memory.
    public func stream(_ request: HTTPRequest) async throws -> StreamedHTTPResponse {
        let (heads, headContinuation) = AsyncThrowingStream<StreamedHTTPResponse.Head, any Error>.makeStream()
        let (chunks, chunkContinuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        let delegate = StreamingDelegate(head: headContinuation, chunks: chunkContinuation)
        let streamingSession = URLSession(configuration: session.configuration, delegate: delegate, delegateQueue: nil)
        let task = streamingSession.dataTask(with: Self.urlRequest(for: request))
        streamingSession.finishTasksAndInvalidate()
        chunkContinuation.onTermination = { _ in task.cancel() }

        let head = try await Self.first(of: heads, resuming: task)
        let body = CancellingChunks(chunks: chunks, canceller: TaskCanceller(task: task))
        return StreamedHTTPResponse(status: head.status, headers: head.headers, body: HTTPBodyStream(body))
    }
}

/// The chunks of one data task, which is cancelled once the body is gone, read to the end or not:
/// the delegate keeps the stream alive, so the stream's own termination would not fire then.
private struct CancellingChunks: AsyncSequence, Sendable {
    typealias Element = Data
    let chunks: AsyncThrowingStream<Data, any Error>
    let canceller: TaskCanceller

    func makeAsyncIterator() -> AsyncThrowingStream<Data, any Error>.AsyncIterator {
        chunks.makeAsyncIterator()
    }
}

/// Cancels its task when released; cancelling a finished task does nothing.
private final class TaskCanceller: Sendable {
    let task: URLSessionDataTask

    init(task: URLSessionDataTask) {
        self.task = task
    }

    deinit {
        task.cancel()
    }
}

extension StreamedHTTPResponse {
    /// Status and headers, before the body.
    struct Head: Sendable {
        var status: Int
        var headers: [HeaderField]
    }
}

/// Feeds one data task's events into two streams: the head (status and headers) once, then the
/// chunks. Both continuations are `Sendable` and set once, so the delegate is too.
private final class StreamingDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private let head: AsyncThrowingStream<StreamedHTTPResponse.Head, any Error>.Continuation
    private let chunks: AsyncThrowingStream<Data, any Error>.Continuation

    init(head: AsyncThrowingStream<StreamedHTTPResponse.Head, any Error>.Continuation,
         chunks: AsyncThrowingStream<Data, any Error>.Continuation) {
        self.head = head
        self.chunks = chunks
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        guard let response = response as? HTTPURLResponse else {
            head.finish(throwing: URLError(.badServerResponse))
            completionHandler(.cancel)
            return
        }
        head.yield(.init(status: response.statusCode, headers: URLSessionTransport.headerFields(of: response)))
        head.finish()
        completionHandler(.allow)
    }

    /// A redirect to another origin (scheme, host or port) goes without the request's own headers,
    /// which may hold credentials meant for the first server only; within the origin it is followed as is.
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        guard let from = task.originalRequest?.url, let to = request.url, !Self.sameOrigin(from, to) else {
            completionHandler(request)
            return
        }
        var bare = URLRequest(url: to)
        bare.httpMethod = request.httpMethod
        completionHandler(bare)
    }

    private static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased() && a.port == b.port
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        chunks.yield(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        // Finishing the head stream again after `didReceive response` does nothing.
        head.finish(throwing: error ?? URLError(.badServerResponse))
        if let error {
            chunks.finish(throwing: error)
        } else {
            chunks.finish()
        }
    }
}
