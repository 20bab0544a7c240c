import Foundation

extension APIClient {
    /// Client-wide settings. Coders are made per request by these factories, since
    /// `JSONEncoder`/`JSONDecoder` instances are mutable reference types.
    public struct Configuration: Sendable {
        /// Sent with every request; a request's own header of the same name replaces it.
        public var defaultHeaders: HeaderFields
        public var makeEncoder: @Sendable () -> JSONEncoder
        public var makeDecoder: @Sendable () -> JSONDecoder
        /// When a request is sent again (429/502/503/504 and connection failures, idempotent methods).
        public var retry: RetryPolicy
        /// How long one attempt may take, middlewares included; `Request.timeout` overrides it.
        /// nil = no limit. Past it `send` throws `ClientError.timeout`.
        public var timeout: Duration?
        /// Run in order around each attempt, after credentials are applied.
        public var middlewares: [any ClientMiddleware]
        /// Allows plain `http://` server URLs for hosts other than this machine (localhost, 127.0.0.0/8, ::1).
        /// Off by default: credentials and bodies would travel unencrypted.
        public var allowInsecureHTTP = false

        public init(
            defaultHeaders: HeaderFields = ["User-Agent": "ClientGen"],
            makeEncoder: @escaping @Sendable () -> JSONEncoder = Configuration.defaultEncoder,
            makeDecoder: @escaping @Sendable () -> JSONDecoder = Configuration.defaultDecoder,
            retry: RetryPolicy = .default,
            timeout: Duration? = .seconds(60),
            middlewares: [any ClientMiddleware] = []
        ) {
            self.defaultHeaders = defaultHeaders
            self.makeEncoder = makeEncoder
            self.makeDecoder = makeDecoder
            self.retry = retry
            self.timeout = timeout
            self.middlewares = middlewares
        }

        /// Dates as ISO 8601 in UTC, with milliseconds only when non-zero.
        @Sendable public static func defaultEncoder() -> JSONEncoder {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .custom { date, encoder in
                var container = encoder.singleValueContainer()
                try container.encode(ISO8601.string(from: date))
            }
            return encoder
        }

        /// Dates as ISO 8601 with or without fractional seconds.
        @Sendable public static func defaultDecoder() -> JSONDecoder {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .custom { decoder in
                let container = try decoder.singleValueContainer()
                let string = try container.decode(String.self)
                guard let date = ISO8601.date(from: string) else {
                    throw DecodingError.dataCorruptedError(
                        in: container,
                        debugDescription: "Expected an ISO 8601 date-time, found \"\(string)\""
                    )
                }
                return date
            }
            return decoder
        }
    }
}
