import ArgumentParser
import ClientGenCore
import Foundation
import OpenAPI

@main
struct ClientGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clientgen",
        abstract: "Generates Swift clients from OpenAPI descriptions.",
        subcommands: [Generate.self, Check.self, Validate.self, Plan.self, GenerateTarget.self],
        defaultSubcommand: Generate.self
    )
}

/// Where the descriptions come from: a configuration file, or one spec named on the command line.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: "The configuration file listing specs, modules and output folders.")
    var config: String = "clientgen.yaml"

    @Option(name: .long, help: "Generate one description instead of the configuration's list.")
    var spec: String?

    @Option(name: .long, help: "The module name for --spec (e.g. BrevoAPI).")
    var module: String?

    @Option(name: .long, help: "The output folder for --spec (e.g. Generated/BrevoAPI).")
    var output: String?

    @Option(name: .long, help: "For --spec: a YAML file whose `names:` table renames schemas, operations and properties (as in clientgen.yaml).")
    var names: String?

    @Option(name: .long, help: ArgumentHelp(
        "For --spec: an OpenAPI Overlay (1.0 or 1.1) applied to the description before it is read; repeat to apply several in order.",
        valueName: "file"))
    var overlay: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "For --spec: a YAML file of client settings (access, additionalImports, typeOverrides, enumCaseLimit, unknownMembers, modelConformance, names, inference), the keys of a client in clientgen.yaml.",
        valueName: "file"))
    var settings: String?

    @Option(name: .long, help: "For --spec: the access level of every generated declaration (public, package or internal).")
    var access: AccessLevel?

    @Option(name: .customLong("additional-import"), help: ArgumentHelp(
        "For --spec: a module every generated file imports; repeat for several.", valueName: "module"))
    var additionalImports: [String] = []

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func validate() throws {
        if spec != nil || module != nil || output != nil {
            guard spec != nil, module != nil, output != nil else {
                throw ValidationError("--spec, --module and --output go together; give all three")
            }
        }
        if names != nil && spec == nil {
            throw ValidationError("--names goes with --spec; in clientgen.yaml write `names:` under the client")
        }
        if (settings != nil || access != nil || !additionalImports.isEmpty) && spec == nil {
            throw ValidationError("--settings, --access and --additional-import go with --spec; in clientgen.yaml write them under the client")
        }
        if let invalid = additionalImports.first(where: { !ClientSettings.isDottedIdentifier($0) }) {
            throw ValidationError("--additional-import '\(invalid)' is not a module name")
        }
        if !overlay.isEmpty && spec == nil {
            throw ValidationError("--overlay goes with --spec; in clientgen.yaml write `overlays: [FILE]` under the client")
        }
    }

    /// The clients to generate. `spec` stays as written (it appears in file headers); `specFile` and
    /// `output` are resolved against the configuration's folder.
    func clients() throws -> [ResolvedClient] {
        if let spec, let module, let output {
            var client = Configuration.Client(spec: spec, module: module, output: output, overlays: overlay.map { OverlayReference(path: $0) })
            if let settings { client.settings = try Self.readSettings(settings) }
            if let names { client.settings.names = try Self.readNames(names) }
            if let access { client.settings.access = access }
            for module in additionalImports where !client.settings.additionalImports.contains(module) {
                client.settings.additionalImports.append(module)
            }
            let overlays = client.overlays
            return [ResolvedClient(
                client: client,
                specFile: spec, overlays: overlays.map { ResolvedOverlay(reference: $0, file: $0.path) })]
        }
        let url = URL(fileURLWithPath: config)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CLIError(
                "cannot read configuration '\(config)'; run from the package root, pass --config PATH, or use --spec/--module/--output")
        }
        let (configuration, diagnostics) = Configuration.read(bytes: Array(data), file: config)
        Console.print(diagnostics)
        guard let configuration else { throw ExitCode.failure }
        let base = url.deletingLastPathComponent()
        return configuration.clients.map { client in
            var resolved = client
            resolved.output = base.appendingPathComponent(client.output).standardized.relativePathIfPossible
            return ResolvedClient(
                client: resolved, specFile: base.appendingPathComponent(client.spec).standardized.relativePathIfPossible,
                overlays: client.overlays.map {
                    ResolvedOverlay(reference: $0, file: base.appendingPathComponent($0.path).standardized.relativePathIfPossible)
                })
        }
    }

    /// The client settings of a file given with `--settings`.
    static func readSettings(_ path: String) throws -> ClientSettings {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read settings file '\(path)'") }
        let (settings, diagnostics) = ClientSettings.read(bytes: Array(data), file: path)
        Console.print(diagnostics)
        if diagnostics.hasErrors { throw ExitCode.failure }
        return settings
    }

    /// The `names:` table of a file given with `--names`.
    static func readNames(_ path: String) throws -> NameOverrides {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read names file '\(path)'") }
        let (overrides, diagnostics) = NameOverrides.read(bytes: Array(data), file: path)
        Console.print(diagnostics)
        if diagnostics.hasErrors { throw ExitCode.failure }
        return overrides
    }

    /// Generates one client in memory, printing diagnostics; throws when it cannot be generated.
    /// The result names every file read (the spec and the files its `$ref`s name).
    func generate(_ resolved: ResolvedClient) throws -> GenerationResult {
        let client = resolved.client
        let specFile = resolved.specFile
        guard let data = FileManager.default.contents(atPath: specFile) else {
            throw CLIError("cannot read spec '\(specFile)'")
        }
        let overlays = try ResolvedOverlay.read(resolved.overlays, configuration: config) {
            CLIError("\(client.spec): generation failed; nothing was written to \(client.output)")
        }
        var result = Generator.generate(
            spec: Array(data), overlays: overlays, options: client.options,
            files: .folder(URL(fileURLWithPath: specFile).deletingLastPathComponent()))
        if strict {
            result.diagnostics = result.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                if diagnostic.severity == .warning { diagnostic.severity = .error }
                return diagnostic
            }
        }
        Console.print(result.diagnostics)
        guard result.succeeded else {
            throw CLIError("\(client.spec): generation failed; nothing was written to \(client.output)")
        }
        return result
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerates every configured module (or the one given with --spec) into its output folder.")

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: ArgumentHelp(
        "For --spec: also write, as JSON, the Swift type of every component schema, request and response body, and struct member.",
        valueName: "file"))
    var typeMap: String?

    func validate() throws {
        if typeMap != nil && source.spec == nil {
            throw ValidationError("--type-map goes with --spec")
        }
    }

    func run() throws {
        let clients = try source.clients()
        // Generate everything first: a failure in any spec leaves every output folder untouched.
        let generated = try clients.map { ($0, try source.generate($0)) }
        for (resolved, result) in generated {
            let client = resolved.client
            let summary = try OutputFolder(path: client.output).write(result.files)
            Console.info("\(client.module): read \(Console.list(result.inputs)); \(result.files.count) files in \(client.output) (\(summary))")
            let jobs = result.inferences.filter { $0.kind == .job }.count
            let paged = result.inferences.filter { $0.kind == .paged }.count
            if !result.inferences.isEmpty {
                Console.info("  \(jobs) job\(jobs == 1 ? "" : "s"), \(paged) paged list\(paged == 1 ? "" : "s"):")
                for inference in result.inferences { Console.info("    \(inference.line)") }
            }
            if let typeMap {
                try Self.write(TypeMap(module: client.module, files: result.declarations), to: typeMap)
            }
        }
    }

    static func write(_ map: TypeMap, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            try encoder.encode(map).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("cannot write type map '\(path)': \(error.localizedDescription)")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exits non-zero and prints a diff when the output folders differ from what the specs generate.")

    @OptionGroup var source: SourceOptions

    func run() throws {
        var differences = 0
        for resolved in try source.clients() {
            let files = try source.generate(resolved).files
            let diff = OutputFolder(path: resolved.client.output).diff(against: files)
            if !diff.isEmpty {
                differences += 1
                FileHandle.standardOutput.write(Data(diff.utf8))
            }
        }
        if differences > 0 {
            Console.error("generated code is out of date; run `swift run clientgen generate` to update it")
            throw ExitCode.failure
        }
        Console.info("generated code is up to date")
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reads the specs and prints every problem without writing anything.")

    @OptionGroup var source: SourceOptions

    func run() throws {
        for resolved in try source.clients() {
            let result = try source.generate(resolved)
            Console.info("\(resolved.client.spec): OK (read \(Console.list(result.inputs)); \(result.files.count) files would be generated)")
        }
    }
}

struct ResolvedClient {
    var client: Configuration.Client
    /// Where to read the spec from, relative to the current directory.
    var specFile: String
    /// The client's overlays, in the order they apply.
    var overlays: [ResolvedOverlay] = []
}

extension AccessLevel: ExpressibleByArgument {}
