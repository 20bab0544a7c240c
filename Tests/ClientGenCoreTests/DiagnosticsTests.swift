import ClientGenCore
import Foundation
import OpenAPI
import Testing

/// Bad and unsupported input: each `Diagnostics/<case>.yaml` must print exactly
/// `Diagnostics/<case>.txt` (every diagnostic, as `clientgen` prints it). Files that cases refer to
/// with `$ref` live in `Diagnostics/referenced/`; `<case>.names.yaml` holds a case's name overrides,
/// `<case>.settings.yaml` its other client settings, `<case>.overlay.yaml` an overlay applied to it.
/// Re-record after an intended change: `CLIENTGEN_RECORD=1 swift test --filter DiagnosticsTests`.
@Suite struct DiagnosticsTests {
    static let folder = PackageRoot.url.appendingPathComponent("Tests/ClientGenCoreTests/Diagnostics")

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".names.yaml") && !$0.hasSuffix(".settings.yaml") && !$0.hasSuffix(".overlay.yaml") }
            .map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func atLeastTwentyKinds() {
        #expect(Self.names.count >= 20)
    }

    @Test(arguments: names)
    func printedTextMatches(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name + ".yaml")))
        let (settings, settingsDiagnostics, sources) = PackageRoot.settings(name, in: Self.folder)
        let overlays = FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name + ".overlay.yaml").path)
            .map { [OverlaySource(path: name + ".overlay.yaml", bytes: Array($0))] } ?? []
        let result = Generator.generate(
            spec: bytes, overlays: overlays,
            options: GeneratorOptions(moduleName: "BadAPI", specPath: "\(name).yaml", settings: settings),
            files: PackageRoot.referencedFiles(in: Self.folder))
        var diagnostics = settingsDiagnostics + result.diagnostics
        // As the CLI prints them: with the settings files' lines too.
        OpenAPIReader.attachSourceLines(&diagnostics, sources: sources)
        #expect(!diagnostics.isEmpty, "a bad-input case must produce a diagnostic")
        let printed = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let url = Self.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["CLIENTGEN_RECORD"] == "1" {
            try Data(printed.utf8).write(to: url)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let diff = TextDiff.unified(old: expected, new: printed, oldName: name + ".txt", newName: "printed")
        #expect(diff.isEmpty, "\(diff)")
    }
}
