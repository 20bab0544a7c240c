import ClientGenCore
import Foundation
import Testing

/// `Generated/` must be exactly what the generator makes from `specs/` with `clientgen.yaml`.
/// To re-record after an intended change: `swift run clientgen generate`.
@Suite("Generated/ matches specs/")
struct GeneratedSnapshotTests {
    static let configuration: Configuration = {
        let bytes = (try? PackageRoot.bytes("clientgen.yaml")) ?? []
        return Configuration.read(bytes: bytes, file: "clientgen.yaml").0 ?? Configuration(clients: [])
    }()

    /// Fixture specs that GeneratedClientTests sends over HTTP; re-record with
    /// `swift run clientgen generate --config Tests/FixtureClients/clientgen.yaml`.
    static let fixtureConfiguration: Configuration = {
        let bytes = (try? PackageRoot.bytes("Tests/FixtureClients/clientgen.yaml")) ?? []
        return Configuration.read(bytes: bytes, file: "Tests/FixtureClients/clientgen.yaml").0 ?? Configuration(clients: [])
    }()

    @Test func configurationListsEveryClient() {
        #expect(Self.configuration.clients.map(\.module) == ["BrevoAPI", "InstantlyAPI", "FeaturesAPI"])
    }

    @Test(arguments: configuration.clients)
    func committedFilesMatchGeneration(_ client: Configuration.Client) throws {
        try compareWithCommittedFiles(client, root: "")
    }

    @Test func fixtureClientsAreListed() {
        #expect(Self.fixtureConfiguration.clients.map(\.module) == ["QueryStylesAPI", "CookiesAndListsAPI", "FormBodiesAPI", "UnionsAPI", "NullabilityAPI", "InferredJobsAPI", "InferredPagesAPI", "EnumConstantsAPI", "ClientOptionsAPI", "FilteredAPI", "WebhooksAPI", "StreamingAPI", "UnknownMembersAPI", "ModelConformanceAPI"])
    }

    @Test(arguments: fixtureConfiguration.clients)
    func committedFixtureClientsMatchGeneration(_ client: Configuration.Client) throws {
        try compareWithCommittedFiles(client, root: "Tests/FixtureClients/")
    }

    /// `client`'s spec and output are relative to the folder `root` of its configuration file.
    private func compareWithCommittedFiles(_ client: Configuration.Client, root: String) throws {
        let result = Generator.generate(spec: try PackageRoot.bytes(root + client.spec), options: client.options)
        #expect(result.succeeded, "\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(!result.files.isEmpty)

        let committed = PackageRoot.files(under: root + client.output).filter { $0.key != ".editorconfig" }
        for file in result.files {
            let onDisk = committed[file.path] ?? ""
            let diff = TextDiff.unified(
                old: onDisk, new: file.contents, oldName: "\(client.output)/\(file.path)", newName: "generated")
            #expect(diff.isEmpty, "\(client.output)/\(file.path) is out of date; re-record with `swift run clientgen generate`:\n\(diff)")
        }
        let stale = Set(committed.keys).subtracting(result.files.map(\.path)).sorted()
        #expect(stale.isEmpty, "no longer generated, remove with `swift run clientgen generate`: \(stale)")
    }

    @Test(arguments: configuration.clients)
    func generationIsDeterministic(_ client: Configuration.Client) throws {
        let bytes = try PackageRoot.bytes(client.spec)
        let first = Generator.generate(spec: bytes, options: client.options).files
        let second = Generator.generate(spec: bytes, options: client.options).files
        #expect(first == second)
    }

    @Test func brevoHasEveryDocumentedOperation() throws {
        let client = try #require(Self.configuration.clients.first { $0.module == "BrevoAPI" })
        let files = Generator.generate(spec: try PackageRoot.bytes(client.spec), options: client.options).files
        let builders = files.map { $0.contents.components(separatedBy: ") -> Request<").count - 1 }.reduce(0, +)
        #expect(builders == 53)
        let jobs = files.map { $0.contents.components(separatedBy: "public static func job(").count - 1 }.reduce(0, +)
        // requestContactExport and requestSmsRecipientExport share `job(for: CreatedProcessID)`; getProcess adds `job(processID:)`.
        #expect(jobs == 2)
    }
}
