import ClientGenCore
import Foundation
import OpenAPI
import Testing

/// One small description per construct (`Fixtures/<name>.yaml`) with the exact Swift it must
/// produce (`Fixtures/<name>.swift.txt`, every generated file under a `// MARK: - File <path>` line)
/// and the exact diagnostics (`Fixtures/<name>.diagnostics.txt`, absent when there are none), and
/// the jobs and paged lists it explains (`Fixtures/<name>.explain.txt`, absent when there are none).
/// A description spread over several files is a folder, `Fixtures/<name>/openapi.yaml` and the files
/// it refers to, with the expected text beside the folder as for a single file. `<name>.names.yaml`,
/// when present, holds a `names:` table of Swift names (as `clientgen --names` reads it), and
/// `<name>.settings.yaml` the other keys of a client entry (`access`, `enumCaseLimit`, …).
/// Re-record after an intended change: `CLIENTGEN_RECORD=1 swift test --filter FixtureTests`.
@Suite struct FixtureTests {
    static let folder = PackageRoot.url.appendingPathComponent("Tests/ClientGenCoreTests/Fixtures")

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let single = files.filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".names.yaml") && !$0.hasSuffix(".settings.yaml") }.map { String($0.dropLast(5)) }
        let folders = files.filter { name in
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(name + "/openapi.yaml").path)
        }
        return (single + folders).sorted()
    }()

    /// `Fixtures/<name>.yaml`, or `Fixtures/<name>/openapi.yaml` for a description in several files.
    static func specPath(_ name: String) -> String {
        let nested = "\(name)/openapi.yaml"
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent(nested).path) ? nested : name + ".yaml"
    }

    @Test func thereAreFixtures() {
        #expect(Self.names.count >= 12)
    }

    @Test(arguments: names)
    func fixtureGeneratesExpectedSwift(_ name: String) throws {
        let path = Self.specPath(name)
        let spec = Self.folder.appendingPathComponent(path)
        let (settings, namesDiagnostics, _) = PackageRoot.settings(name, in: Self.folder)
        let result = Generator.generate(
            spec: Array(try Data(contentsOf: spec)),
            options: GeneratorOptions(moduleName: "FixtureAPI", specPath: "Fixtures/\(path)", settings: settings),
            files: PackageRoot.referencedFiles(in: spec.deletingLastPathComponent()))
        let swift = result.files.map { "// MARK: - File \($0.path)\n\($0.contents)" }.joined(separator: "\n")
        let diagnostics = (namesDiagnostics + result.diagnostics).map(\.description).joined(separator: "\n")
        try compare(swift, with: name + ".swift.txt")
        try compare(diagnostics, with: name + ".diagnostics.txt", optional: true)
        try compare(result.inferences.map { $0.line + "\n" }.joined(), with: name + ".explain.txt", optional: true)
    }

    private func compare(_ actual: String, with fileName: String, optional: Bool = false) throws {
        let url = Self.folder.appendingPathComponent(fileName)
        if ProcessInfo.processInfo.environment["CLIENTGEN_RECORD"] == "1" {
            if optional && actual.isEmpty {
                try? FileManager.default.removeItem(at: url)
            } else {
                try Data(actual.utf8).write(to: url)
            }
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let diff = TextDiff.unified(old: expected, new: actual, oldName: fileName, newName: "generated")
        #expect(diff.isEmpty, "\(fileName) differs; re-record with `CLIENTGEN_RECORD=1 swift test --filter FixtureTests` if intended:\n\(diff)")
    }
}
