import Foundation

/// How far a download has got; reported after each chunk is written.
public struct DownloadProgress: Hashable, Sendable {
    /// Bytes written to disk so far.
    public var bytesReceived: Int64
    /// The size announced by `Content-Length`, or nil when the server did not send one.
    public var totalBytes: Int64?

    public init(bytesReceived: Int64, totalBytes: Int64?) {
        self.bytesReceived = bytesReceived
        self.totalBytes = totalBytes
    }

    /// From 0 to 1, or nil when the total is unknown.
    public var fractionCompleted: Double? {
        guard let totalBytes, totalBytes > 0 else { return nil }
        return min(1, Double(bytesReceived) / Double(totalBytes))
    }
}

/// A finished download.
public struct DownloadResult: Hashable, Sendable {
    /// Where the file is: the destination passed to `download`.
    public var fileURL: URL
    public var byteCount: Int64
    public var status: Int
    public var headers: [HeaderField]

    public init(fileURL: URL, byteCount: Int64, status: Int, headers: [HeaderField]) {
        self.fileURL = fileURL
        self.byteCount = byteCount
        self.status = status
        self.headers = headers
    }
}

extension APIClient {
    /// The `operationID` of errors from `download`.
    public static let downloadOperationID = "download"

    /// Downloads `url` (a job's result, e.g. Brevo's `export_url`) to the file `destination` with a GET,
    /// streaming it to disk chunk by chunk.
    ///
    /// - The body goes to a temporary file in the destination's folder, renamed over `destination`
    ///   only once complete; after any error or cancellation the temporary file is removed and
    ///   `destination` is left as it was.
    /// - Credentials and `Configuration.defaultHeaders` are sent only when `url` is under
    ///   `serverURL` (same scheme, host and port, and below its path: the rule next-page links
    ///   follow), so a pre-signed link elsewhere gets neither. Under the server URL every
    ///   credential of the client is applied.
    /// - Plain `http://` is refused except to this machine, as for every request (`allowInsecureHTTP`).
    /// - Redirects the transport hands back (up to 5) are followed here, each new URL under the same
    ///   credentials rule. `URLSessionTransport` follows them itself, without the request's headers
    ///   when the origin changes; give `AsyncHTTPClientTransport` an `HTTPClient` with redirects
    ///   disallowed, since AsyncHTTPClient keeps headers such as `api-key` across origins.
    /// - Middlewares are not run: they see whole responses, and a file should not pass through memory.
    /// - Statuses in `configuration.retry.retryableStatuses` and connection failures before the body
    ///   starts are retried as for other GETs, honouring `Retry-After`. A failure in mid-body is not
    ///   retried. `configuration.timeout` bounds each attempt until the status and headers arrive; the
    ///   body may take as long as it takes (cancel the task to stop it).
    /// - `Accept-Encoding: identity` is asked for, so the file is stored as served and
    ///   `Content-Length`, when given, is checked: a shorter body is an error.
    /// - Throws: `APIError` (operationID `download`, up to 64 KiB of the body) for a non-2xx final
    ///   status; `ClientError` for a refused URL, a transport failure or a timeout; the file system's
    ///   error when the file cannot be written; `CancellationError` when cancelled.
    public func download(
        from url: URL,
        to destination: URL,
        progress: (@Sendable (DownloadProgress) -> Void)? = nil
    ) async throws -> DownloadResult {
        var request = try await authorizedDownloadRequest(for: url)
        var response = try await openStream(request, operationID: Self.downloadOperationID, timeout: configuration.timeout)
        // Transports that follow redirects themselves never show one here; for those that do not,
        // each hop is a new download request, so the credentials rule applies to every URL.
        var hops = 0
        while hops < Self.maximumRedirects, let next = Self.redirectTarget(of: response, from: request.url) {
            hops += 1
            request = try await authorizedDownloadRequest(for: next)
            response = try await openStream(request, operationID: Self.downloadOperationID, timeout: configuration.timeout)
        }
        guard (200..<300).contains(response.status) else {
            let body = try? await response.body.collect(upTo: 64 * 1024)
            throw APIError(operationID: Self.downloadOperationID, status: response.status, headers: response.headers,
                           body: body ?? Data(), decodedBody: nil)
        }
        return try await save(response, to: destination, progress: progress)
    }

    static let maximumRedirects = 5

    /// Where a 301, 302, 303, 307 or 308 response sends the download next (relative to `url`).
    private static func redirectTarget(of response: StreamedHTTPResponse, from url: URL) -> URL? {
        guard [301, 302, 303, 307, 308].contains(response.status),
              let location = HeaderFields(response.headers)["Location"], !location.isEmpty
        else { return nil }
        return URL(string: location, relativeTo: url)?.absoluteURL
    }

    /// `makeDownloadRequest`, plus the bearer tokens of `TokenProvider` credentials under the same rule.
    private func authorizedDownloadRequest(for url: URL) async throws -> HTTPRequest {
        var request = try makeDownloadRequest(for: url)
        if ServerScope.relativePath(of: url, under: serverURL) != nil {
            let providers = credentials.compactMap { credential -> TokenProvider? in
                if case .provided(let provider) = credential.kind { return provider }
                return nil
            }
            _ = try await authorize(&request, with: providers)
        }
        return request
    }

    /// The GET for `url`: credentials and default headers only when it is under `serverURL`.
    func makeDownloadRequest(for url: URL) throws -> HTTPRequest {
        try Self.checkTransportSecurity(url, configuration: configuration)
        var headers = HeaderFields()
        var target = url
        if ServerScope.relativePath(of: url, under: serverURL) != nil {
            headers = configuration.defaultHeaders
            var query = QueryItems()
            var cookies: [String] = []
            for credential in credentials {
                credential.apply(headers: &headers, query: &query, cookies: &cookies)
            }
            if !cookies.isEmpty {
                headers.set("Cookie", cookies.joined(separator: "; "))
            }
            if !query.isEmpty {
                guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else {
                    throw ClientError.invalidURL("\(Self.downloadOperationID): cannot add query credentials to the URL")
                }
                components.percentEncodedQuery = [components.percentEncodedQuery, query.percentEncoded]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "&")
                guard let withQuery = components.url else {
                    throw ClientError.invalidURL("\(Self.downloadOperationID): cannot add query credentials to the URL")
                }
                target = withQuery
            }
        }
        headers.set("Accept-Encoding", "identity")
        for field in headers.fields {
            try Self.validate(field)
        }
        return HTTPRequest(url: target, method: .get, headers: headers.fields)
    }

    /// Streams `response`'s body into a temporary file, then moves it to `destination`.
    private func save(
        _ response: StreamedHTTPResponse,
        to destination: URL,
        progress: (@Sendable (DownloadProgress) -> Void)?
    ) async throws -> DownloadResult {
        let total = Self.contentLength(of: response.headers)
        let file = try DownloadFile(destination: destination)
        do {
            var received: Int64 = 0
            progress?(DownloadProgress(bytesReceived: 0, totalBytes: total))
            var chunks = response.body.makeAsyncIterator()
            while let chunk = try await Self.nextChunk(&chunks) {
                try file.write(chunk)
                received += Int64(chunk.count)
                progress?(DownloadProgress(bytesReceived: received, totalBytes: total))
            }
            // Transports end the body quietly when cancelled; a cancelled download is never committed.
            try Task.checkCancellation()
            if let total, received != total {
                throw ClientError.transport("the body ended after \(received) of \(total) bytes")
            }
            try file.commit()
            return DownloadResult(fileURL: destination, byteCount: received, status: response.status, headers: response.headers)
        } catch {
            file.discard()
            throw error
        }
    }

    /// The next chunk, with transport failures as `ClientError.transport`.
    private static func nextChunk(_ chunks: inout HTTPBodyStream.AsyncIterator) async throws -> Data? {
        do {
            return try await chunks.next()
        } catch let error as ClientError {
            throw error
        } catch {
            if Task.isCancelled || error is CancellationError { throw CancellationError() }
            throw ClientError.transport(TransportError(classifying: error).message)
        }
    }

    /// `Content-Length` when it is a plain number and the body is not re-encoded in transit.
    private static func contentLength(of headers: [HeaderField]) -> Int64? {
        let fields = HeaderFields(headers)
        if let encoding = fields["Content-Encoding"], encoding.lowercased() != "identity" { return nil }
        guard let value = fields["Content-Length"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty,
              value.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int64(value)
    }
}
