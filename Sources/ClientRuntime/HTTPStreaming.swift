import Foundation

/// A response whose status and headers have arrived and whose body is still arriving.
public struct StreamedHTTPResponse: Sendable {
    public var status: Int
    public var headers: [HeaderField]
    /// The body in chunks, in order. Iterate it once; dropping it unread cancels the transfer.
    public var body: HTTPBodyStream

    public init(status: Int, headers: [HeaderField] = [], body: HTTPBodyStream) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A response body as a sequence of byte chunks, whatever the transport's own chunk type.
///
/// Iteration ends early (returns nil) when the iterating task is cancelled, so a consumer that
/// must tell a complete body from a cancelled one checks `Task.isCancelled` after the loop.
public struct HTTPBodyStream: AsyncSequence, Sendable {
    public typealias Element = Data

    private let makeNext: @Sendable () -> () async throws -> Data?

    /// Wraps a sequence of chunks of any type, turning each into `Data` with `chunk`.
    public init<Chunks: AsyncSequence & Sendable>(
        _ chunks: Chunks,
        chunk: @escaping @Sendable (Chunks.Element) -> Data
    ) {
        makeNext = {
            var iterator = chunks.makeAsyncIterator()
            return { try await iterator.next().map(chunk) }
        }
    }

    /// Wraps a sequence of `Data` chunks.
    public init<Chunks: AsyncSequence & Sendable>(_ chunks: Chunks) where Chunks.Element == Data {
        self.init(chunks) { $0 }
    }

    /// A body that arrived whole: one chunk, or none when `data` is empty.
    public init(data: Data) {
        self.init(AsyncThrowingStream<Data, any Error> { continuation in
            if !data.isEmpty { continuation.yield(data) }
            continuation.finish()
        })
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let nextChunk: () async throws -> Data?
        /// The sequence, kept while its iterator lives: a transport may tie the transfer to it (a
        /// URLSession task is cancelled once its body is released).
        fileprivate let body: HTTPBodyStream

        public mutating func next() async throws -> Data? {
            try await nextChunk()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(nextChunk: makeNext(), body: self)
    }
}

extension HTTPTransport {
    /// The fallback for transports that only implement `send`: the whole body is read first and
    /// handed over as one chunk, so it is held in memory. `URLSessionTransport` and
    /// `AsyncHTTPClientTransport` stream for real.
    public func stream(_ request: HTTPRequest) async throws -> StreamedHTTPResponse {
        let response = try await send(request)
        return StreamedHTTPResponse(status: response.status, headers: response.headers, body: HTTPBodyStream(data: response.body))
    }
}
