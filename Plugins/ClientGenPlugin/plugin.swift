import Foundation
import PackagePlugin

/// Generates a client at build time for every spec listed in the target's `clientgen.yaml`.
///
/// Thin on purpose: it finds the configuration, asks `clientgen plan` which files the specs produce
/// (so the build command declares its outputs exactly: one file per model and per tag, not a fixed
/// giant file), and hands the work to `clientgen generate-target`. Everything else, including every
/// error about the configuration, a spec or an overlay (with file:line:column), comes from the CLI.
/// The plan's inputs are the configuration, each spec, each overlay listed under `overlays:` and
/// every file a `$ref` names, so editing any of them reruns the build command.
@main
struct ClientGenPlugin: BuildToolPlugin {
    static let configNames = ["clientgen.yaml", "clientgen.yml"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else {
            throw PluginFailure("ClientGenPlugin generates Swift code; target '\(target.name)' is not a Swift target")
        }
        let folder = target.directoryURL
        let configs = Self.configNames.map { folder.appending(component: $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path(percentEncoded: false)) }
        guard let config = configs.first else {
            throw PluginFailure("""
                target '\(target.name)' uses ClientGenPlugin but has no configuration: expected \
                \(folder.appending(component: "clientgen.yaml").path(percentEncoded: false)) listing its specs, e.g.
                clients:
                  - spec: openapi.yaml   # relative to the target's folder
                """)
        }
        guard configs.count == 1 else {
            throw PluginFailure("target '\(target.name)' has both clientgen.yaml and clientgen.yml; keep one")
        }

        let tool = try context.tool(named: "clientgen")
        let outputRoot = context.pluginWorkDirectoryURL.appending(component: "GeneratedSources")
        let arguments = [
            "--config", config.path(percentEncoded: false),
            "--module", target.moduleName,
            "--output-root", outputRoot.path(percentEncoded: false),
        ]
        // The plan also validates the configuration and the specs: its errors stop the build here,
        // each pointing at the line to fix.
        try FileManager.default.createDirectory(at: context.pluginWorkDirectoryURL, withIntermediateDirectories: true)
        let plan = try Self.run(
            tool.url, ["plan"] + arguments, log: context.pluginWorkDirectoryURL.appending(component: "plan.log"),
            configFile: config, target: target.name)
        var inputs: [URL] = []
        var outputs: [URL] = []
        for line in plan.split(separator: "\n") {
            if line.hasPrefix("input ") { inputs.append(URL(fileURLWithPath: String(line.dropFirst(6)))) }
            if line.hasPrefix("output ") { outputs.append(URL(fileURLWithPath: String(line.dropFirst(7)))) }
        }
        let specs = inputs.dropFirst().map(\.lastPathComponent)
        return [
            .buildCommand(
                displayName: "Generating \(target.name) from \(specs.joined(separator: ", ")) with clientgen",
                executable: tool.url,
                arguments: ["generate-target"] + arguments,
                environment: [:],
                inputFiles: inputs,
                outputFiles: outputs
            )
        ]
    }

    /// Runs `clientgen` and returns its standard output; on failure, its messages become the error.
    /// Standard error goes to a file, so a long list of diagnostics can never fill a pipe and block.
    static func run(_ executable: URL, _ arguments: [String], log: URL, configFile: URL, target: String) throws -> String {
        _ = FileManager.default.createFile(atPath: log.path(percentEncoded: false), contents: nil)
        let errors = try FileHandle(forWritingTo: log)
        defer { try? errors.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw PluginFailure("cannot run \(executable.path(percentEncoded: false)): \(error)")
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let messages = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw PluginFailure("""
                clientgen could not generate target '\(target)' from \(configFile.path(percentEncoded: false)):
                \(messages.trimmingCharacters(in: .whitespacesAndNewlines))
                """)
        }
        return String(decoding: outputData, as: UTF8.self)
    }
}

struct PluginFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
