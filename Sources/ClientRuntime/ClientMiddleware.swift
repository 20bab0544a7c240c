/// A hook around each attempt of a request: logging, metrics, custom auth, header rewriting.
///
/// Middlewares in `APIClient.Configuration.middlewares` run in order, the first outermost, around
/// every attempt (a retried request passes through them again). They see the request as it goes on
/// the wire, with credentials already applied, and may change it before calling `next`, replace the
/// response, or throw. Transport failures reach them as `TransportError`; their own errors reach the
/// caller of `send` unchanged.
public protocol ClientMiddleware: Sendable {
    func intercept(
        _ request: HTTPRequest,
        operationID: String,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}
