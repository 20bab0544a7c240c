import AsyncHTTPClient
import ClientRuntime
import Foundation
import NIOCore
import NIOPosix

/// Sends requests with AsyncHTTPClient, for servers and other non-Apple deployments.
///
/// The client's own `Configuration.timeout` bounds each attempt: as AsyncHTTPClient's `deadline`
/// when no middleware runs, else by cancelling this transport's task, which cancels the request.
/// Failures are thrown as `TransportError` so the client can tell connection failures (retried
/// for idempotent requests) from the rest.
///
/// AsyncHTTPClient itself retries establishing a connection until the request's deadline
/// (`connectionPool.retryConnectionEstablishment`, on in `HTTPClient.shared`). With this transport
/// that deadline is the client's timeout, so with `.shared` a refused connection ends as
/// `ClientError.timeout`. To let `RetryPolicy` handle it instead, pass an `HTTPClient` whose
/// configuration turns `retryConnectionEstablishment` off.
public struct AsyncHTTPClientTransport: HTTPTransport {
    public let client: HTTPClient
    /// Larger response bodies fail the request instead of being buffered.
    public let maximumResponseBodySize: Int

    /// - Parameter client: defaults to the shared `HTTPClient`, which never needs shutting down.
    public init(client: HTTPClient = .shared, maximumResponseBodySize: Int = 64 * 1024 * 1024) {
        self.client = client
        self.maximumResponseBodySize = maximumResponseBodySize
    }

    public func send(_ request: ClientRuntime.HTTPRequest) async throws -> ClientRuntime.HTTPResponse {
        let outgoing = Self.outgoing(request)
        do {
            let response = try await client.execute(outgoing, deadline: Self.deadline(request.deadline))
            let body = try await response.body.collect(upTo: maximumResponseBodySize)
            return ClientRuntime.HTTPResponse(
                status: Int(response.status.code),
                headers: response.headers.map { HeaderField(name: $0.name, value: $0.value) },
                body: Data(body.readableBytesView)
            )
        } catch {
            throw Self.rethrown(error)
        }
    }

    /// Returns once the head has arrived; the body streams from AsyncHTTPClient as it arrives, with
    /// its backpressure (and without `maximumResponseBodySize`, which only bounds buffered bodies).
    /// Cancelling the task that reads the body, or dropping the body, cancels the request.
    /// Failures while reading the body are thrown as `TransportError` too.
    public func stream(_ request: ClientRuntime.HTTPRequest) async throws -> StreamedHTTPResponse {
        let response: HTTPClientResponse
        do {
            response = try await client.execute(Self.outgoing(request), deadline: .distantFuture)
        } catch {
            throw Self.rethrown(error)
        }
        return StreamedHTTPResponse(
            status: Int(response.status.code),
            headers: response.headers.map { HeaderField(name: $0.name, value: $0.value) },
            body: HTTPBodyStream(ClassifiedBody(base: response.body)) { Data($0.readableBytesView) }
        )
    }

    /// `send` passes `HTTPRequest.deadline` to AsyncHTTPClient.
    public var enforcesDeadline: Bool { true }

    private static func deadline(_ deadline: ContinuousClock.Instant?) -> NIODeadline {
        guard let deadline else { return .distantFuture }
        let remaining = max(.zero, deadline - .now).components
        return .now() + .nanoseconds(remaining.seconds * 1_000_000_000 + remaining.attoseconds / 1_000_000_000)
    }

    private static func outgoing(_ request: ClientRuntime.HTTPRequest) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = .init(rawValue: request.method.rawValue)
        for field in request.headers {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        return outgoing
    }

    /// `CancellationError` when cancelled, else the error classified.
    static func rethrown(_ error: any Error) -> any Error {
        if Task.isCancelled || error is CancellationError || (error as? HTTPClientError) == .cancelled {
            return CancellationError()
        }
        return classify(error)
    }

    /// Connection-level failures are `.connection`; AsyncHTTPClient's read/deadline timeouts are
    /// `.timedOut`. Messages name the error type or code, never the URL.
    static func classify(_ error: any Error) -> TransportError {
        switch error {
        case let error as TransportError:
            return error
        case let error as HTTPClientError:
            let connection: [HTTPClientError] = [.connectTimeout, .remoteConnectionClosed, .getConnectionFromPoolTimeout]
            let timedOut: [HTTPClientError] = [.deadlineExceeded, .readTimeout, .writeTimeout]
            let kind: TransportError.Kind = connection.contains(error) ? .connection : timedOut.contains(error) ? .timedOut : .other
            return TransportError(kind: kind, message: "\(error)")
        case is NIOConnectionError:
            return TransportError(kind: .connection, message: "NIOConnectionError")
        case let error as IOError:
            return TransportError(kind: .connection, message: "IOError errno \(error.errnoCode)")
        case let error as ChannelError:
            switch error {
            case .connectTimeout, .ioOnClosedChannel, .alreadyClosed, .eof, .inputClosed, .outputClosed:
                return TransportError(kind: .connection, message: "ChannelError")
            default:
                return TransportError(kind: .other, message: "ChannelError")
            }
        default:
            return TransportError(classifying: error)
        }
    }
}

/// A response body whose errors are classified like the rest of the transport's.
private struct ClassifiedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let base: HTTPClientResponse.Body

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: HTTPClientResponse.Body.AsyncIterator

        mutating func next() async throws -> ByteBuffer? {
            do {
                return try await base.next()
            } catch {
                throw AsyncHTTPClientTransport.rethrown(error)
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator())
    }
}
