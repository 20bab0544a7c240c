import Foundation

/// When and how `APIClient` sends a request again.
///
/// A response whose status is in `retryableStatuses`, or a transport failure of kind
/// `.connection`, is retried after a jittered exponential backoff (or the server's
/// `Retry-After`, capped by `maxDelay`), up to `maxAttempts` attempts in all and as long as the
/// next attempt would start within `maxTotalTime` of the first. Only idempotent requests are
/// retried: by method (GET, PUT, DELETE, …), or because they carry an idempotency key
/// (`idempotencyKeyHeader`, which `addsIdempotencyKey` sets to a fresh UUID on POST and PATCH
/// requests that have none, the same on every attempt), or any request when `retryNonIdempotent`
/// is set. Timeouts (`ClientError.timeout`, or a transport's own `.timedOut`) and cancellation are
/// never retried.
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts in all, the first included; `1` disables retries.
    public var maxAttempts: Int
    /// The backoff before the second attempt; it doubles for each further one.
    public var baseDelay: Duration
    /// No wait is longer, whether from backoff or `Retry-After`.
    public var maxDelay: Duration
    /// No retry starts later than this after the first attempt started; nil = no bound.
    public var maxTotalTime: Duration?
    public var retryableStatuses: Set<Int>
    /// Retry transport failures of kind `.connection` (refused, reset, DNS…).
    public var retryConnectionErrors: Bool
    /// Retry POST, PATCH and other non-idempotent methods too, with or without a key.
    public var retryNonIdempotent: Bool
    /// The header whose presence makes a POST or PATCH safe to retry (the server deduplicates by it).
    public var idempotencyKeyHeader: String
    /// Give each non-idempotent request without that header a fresh key (a lower-case UUID), so it
    /// is retried like an idempotent one; the same key goes with every attempt of one call.
    public var addsIdempotencyKey: Bool

    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(30),
        maxTotalTime: Duration? = .seconds(60),
        retryableStatuses: Set<Int> = [429, 502, 503, 504],
        retryConnectionErrors: Bool = true,
        retryNonIdempotent: Bool = false,
        idempotencyKeyHeader: String = "Idempotency-Key",
        addsIdempotencyKey: Bool = false
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxTotalTime = maxTotalTime
        self.retryableStatuses = retryableStatuses
        self.retryConnectionErrors = retryConnectionErrors
        self.retryNonIdempotent = retryNonIdempotent
        self.idempotencyKeyHeader = idempotencyKeyHeader
        self.addsIdempotencyKey = addsIdempotencyKey
    }

    public static let `default` = RetryPolicy()
    /// One attempt only.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// Methods that RFC 9110 defines as idempotent.
    public static let idempotentMethods: Set<HTTPMethod> = [.get, .head, .put, .delete, .options, .trace]

    /// Whether a request with `method` (and no idempotency key) may be sent again at all.
    public func allowsRetry(of method: HTTPMethod) -> Bool {
        maxAttempts > 1 && (retryNonIdempotent || Self.idempotentMethods.contains(method))
    }

    /// Whether `request` may be sent again: by its method, or because it carries an idempotency key.
    public func allowsRetry(of request: HTTPRequest) -> Bool {
        allowsRetry(of: request.method) || (maxAttempts > 1 && HeaderFields(request.headers)[idempotencyKeyHeader] != nil)
    }

    /// `request` with a fresh idempotency key when `addsIdempotencyKey` is set and it needs one.
    func keyed(_ request: HTTPRequest) -> HTTPRequest {
        guard addsIdempotencyKey, maxAttempts > 1, !Self.idempotentMethods.contains(request.method),
            HeaderFields(request.headers)[idempotencyKeyHeader] == nil
        else { return request }
        var keyed = request
        keyed.headers.append(HeaderField(name: idempotencyKeyHeader, value: UUID().uuidString.lowercased()))
        return keyed
    }

    /// The wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed.
    /// "Equal jitter": a uniformly random value in [cap/2, cap], cap = min(maxDelay, baseDelay·2^(attempt−1)).
    /// `Retry-After`, when given, replaces the backoff (capped by `maxDelay`).
    /// - Parameter unit: a random number in [0, 1].
    func delay(afterAttempt attempt: Int, retryAfter: Duration?, unit: Double) -> Duration {
        if let retryAfter {
            return min(max(retryAfter, .zero), maxDelay)
        }
        let doublings = max(0, min(attempt - 1, 40))
        let cap = min(max(baseDelay, .zero) * (1 << doublings), maxDelay)
        let half = cap / 2
        return half + half * min(max(unit, 0), 1)
    }
}

/// Parsing of the `Retry-After` header (RFC 9110 §10.2.3).
enum RetryAfter {
    /// Delta-seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`, also the obsolete
    /// RFC 850 and asctime forms), as a wait from `now`; nil when absent or unreadable.
    static func delay(from value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            // Values too large for Int64 saturate; the caller caps the wait at `maxDelay`.
            return .seconds(Int64(value) ?? Int64.max)
        }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            // DateFormatter is not Sendable, so one per use.
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: value) {
                return .seconds(max(0, date.timeIntervalSince(now)))
            }
        }
        return nil
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
