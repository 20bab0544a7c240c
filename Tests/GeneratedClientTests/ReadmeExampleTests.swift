import BrevoAPI
import Foundation
import Testing
import TestHTTPServer

/// The README's example, compiled and run against a local Brevo-like server. The lines between the
/// markers must appear in README.md exactly, so the README cannot drift from code that compiles.
@Suite("README example")
struct ReadmeExampleTests {
    static func example(apiKey: String, serverURL: URL) async throws -> String {
        var output: [String] = []
        func print(_ text: String) { output.append(text) }
        _ = Brevo.defaultServerURL
        // README-BEGIN
        let brevo = APIClient(serverURL: serverURL, credentials: [Brevo.apiKey(apiKey)])
        let started = try await brevo.send(Brevo.requestContactExport(body: RequestContactExport(
            customContactFilter: .init(actionForContacts: .allContacts))))
        let process = try await brevo.wait(for: Brevo.job(for: started))
        print(process.exportURL ?? "completed without a file")
        // README-END
        return output.joined(separator: "\n")
    }

    @Test func exampleRunsAgainstALocalServer() async throws {
        try await TestServer.run(routes: { router in
            router.post("/v3/contacts/export") { _, _ in TestServer.json(#"{"processId": 213}"#, status: 202) }
            router.get("/v3/processes/213") { _, _ in
                TestServer.json(#"{"id": 213, "name": "SEARCH_EXPORT_USERS", "status": "completed", "export_url": "https://example.com/x.csv"}"#)
            }
        }) { server in
            let output = try await Self.example(apiKey: "k", serverURL: server.baseURL.appendingPathComponent("v3"))
            #expect(output == "https://example.com/x.csv")
            // One export request and one poll: the first poll already saw `completed`.
            #expect(await server.requests.map(\.path) == ["/v3/contacts/export", "/v3/processes/213"])
        }
    }

    /// The README's download example; `process` is what `wait(for:)` returned.
    static func downloadExample(brevo: APIClient, process: GetProcess, folder: URL) async throws {
        // DOWNLOAD-BEGIN
        guard let link = process.exportURL, let url = URL(string: link) else { return }
        let saved = try await brevo.download(from: url, to: folder.appendingPathComponent("contacts.csv")) { progress in
            print("\(progress.bytesReceived) of \(progress.totalBytes ?? 0) bytes")
        }
        print("saved \(saved.byteCount) bytes to \(saved.fileURL.path)")
        // DOWNLOAD-END
    }

    @Test func downloadExampleSavesTheExport() async throws {
        let csv = Data("EMAIL\nann@example.com\n".utf8)
        try await TestServer.run(routes: { router in
            router.get("/files/x.csv") { _, _ in TestServer.chunked(csv) }
        }) { server in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let brevo = APIClient(serverURL: server.baseURL.appendingPathComponent("v3"), credentials: [Brevo.apiKey("k")])
            let process = GetProcess(id: 1, name: "export", status: .completed, exportURL: server.baseURL.absoluteString + "/files/x.csv")
            try await Self.downloadExample(brevo: brevo, process: process, folder: folder)
            #expect(try Data(contentsOf: folder.appendingPathComponent("contacts.csv")) == csv)
            #expect(await server.lastRequest?.header("api-key") == nil, "the file is not under the server URL")
        }
    }

    @Test func readmeShowsTheCompiledExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        for marker in ["README", "DOWNLOAD"] {
            let begin = try #require(source.range(of: "// \(marker)-BEGIN\n"))
            let end = try #require(source.range(of: "        // \(marker)-END"))
            let snippet = source[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.count >= 8 ? String($0.dropFirst(8)) : String($0) }.joined(separator: "\n")
                .replacingOccurrences(of: "serverURL: serverURL", with: "serverURL: Brevo.defaultServerURL")
            #expect(readme.contains(snippet), "README.md must contain:\n\(snippet)")
        }
    }
}
