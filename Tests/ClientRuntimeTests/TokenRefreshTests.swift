@testable import ClientRuntime
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// Bearer tokens from a provider: refreshed once on 401, and OAuth2 client credentials fetched
/// single-flight and cached until shortly before they expire, against a server on 127.0.0.1.
@Suite struct TokenRefreshTests {
    static let me = Request<Data>(operationID: "getMe", method: .get, path: "/me", security: [["oauth"]], response: .data)

    /// `/me` accepts only `Bearer <valid>`; `/token` grants tokens `t1`, `t2`, … valid `lifetime` seconds.
    actor Authority {
        var valid: String?
        var grants = 0
        let lifetime: Int
        init(valid: String? = nil, lifetime: Int = 3600) {
            self.valid = valid
            self.lifetime = lifetime
        }
        func grant() -> String {
            grants += 1
            valid = "t\(grants)"
            return valid!
        }
        func accepts(_ authorization: String?) -> Bool { authorization == valid.map { "Bearer \($0)" } }
    }

    static func routes(_ authority: Authority) -> (TestServer.Router) -> Void {
        { router in
            router.get("/me") { request, _ in
                let authorization = request.headers[.authorization]
                return await authority.accepts(authorization)
                    ? TestServer.json(#"{"id":1}"#)
                    : TestServer.json(#"{"error":"invalid_token"}"#, status: 401)
            }
            router.post("/token") { request, _ in
                // Some latency, so concurrent callers overlap the fetch.
                try await Task.sleep(for: .milliseconds(50))
                let basic = "Basic " + Data("client-1:s%3Acret".utf8).base64EncodedString()
                guard request.headers[.authorization] == basic else {
                    return TestServer.json(#"{"error":"invalid_client"}"#, status: 401)
                }
                let token = await authority.grant()
                return TestServer.json(#"{"access_token":"\#(token)","token_type":"Bearer","expires_in":\#(authority.lifetime)}"#)
            }
        }
    }

    @Test func aRejectedTokenIsRefreshedOnce() async throws {
        actor Session {
            var tokens = ["stale", "fresh"]
            var asked = 0
            func current() -> String {
                asked += 1
                return tokens.count > 1 ? tokens.removeFirst() : tokens[0]
            }
        }
        let session = Session()
        try await TestServer.run(routes: Self.routes(Authority(valid: "fresh"))) { server in
            let client = server.client(credentials: [.bearer(scheme: "oauth") { await session.current() }])
            let body = try await client.send(Self.me)
            #expect(String(decoding: body, as: UTF8.self) == #"{"id":1}"#)
            let sent = await server.requests.map { $0.header("Authorization") }
            #expect(sent == ["Bearer stale", "Bearer fresh"])
            #expect(await session.asked == 2)
            // The fresh token is kept: the next call asks nobody.
            _ = try await client.send(Self.me)
            #expect(await session.asked == 2)
        }
    }

    @Test func aTokenRejectedTwiceIsAnErrorNotALoop() async throws {
        try await TestServer.run(routes: Self.routes(Authority(valid: nil))) { server in
            let client = server.client(credentials: [.bearer(scheme: "oauth") { "never-valid" }])
            let error = await #expect(throws: APIError.self) { try await client.send(Self.me) }
            #expect(error?.status == 401)
            #expect(await server.requests.count == 2)
        }
    }

    @Test func hundredConcurrentCallsFetchOneToken() async throws {
        let authority = Authority()
        try await TestServer.run(routes: Self.routes(authority)) { server in
            let provider = TokenProvider.clientCredentials(
                tokenURL: server.baseURL.appendingPathComponent("token"), clientID: "client-1", clientSecret: "s:cret",
                scopes: ["contacts.read", "exports"])
            let client = server.client(credentials: [.bearer(scheme: "oauth", provider: provider)])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<100 { group.addTask { _ = try await client.send(Self.me) } }
                try await group.waitForAll()
            }
            #expect(await authority.grants == 1)
            #expect(await provider.fetches == 1)
            let tokenRequests = await server.requests.filter { $0.path == "/token" }
            #expect(tokenRequests.map(\.bodyText) == ["grant_type=client_credentials&scope=contacts.read%20exports"])
            // Neither the secret nor the token shows in what may be logged.
            let shown = "\(client.credentials) \(provider)"
            #expect(!shown.contains("s:cret") && !shown.contains("t1"))
        }
    }

    @Test func aTokenCloseToExpiryIsReplacedBeforeUse() async throws {
        // Valid 10 s, replaced 30 s before expiry: every call needs a new one.
        let authority = Authority(lifetime: 10)
        try await TestServer.run(routes: Self.routes(authority)) { server in
            let provider = TokenProvider.clientCredentials(
                tokenURL: server.baseURL.appendingPathComponent("token"), clientID: "client-1", clientSecret: "s:cret")
            let client = server.client(credentials: [.bearer(scheme: "oauth", provider: provider)])
            _ = try await client.send(Self.me)
            _ = try await client.send(Self.me)
            #expect(await authority.grants == 2)
        }
    }

    @Test func aRefusedClientIsAnAuthenticationErrorWithoutTheSecret() async throws {
        try await TestServer.run(routes: Self.routes(Authority())) { server in
            let provider = TokenProvider.clientCredentials(
                tokenURL: server.baseURL.appendingPathComponent("token"), clientID: "client-1", clientSecret: "wrong-secret")
            let client = server.client(credentials: [.bearer(scheme: "oauth", provider: provider)])
            let error = await #expect(throws: ClientError.self) { try await client.send(Self.me) }
            #expect(error.map { "\($0)" } == "Authentication failed: the token endpoint answered 401 (invalid_client)")
            #expect(await server.requests.allSatisfy { $0.path == "/token" })
        }
    }

    @Test func aDownloadUnderTheServerURLCarriesTheProvidedToken() async throws {
        try await TestServer.run(routes: { router in
            router.get("/files/export.csv") { _, _ in TestServer.response(status: 200, body: "a,b\n") }
            router.get("/elsewhere/export.csv") { _, _ in TestServer.response(status: 200, body: "a,b\n") }
        }) { server in
            let client = server.client(credentials: [.bearer(scheme: "oauth") { "t-download" }], path: "/files")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try await client.download(
                from: server.baseURL.appendingPathComponent("files/export.csv"), to: folder.appendingPathComponent("a.csv"))
            _ = try await client.download(
                from: server.baseURL.appendingPathComponent("elsewhere/export.csv"), to: folder.appendingPathComponent("b.csv"))
            let sent = await server.requests.map { $0.header("Authorization") }
            #expect(sent == ["Bearer t-download", nil])
        }
    }
}
