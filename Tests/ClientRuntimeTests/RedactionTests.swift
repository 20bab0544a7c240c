import ClientRuntime
import Foundation
import Testing
import TestHTTPServer

/// Secrets never appear in descriptions, debug descriptions or dumps.
@Suite struct RedactionTests {
    @Test(arguments: [
        (Credential.apiKey(scheme: "api-key", name: "api-key", in: .header, value: "SECRET-1"), "SECRET-1"),
        (Credential.apiKey(scheme: "q", name: "key", in: .query, value: "SECRET-2"), "SECRET-2"),
        (Credential.bearer(scheme: "bearerAuth", token: "SECRET-3"), "SECRET-3"),
        (Credential.basic(scheme: "basicAuth", username: "alice", password: "SECRET-4"), "SECRET-4"),
    ])
    func credentialDescriptionsRedactTheSecret(credential: Credential, secret: String) {
        var dumped = ""
        dump(credential, to: &dumped)
        for text in [credential.description, String(reflecting: credential), "\(credential)", dumped, "\([credential])"] {
            #expect(!text.contains(secret), "\(text)")
            #expect(text.contains(credential.scheme))
        }
        #expect(credential.description.contains("<redacted>"))
    }

    @Test func apiKeyDescriptionNamesWhereItGoes() {
        let credential = Credential.apiKey(scheme: "api-key", name: "api-key", in: .header, value: "xyz")
        #expect(credential.description == #"Credential(api-key: apiKey header "api-key" = <redacted>)"#)
    }

    @Test func apiErrorDescriptionHasNoCredentials() async throws {
        try await TestServer.run(routes: { router in
            router.get("/secure") { _, _ in TestServer.json(#"{"message":"unauthorized"}"#, status: 401) }
        }) { server in
            let client = server.client(credentials: [
                .bearer(scheme: "bearerAuth", token: "SECRET-TOKEN"),
                .apiKey(scheme: "q", name: "key", in: .query, value: "SECRET-QUERY"),
            ])
            let error = await #expect(throws: APIError.self) {
                try await client.send(Request<Data>(operationID: "secure", method: .get, path: "/secure", security: [["bearerAuth", "q"]], response: .data))
            }
            let apiError = try #require(error)
            #expect(await server.lastRequest?.header("Authorization") == "Bearer SECRET-TOKEN")
            var dumped = ""
            dump(apiError, to: &dumped)
            for text in [apiError.description, String(reflecting: apiError), dumped] {
                #expect(!text.contains("SECRET"), "\(text)")
            }
            #expect(apiError.description.contains("secure"))
            #expect(apiError.description.contains("401"))
            #expect(apiError.description.contains("unauthorized"))
        }
    }
}

@Suite struct WireRequestRedactionTests {
    @Test func httpRequestDescriptionAndDumpHideHeaderAndQueryValues() {
        let request = HTTPRequest(
            url: URL(string: "https://api.example.com/v1/items?api_key=query-secret&page=2")!, method: .get,
            headers: [HeaderField(name: "Authorization", value: "Bearer header-secret"), HeaderField(name: "api-key", value: "key-secret")])
        var dumped = ""
        dump(request, to: &dumped)
        for text in [request.description, "\(request)", String(reflecting: request), dumped] {
            #expect(!text.contains("secret"), "\(text)")
        }
        #expect(request.description == "HTTPRequest(GET https://api.example.com/v1/items?api_key=%3Credacted%3E&page=%3Credacted%3E, headers: [Authorization, api-key], body: 0 bytes)")
    }

    @Test func cookieCredentialCannotAddASecondCookie() throws {
        let client = APIClient(
            serverURL: URL(string: "https://api.example.com")!,
            credentials: [.apiKey(scheme: "session", name: "SESSION", in: .cookie, value: "abc; admin=1")])
        let request = Request<Void>(operationID: "op", method: .get, path: "/x", security: [["session"]], response: .empty)
        let wire = try client.makeHTTPRequest(for: request)
        #expect(wire.headers.first { $0.name == "Cookie" }?.value == "SESSION=abc%3B%20admin=1")
    }
}
