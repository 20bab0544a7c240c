import ClientRuntime
import Foundation
import Logging

/// Logs each attempt of each request over swift-log: operation id, method, URL, status and
/// duration, and with `logHeaders` the request and response headers.
///
/// Secrets never reach the log: the values of `Authorization`, `Cookie` and every name in
/// `redacting` (headers and query items, compared case-insensitively) are replaced by
/// `<redacted>`; pass the client's credentials to redact the names they use too. Bodies are not
/// logged, and errors are logged by type unless their description is known to hold no secret.
public struct LoggingMiddleware: ClientMiddleware {
    /// Names redacted by default, whatever the credentials.
    public static let defaultRedactedNames: [String] = [
        "authorization", "proxy-authorization", "cookie", "set-cookie",
        "api-key", "x-api-key", "apikey", "api_key", "access_token",
    ]

    public var logger: Logger
    /// The level of lines for responses; failures are logged at `.warning` (cancellation at `level`).
    public var level: Logger.Level
    public var logHeaders: Bool
    let redactor: Redactor

    public init(
        logger: Logger,
        level: Logger.Level = .info,
        redacting names: [String] = LoggingMiddleware.defaultRedactedNames,
        logHeaders: Bool = false
    ) {
        self.logger = logger
        self.level = level
        self.logHeaders = logHeaders
        self.redactor = Redactor(names: names + ["authorization", "cookie", "set-cookie"])
    }

    /// Also redacts every name `credentials` use (`Credential.secretNames`).
    public init(
        logger: Logger,
        level: Logger.Level = .info,
        credentials: [Credential],
        redacting names: [String] = LoggingMiddleware.defaultRedactedNames,
        logHeaders: Bool = false
    ) {
        self.init(logger: logger, level: level, redacting: names + credentials.flatMap(\.secretNames), logHeaders: logHeaders)
    }

    /// The names whose values are redacted, lowercased.
    public var redactedNames: Set<String> { redactor.names }

    public func intercept(
        _ request: HTTPRequest,
        operationID: String,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let url = redactor.url(request.url)
        var metadata: Logger.Metadata = [
            "operation": "\(operationID)",
            "method": "\(request.method.rawValue)",
            "url": "\(url)",
        ]
        if logHeaders {
            metadata["request_headers"] = headerMetadata(request.headers)
        }
        let start = ContinuousClock.now
        do {
            let response = try await next(request)
            let milliseconds = Self.milliseconds(ContinuousClock.now - start)
            metadata["status"] = "\(response.status)"
            metadata["duration_ms"] = "\(milliseconds)"
            if logHeaders {
                metadata["response_headers"] = headerMetadata(response.headers)
            }
            logger.log(level: level, "\(request.method.rawValue) \(url) → \(response.status) in \(milliseconds) ms [\(operationID)]", metadata: metadata)
            return response
        } catch {
            let milliseconds = Self.milliseconds(ContinuousClock.now - start)
            let reason = Self.describe(error)
            metadata["error"] = "\(reason)"
            metadata["duration_ms"] = "\(milliseconds)"
            let errorLevel: Logger.Level = error is CancellationError ? level : .warning
            logger.log(level: errorLevel, "\(request.method.rawValue) \(url) failed after \(milliseconds) ms: \(reason) [\(operationID)]", metadata: metadata)
            throw error
        }
    }

    private func headerMetadata(_ fields: [HeaderField]) -> Logger.MetadataValue {
        .array(redactor.headers(fields).map { .string("\($0.name): \($0.value)") })
    }

    /// Descriptions of the runtime's own errors hold no URL or credential; others may, so only
    /// their type is shown.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as ClientError: error.description
        case let error as TransportError: error.description
        case is CancellationError: "cancelled"
        default: String(describing: type(of: error))
        }
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
