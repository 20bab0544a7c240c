import Foundation
import Testing

/// The real `clientgen` with overlays: `--overlay` and `overlays:` change what is generated, the
/// plan lists overlays as inputs, and an overlay that cannot be read fails before anything is written.
@Suite struct OverlayCLITests {
    let cli = ReferencedFilesCLITests()

    static let files = [
        "api.yaml": spec("""
            paths:
              /leads/move:
                post:
                  operationId: moveLeads
                  responses: {'204': {description: moved}}
            """),
        "names.overlay.yaml": """
            overlay: 1.0.0
            info: {title: Names, version: 1.0.0}
            actions:
              - target: $.paths[*][?(@.operationId == 'moveLeads')]
                update: {operationId: moveLeadsToCampaign}
            """,
    ]

    func requests(in folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("Out/Operations/Leads+Requests.swift"), encoding: .utf8)
    }

    @Test func overlayChangesTheGeneratedCode() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try cli.write(Self.files, in: folder)
        let arguments = ["generate", "--spec", "api.yaml", "--module", "LeadsAPI", "--output", "Out"]
        let (plainStatus, _, plainErrors) = try cli.run(arguments, in: folder)
        #expect(plainStatus == 0, "\(plainErrors)")
        #expect(try requests(in: folder).contains("func moveLeads()"))

        let (status, _, errors) = try cli.run(arguments + ["--overlay", "names.overlay.yaml"], in: folder)
        #expect(status == 0, "\(errors)")
        #expect(errors.contains("LeadsAPI: read api.yaml and names.overlay.yaml;"), "\(errors)")
        #expect(try requests(in: folder).contains("func moveLeadsToCampaign()"))

        let (checkStatus, _, checkErrors) = try cli.run(
            ["check", "--spec", "api.yaml", "--module", "LeadsAPI", "--output", "Out", "--overlay", "names.overlay.yaml"], in: folder)
        #expect(checkStatus == 0, "\(checkErrors)")
    }

    @Test func aMissingOverlayIsAnErrorAndLeavesTheOutputUntouched() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try cli.write(Self.files.merging([
            "clientgen.yaml": "clients:\n  - spec: api.yaml\n    module: LeadsAPI\n    output: Out\n    overlays: [names.overlay.yaml, gone.overlay.yaml]\n"
        ]) { $1 }, in: folder)
        let (first, _, firstErrors) = try cli.run(["generate", "--spec", "api.yaml", "--module", "LeadsAPI", "--output", "Out"], in: folder)
        #expect(first == 0, "\(firstErrors)")
        let before = try requests(in: folder)

        let (status, _, errors) = try cli.run(["generate"], in: folder)
        #expect(status != 0)
        #expect(errors.contains("""
            clientgen.yaml:5:36: error: cannot read overlay 'gone.overlay.yaml'
                overlays: [names.overlay.yaml, gone.overlay.yaml]
                                               ^
              hint: overlay paths are relative to the folder of clientgen.yaml
            """), "\(errors)")
        #expect(errors.contains("nothing was written to Out"), "\(errors)")
        #expect(try requests(in: folder) == before)

        let (cliStatus, _, cliErrors) = try cli.run(
            ["generate", "--spec", "api.yaml", "--module", "LeadsAPI", "--output", "Out", "--overlay", "nope.yaml"], in: folder)
        #expect(cliStatus != 0)
        #expect(cliErrors.contains("error: cannot read overlay 'nope.yaml'"), "\(cliErrors)")
        #expect(try requests(in: folder) == before)
    }

    @Test func overlayWithoutSpecIsAUsageError() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, _, errors) = try cli.run(["generate", "--overlay", "names.overlay.yaml"], in: folder)
        #expect(status != 0)
        #expect(errors.contains("--overlay goes with --spec"), "\(errors)")
    }

    @Test func planListsOverlaysAsInputs() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try cli.write(Self.files.merging([
            "clientgen.yaml": "clients:\n  - spec: api.yaml\n    namespace: Leads\n    overlays: [names.overlay.yaml]\n"
        ]) { $1 }, in: folder)
        let root = folder.standardized.path
        let (status, output, errors) = try cli.run(
            ["plan", "--config", "clientgen.yaml", "--module", "LeadsClient", "--output-root", "Plugin"], in: folder)
        #expect(status == 0, "\(errors)")
        let inputs = output.split(separator: "\n").filter { $0.hasPrefix("input ") }.map { String($0.dropFirst(6)) }
        #expect(inputs == ["\(root)/clientgen.yaml", "\(root)/api.yaml", "\(root)/names.overlay.yaml"], "\(output)")
        #expect(output.contains("Leads.Leads+Requests.swift"), "\(output)")
    }
}
