import ClientRuntime
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// What the server receives for hand-written `Request` values.
@Suite struct ClientRequestTests {
    private func ok(_ router: TestServer.Router) {
        router.on("**", method: .get) { _, _ in TestServer.json("{}") }
        router.on("**", method: .post) { _, _ in TestServer.json("{}") }
    }

    private func rawRequest(_ path: String, query: QueryItems = QueryItems(), headers: HeaderFields = HeaderFields(), security: [[String]] = []) -> Request<Data> {
        Request(operationID: "probe", method: .get, path: path, query: query, headers: headers, security: security, response: .data)
    }

    @Test func pathAndQueryAreEncodedBelowTheServerPath() async throws {
        try await TestServer.run(routes: ok) { server in
            var query = QueryItems()
            query.append("q", "a b+c&d=é")
            query.append("sort", Sort.desc)
            query.append("ids", [1, 2], explode: false)
            query.append("tag", ["x", "y"])
            let path = "/items/\(PathSegment.encode("../a b/?#"))/raw"
            _ = try await server.client(path: "/v3").send(rawRequest(path, query: query))

            let received = try #require(await server.lastRequest)
            #expect(received.path == "/v3/items/..%2Fa%20b%2F%3F%23/raw")
            #expect(received.query == "q=a%20b%2Bc%26d%3D%C3%A9&sort=desc&ids=1,2&tag=x&tag=y")
        }
    }

    @Test func dotDotValueStaysASegment() async throws {
        try await TestServer.run(routes: ok) { server in
            _ = try await server.client(path: "/v3").send(rawRequest("/items/\(PathSegment.encode(".."))/x"))
            #expect(await server.lastRequest?.path == "/v3/items/%2E%2E/x")
        }
    }

    @Test func theHostCannotBeChangedByThePath() throws {
        let client = APIClient(serverURL: URL(string: "https://api.example.com/v3/")!)
        for path in ["//evil.example/x", "/@evil.example", "/:443@evil.example/x"] {
            let url = try client.makeHTTPRequest(for: rawRequest(path)).url
            #expect(url.host == "api.example.com", "\(path) → \(url)")
            #expect(url.absoluteString.hasPrefix("https://api.example.com/v3/"))
        }
        for path in ["items", "/a b", "/a?b", "/a#b", "/a%zz"] {
            #expect(throws: ClientError.self, "\(path)") { try client.makeHTTPRequest(for: rawRequest(path)) }
        }
    }

    @Test func apiKeyHeaderIsApplied() async throws {
        try await TestServer.run(routes: ok) { server in
            let client = server.client(credentials: [.apiKey(scheme: "api-key", name: "api-key", in: .header, value: "s3cret")])
            _ = try await client.send(rawRequest("/a", security: [["api-key"]]))
            let received = try #require(await server.lastRequest)
            #expect(received.headerValues("api-key") == ["s3cret"])
            #expect(received.header("Authorization") == nil)
        }
    }

    @Test func apiKeyInQueryAndCookie() async throws {
        try await TestServer.run(routes: ok) { server in
            let client = server.client(credentials: [
                .apiKey(scheme: "queryKey", name: "key", in: .query, value: "k 1&x"),
                .apiKey(scheme: "session", name: "sid", in: .cookie, value: "abc"),
            ])
            var query = QueryItems()
            query.append("page", 2)
            _ = try await client.send(rawRequest("/a", query: query, security: [["queryKey", "session"]]))
            let received = try #require(await server.lastRequest)
            #expect(received.query == "page=2&key=k%201%26x")
            #expect(received.header("Cookie") == "sid=abc")
        }
    }

    @Test func bearerAndBasicAreApplied() async throws {
        try await TestServer.run(routes: ok) { server in
            let client = server.client(credentials: [
                .bearer(scheme: "bearerAuth", token: "tok-123"),
                .basic(scheme: "basicAuth", username: "user", password: "pa:ss"),
            ])
            _ = try await client.send(rawRequest("/bearer", security: [["bearerAuth"]]))
            #expect(await server.lastRequest?.headerValues("Authorization") == ["Bearer tok-123"])
            _ = try await client.send(rawRequest("/basic", security: [["basicAuth"]]))
            #expect(await server.lastRequest?.headerValues("Authorization") == ["Basic dXNlcjpwYTpzcw=="])
        }
    }

    @Test func firstSatisfiableSecurityAlternativeWins() async throws {
        try await TestServer.run(routes: ok) { server in
            let client = server.client(credentials: [
                .apiKey(scheme: "api-key", name: "api-key", in: .header, value: "k"),
                .apiKey(scheme: "partner-key", name: "partner-key", in: .header, value: "p"),
                .bearer(scheme: "bearerAuth", token: "t"),
            ])
            // "oauth" has no credential, so the second alternative (both keys) is used, not the third.
            _ = try await client.send(rawRequest("/a", security: [["oauth"], ["api-key", "partner-key"], ["bearerAuth"]]))
            var received = try #require(await server.lastRequest)
            #expect(received.header("api-key") == "k")
            #expect(received.header("partner-key") == "p")
            #expect(received.header("Authorization") == nil)

            // An alternative needing a missing scheme is skipped as a whole.
            _ = try await client.send(rawRequest("/b", security: [["api-key", "oauth"], ["bearerAuth"]]))
            received = try #require(await server.lastRequest)
            #expect(received.header("api-key") == nil)
            #expect(received.header("Authorization") == "Bearer t")
        }
    }

    @Test func noCredentialIsSentWhenSecurityIsEmpty() async throws {
        try await TestServer.run(routes: ok) { server in
            let client = server.client(credentials: [
                .apiKey(scheme: "api-key", name: "api-key", in: .header, value: "k"),
                .apiKey(scheme: "queryKey", name: "key", in: .query, value: "q"),
                .bearer(scheme: "bearerAuth", token: "t"),
            ])
            _ = try await client.send(rawRequest("/public", security: []))
            let received = try #require(await server.lastRequest)
            #expect(received.header("api-key") == nil)
            #expect(received.header("Authorization") == nil)
            #expect(received.query == nil)
        }
    }

    @Test func jsonBodyAndDefaultHeadersAreSent() async throws {
        try await TestServer.run(routes: ok) { server in
            let item = Item(id: 7, name: "a \"quoted\" name", createdAt: Date(timeIntervalSince1970: 1_700_000_000))
            var headers = HeaderFields()
            headers.append("X-Trace", "t-1")
            let request = Request<JSONValue>(
                operationID: "createItem", method: .post, path: "/items",
                headers: headers, body: .json(item), response: .json
            )
            _ = try await server.client().send(request)

            let received = try #require(await server.lastRequest)
            #expect(received.method == "POST")
            #expect(received.header("Content-Type") == "application/json")
            #expect(received.header("Accept") == "application/json")
            #expect(received.header("User-Agent") == "ClientGen")
            #expect(received.header("X-Trace") == "t-1")
            let sent = try JSONDecoder().decode(JSONValue.self, from: received.body)
            #expect(sent == ["id": 7, "name": "a \"quoted\" name", "createdAt": "2023-11-14T22:13:20Z"])
        }
    }

    @Test func rawDataBodyKeepsItsContentTypeAndRequestHeadersOverrideDefaults() async throws {
        try await TestServer.run(routes: ok) { server in
            var headers = HeaderFields()
            headers.append("user-agent", "MyApp/1.0")
            let request = Request<Data>(
                operationID: "upload", method: .post, path: "/upload", headers: headers,
                body: .data(Data([0x00, 0xFF, 0x10]), contentType: "application/octet-stream"), response: .data
            )
            _ = try await server.client().send(request)
            let received = try #require(await server.lastRequest)
            #expect(received.body == Data([0x00, 0xFF, 0x10]))
            #expect(received.header("Content-Type") == "application/octet-stream")
            #expect(received.headerValues("User-Agent") == ["MyApp/1.0"])
            #expect(received.header("Accept") != "application/json")  // URLSession may add */*
        }
    }

    @Test func lineBreaksInHeadersAreRejectedBeforeSending() async throws {
        try await TestServer.run(routes: ok) { server in
            var headers = HeaderFields()
            headers.append("X-Trace", "a\r\nX-Injected: 1")
            let error = await #expect(throws: ClientError.self) {
                try await server.client().send(rawRequest("/a", headers: headers))
            }
            guard case .invalidHeader(let name)? = error else {
                Issue.record("expected invalidHeader, got \(String(describing: error))")
                return
            }
            #expect(name == "X-Trace")
            #expect(!String(describing: error!).contains("Injected"))

            let badKey = server.client(credentials: [.bearer(scheme: "b", token: "tok\nen")])
            let keyError = await #expect(throws: ClientError.self) {
                try await badKey.send(rawRequest("/b", security: [["b"]]))
            }
            #expect(!String(describing: keyError!).contains("tok"))

            #expect(await server.requests.isEmpty)
        }
    }
}
