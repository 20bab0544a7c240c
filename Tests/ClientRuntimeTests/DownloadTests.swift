import AsyncHTTPClient
@testable import ClientRuntime
import ClientRuntimeAsyncHTTPClient
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// `APIClient.download`: streamed to a temporary file, retried, credentials only under the server URL.
@Suite struct DownloadTests {
    enum Transport: String, CaseIterable, CustomTestStringConvertible {
        case urlSession, asyncHTTPClient
        var testDescription: String { rawValue }
        func make() -> any HTTPTransport {
            switch self {
            case .urlSession: URLSessionTransport()
            case .asyncHTTPClient: AsyncHTTPClientTransport()
            }
        }
    }

    /// Whether the slow route saw its client go away before the body was sent.
    actor Aborts {
        private(set) var count = 0
        func record() { count += 1 }
    }

    /// Counts the requests to each path.
    actor Counter {
        private var counts: [String: Int] = [:]
        func next(_ path: String) -> Int {
            defer { counts[path, default: 0] += 1 }
            return counts[path, default: 0]
        }
    }

    static let size = 2 * 1024 * 1024
    static let file = TestServer.pattern(count: size)
    /// 200 chunks of 8 KiB, 40 ms apart: 8 s in all, far longer than a cancelled download may take.
    static let slowFile = TestServer.pattern(count: 200 * 8 * 1024)

    private static func routes(_ counter: Counter) -> (TestServer.Router) -> Void {
        { router in
            // Under the server URL (…/v3): 503 with Retry-After 0 first, then the file.
            router.get("/v3/files/export.csv") { _, _ in
                await counter.next("export") == 0
                    ? TestServer.response(status: 503, headers: ["Retry-After": "0"], body: "busy")
                    : TestServer.chunked(file)
            }
            // Outside it: another path, as a pre-signed link would be.
            router.get("/files/export.csv") { _, _ in TestServer.chunked(file) }
            router.get("/files/teapot") { _, _ in TestServer.response(status: 418, body: "short and stout") }
            router.get("/files/slow") { _, _ in
                TestServer.chunked(slowFile, chunkSize: 8 * 1024, pause: .milliseconds(40))
            }
        }
    }

    private func client(_ server: TestServer, _ transport: Transport, credentials: [Credential] = [Jobs.brevoKey]) -> APIClient {
        APIClient(
            serverURL: server.baseURL.appendingPathComponent("v3"), credentials: credentials, transport: transport.make(),
            configuration: .init(retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(5), maxTotalTime: nil)))
    }

    /// A fresh empty folder, removed after `body`.
    private func inFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("download-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    private func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test(arguments: Transport.allCases)
    func retriesA503ThenSavesTheFileByteForByte(transport: Transport) async throws {
        try await TestServer.run(routes: Self.routes(Counter())) { server in
            try await inFolder { folder in
                let destination = folder.appendingPathComponent("export.csv")
                let (reports, reporter) = AsyncStream<DownloadProgress>.makeStream()
                let url = server.baseURL.appendingPathComponent("v3/files/export.csv")
                let start = ContinuousClock.now
                let result = try await client(server, transport).download(from: url, to: destination) { reporter.yield($0) }
                reporter.finish()
                Scenario.report("download 2 MB after a 503 (\(transport))", requests: await server.requests.count, since: start)

                #expect(result.byteCount == Int64(Self.size))
                #expect(result.status == 200)
                #expect(result.fileURL == destination)
                #expect(try Data(contentsOf: destination) == Self.file)
                #expect(try contents(of: folder) == ["export.csv"], "no temporary file is left")
                let requests = await server.requests
                #expect(requests.count == 2)
                #expect(requests.allSatisfy { $0.header("api-key") == "BREVO-SECRET-KEY" }, "under the server URL the key is sent")

                var progress: [DownloadProgress] = []
                for await report in reports { progress.append(report) }
                #expect(progress.count >= 2)
                #expect(progress.first?.bytesReceived == 0)
                #expect(progress.last == DownloadProgress(bytesReceived: Int64(Self.size), totalBytes: Int64(Self.size)))
                #expect(progress.allSatisfy { $0.totalBytes == Int64(Self.size) })
                #expect(zip(progress, progress.dropFirst()).allSatisfy { $0.bytesReceived <= $1.bytesReceived }, "monotonic")
            }
        }
    }

    @Test(arguments: Transport.allCases)
    func anUnlistedStatusIsAnErrorAndLeavesTheDestinationAlone(transport: Transport) async throws {
        try await TestServer.run(routes: Self.routes(Counter())) { server in
            try await inFolder { folder in
                let destination = folder.appendingPathComponent("export.csv")
                try Data("previous".utf8).write(to: destination)
                let error = await #expect(throws: APIError.self) {
                    try await client(server, transport).download(from: server.baseURL.appendingPathComponent("files/teapot"), to: destination)
                }
                #expect(error?.status == 418)
                #expect(error?.operationID == "download")
                #expect(error.map { String(decoding: $0.body, as: UTF8.self) } == "short and stout")
                #expect(try Data(contentsOf: destination) == Data("previous".utf8))
                #expect(try contents(of: folder) == ["export.csv"], "no temporary file is left")
            }
        }
    }

    @Test(arguments: Transport.allCases)
    func noCredentialsForAFileOutsideTheServerURL(transport: Transport) async throws {
        try await TestServer.run(routes: Self.routes(Counter())) { server in
            try await inFolder { folder in
                let destination = folder.appendingPathComponent("export.csv")
                let queryKey = Credential.apiKey(scheme: "q", name: "api_key", in: .query, value: "QUERY-SECRET")
                let url = try #require(URL(string: server.baseURL.absoluteString + "/files/export.csv?X-Amz-Signature=abc%2Fdef"))
                _ = try await client(server, transport, credentials: [Jobs.brevoKey, queryKey]).download(from: url, to: destination)
                #expect(try Data(contentsOf: destination) == Self.file)
                let received = try #require(await server.lastRequest)
                #expect(received.path == "/files/export.csv")
                #expect(received.header("api-key") == nil)
                #expect(received.query == "X-Amz-Signature=abc%2Fdef", "the pre-signed query is kept, no credential added")
                #expect(received.header("User-Agent") != "ClientGen", "default headers stay with the server too")
            }
        }
    }

    /// A body dropped after one chunk stops the transfer: the server's writes fail long before its 8 s end.
    @Test(arguments: Transport.allCases)
    func droppingTheBodyCancelsTheTransfer(transport: Transport) async throws {
        let aborts = Aborts()
        try await TestServer.run(routes: { router in
            router.get("/files/slow") { _, _ in
                TestServer.chunked(Self.slowFile, chunkSize: 8 * 1024, pause: .milliseconds(40)) { await aborts.record() }
            }
        }) { server in
            let made = transport.make()
            do {
                let response = try await made.stream(HTTPRequest(url: server.baseURL.appendingPathComponent("files/slow"), method: .get))
                var chunks = response.body.makeAsyncIterator()
                let first = try await chunks.next()
                #expect(first?.isEmpty == false)
            }
            let deadline = ContinuousClock.now + .seconds(5)
            while await aborts.count == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(await aborts.count == 1, "the server went on sending to a client that had dropped the body")
        }
    }

    /// URLSessionTransport's streaming follows a redirect to another origin without the request's
    /// headers; with an AsyncHTTPClient that does not follow redirects (it would keep `api-key`
    /// across origins), `download` follows it, under the credentials rule.
    @Test(arguments: [Transport.urlSession, .asyncHTTPClient])
    func aRedirectElsewhereCarriesNoCredentials(transport: Transport) async throws {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        defer { Task { try await httpClient.shutdown() } }
        let made: any HTTPTransport = transport == .urlSession ? URLSessionTransport() : AsyncHTTPClientTransport(client: httpClient)
        try await TestServer.run(routes: { router in
            router.get("/export.csv") { _, _ in TestServer.chunked(Self.file) }
        }) { fileHost in
            try await TestServer.run(routes: { router in
                router.get("/v3/files/export.csv") { _, _ in
                    TestServer.response(status: 302, headers: ["Location": fileHost.baseURL.absoluteString + "/export.csv"])
                }
            }) { server in
                try await inFolder { folder in
                    let destination = folder.appendingPathComponent("export.csv")
                    let url = server.baseURL.appendingPathComponent("v3/files/export.csv")
                    let client = APIClient(serverURL: server.baseURL.appendingPathComponent("v3"), credentials: [Jobs.brevoKey], transport: made)
                    _ = try await client.download(from: url, to: destination)
                    #expect(try Data(contentsOf: destination) == Self.file)
                    #expect(await server.lastRequest?.header("api-key") == "BREVO-SECRET-KEY")
                    let redirected = try #require(await fileHost.lastRequest)
                    #expect(redirected.header("api-key") == nil)
                }
            }
        }
    }

    @Test func credentialsFollowTheServerScopeRule() throws {
        let queryKey = Credential.apiKey(scheme: "q", name: "api_key", in: .query, value: "QUERY-SECRET")
        let client = APIClient(serverURL: URL(string: "https://api.brevo.com/v3")!, credentials: [Jobs.brevoKey, queryKey])
        let under = try client.makeDownloadRequest(for: URL(string: "https://API.brevo.com:443/v3/files/x.csv?sig=1")!)
        #expect(HeaderFields(under.headers)["api-key"] == "BREVO-SECRET-KEY")
        #expect(under.url.query == "sig=1&api_key=QUERY-SECRET")
        for elsewhere in [
            "https://exports.brevo.com/v3/files/x.csv", "https://api.brevo.com:8443/v3/files/x.csv",
            "https://api.brevo.com/files/x.csv", "https://api.brevo.com/v3x/files/x.csv", "https://api.brevo.com/v3",
        ] {
            let request = try client.makeDownloadRequest(for: URL(string: elsewhere)!)
            #expect(HeaderFields(request.headers)["api-key"] == nil, "\(elsewhere)")
            #expect(request.url.absoluteString == elsewhere)
        }
        // http:// to another machine is refused before anything is sent.
        #expect(throws: ClientError.self) { try client.makeDownloadRequest(for: URL(string: "http://exports.brevo.com/x.csv")!) }
        #expect(throws: ClientError.self) { try client.makeDownloadRequest(for: URL(string: "ftp://exports.brevo.com/x.csv")!) }
    }

    @Test(arguments: Transport.allCases)
    func cancellingInMidBodyLeavesNoFile(transport: Transport) async throws {
        try await TestServer.run(routes: Self.routes(Counter())) { server in
            try await inFolder { folder in
                let destination = folder.appendingPathComponent("slow.csv")
                let (reports, reporter) = AsyncStream<DownloadProgress>.makeStream()
                let client = client(server, transport)
                let url = server.baseURL.appendingPathComponent("files/slow")
                let download = Task { try await client.download(from: url, to: destination) { reporter.yield($0) } }
                for await report in reports where report.bytesReceived > 0 { break }
                let cancelled = ContinuousClock.now
                let during = try contents(of: folder)
                #expect(during.count == 1 && during.first?.hasSuffix(".part") == true, "the temporary file exists while downloading")
                download.cancel()
                let outcome = await download.result
                #expect(throws: CancellationError.self) { try outcome.get() }
                // The whole body takes 8 s; a cancelled transfer stops long before.
                #expect(ContinuousClock.now - cancelled < .seconds(4))
                let after = try contents(of: folder)
                #expect(after == [], "neither the destination nor a temporary file is left")
            }
        }
    }

    /// Answers every request with `body`; implements `send` only.
    struct SendOnlyTransport: HTTPTransport {
        let body: Data
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            HTTPResponse(status: 200, headers: [HeaderField(name: "Content-Length", value: "\(body.count)")], body: body)
        }
    }

    @Test func aTransportWithoutStreamingFallsBackToSend() async throws {
        try await inFolder { folder in
            let body = TestServer.pattern(count: 10_000)
            let client = APIClient(serverURL: URL(string: "https://api.example.com")!, transport: SendOnlyTransport(body: body))
            let destination = folder.appendingPathComponent("x.bin")
            let result = try await client.download(from: URL(string: "https://files.example.com/x.bin")!, to: destination)
            #expect(result.byteCount == 10_000)
            #expect(try Data(contentsOf: destination) == body)
        }
    }

    @Test func aShortBodyIsAnError() async throws {
        try await inFolder { folder in
            struct Truncating: HTTPTransport {
                func send(_ request: HTTPRequest) async throws -> HTTPResponse {
                    HTTPResponse(status: 200, headers: [HeaderField(name: "Content-Length", value: "100")], body: Data(count: 60))
                }
            }
            let client = APIClient(serverURL: URL(string: "https://api.example.com")!, transport: Truncating())
            let destination = folder.appendingPathComponent("x.bin")
            let error = await #expect(throws: ClientError.self) {
                try await client.download(from: URL(string: "https://files.example.com/x.bin")!, to: destination)
            }
            #expect(error.map { "\($0)" } == "Transport failed: the body ended after 60 of 100 bytes")
            let left = try contents(of: folder)
            #expect(left == [])
        }
    }
}
