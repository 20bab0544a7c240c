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
