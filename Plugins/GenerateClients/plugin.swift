import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-clients [--config FILE] [--strict]`
///
/// Rewrites the committed output folders listed in the package's `clientgen.yaml` (for ClientGen
/// itself: `Generated/`), exactly as `swift run clientgen generate` does, because it runs that CLI.
/// Only ClientGen's own files in those folders are replaced or removed; nothing else is touched.
/// A client's `overlays:` in that file are applied by the CLI like everything else in it.
@main
struct GenerateClients: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let configOption = extractor.extractOption(named: "config").last
        let strict = extractor.extractFlag(named: "strict") > 0
        guard extractor.remainingArguments.isEmpty else {
            throw CommandFailure("unexpected arguments \(extractor.remainingArguments); use [--config FILE] [--strict]")
        }
        let root = context.package.directoryURL
        let config = configOption.map { root.appending(path: $0) } ?? root.appending(component: "clientgen.yaml")
        guard FileManager.default.fileExists(atPath: config.path(percentEncoded: false)) else {
            throw CommandFailure("""
                generate-clients reads \(config.path(percentEncoded: false)), which does not exist; create it, e.g.
                clients:
                  - spec: specs/my-api.yaml
                    module: MyAPI
                    output: Generated/MyAPI
                or pass --config FILE (relative to the package folder)
                """)
        }

        let process = Process()
        process.executableURL = try context.tool(named: "clientgen").url
        process.arguments = ["generate", "--config", config.path(percentEncoded: false)] + (strict ? ["--strict"] : [])
        process.currentDirectoryURL = root
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure("clientgen generate failed for \(config.path(percentEncoded: false)) (see the messages above)")
        }
    }
}

struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
