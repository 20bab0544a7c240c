import ArgumentParser
import ClientGenCore
import Foundation
import OpenAPI
import YAML

/// What the build-tool plugin passes: the target's configuration, the target's name, and where the
/// generated sources go (a folder inside the plugin's work directory).
struct TargetOptions: ParsableArguments {
    @Option(name: .long, help: "The target's clientgen.yaml (specs are relative to its folder).")
    var config: String

    @Option(name: .long, help: "The target (Swift module) the generated files are compiled into.")
    var module: String

    @Option(name: .customLong("output-root"), help: "The folder that receives one subfolder per spec.")
    var outputRoot: String

    @Option(name: .long, help: ArgumentHelp(
        "An OpenAPI Overlay applied to every spec of the configuration, after the spec's own `overlays:`; repeatable.",
        valueName: "file"))
    var overlay: [String] = []

    /// Every client of the target, generated in memory, with the file names it gets in the module:
    /// `<root>/<output or namespace>/<dir>/<Namespace>.<name>.swift` (`<Namespace>+Client.swift` stays as is),
    /// so two specs never give two files the same base name, and a hand-written `ErrorModel.swift` next to
    /// a spec does not clash with the generated model either.
    ///
    /// Warnings are printed only when `printWarnings` is set: `plan` runs on every build, and the build
    /// command (`generate-target`) prints them when it actually runs.
    func plan(printWarnings: Bool) throws -> [TargetPlan.Client] {
        guard let data = FileManager.default.contents(atPath: config) else {
            throw CLIError(
                "cannot read '\(config)'; a target that uses ClientGenPlugin needs a clientgen.yaml in its folder listing its specs (`clients:` then `- spec: openapi.yaml`)")
        }
        let (configuration, configDiagnostics) = TargetConfiguration.read(bytes: Array(data), file: config, module: module)
        Console.print(configDiagnostics)
        guard let configuration else { throw ExitCode.failure }

        var planned: [TargetPlan.Client] = []
        var failed = false
        for client in configuration.clients {
            guard let spec = FileManager.default.contents(atPath: client.specFile) else {
                Console.print([Diagnostic(
                    .error, "cannot read spec '\(client.spec)' (expected at \(client.specFile))", at: client.mark,
                    hint: "spec paths are relative to the folder of \(URL(fileURLWithPath: config).lastPathComponent)")])
                failed = true
                continue
            }
            let extra = overlay.map {
                ResolvedOverlay(reference: OverlayReference(path: $0), file: URL(fileURLWithPath: $0).standardized.path)
            }
            let overlays: [OverlaySource]
            do {
                overlays = try ResolvedOverlay.read(client.overlays + extra, configuration: config) { ExitCode.failure }
            } catch {
                failed = true
                continue
            }
            // Diagnostics name the absolute path so build logs link to the spec; headers keep it as written.
            let read = Generator.read(
                spec: Array(spec), file: client.specFile, overlays: overlays,
                files: .folder(URL(fileURLWithPath: client.specFile).deletingLastPathComponent()))
            let options = GeneratorOptions(
                moduleName: module, namespace: client.namespace, specPath: client.spec, settings: client.settings)
            var files: [GeneratedFile] = []
            var modelNames: [String] = []
            var inferences: [Inference] = []
            var diagnostics = read.diagnostics
            if let document = read.document, !read.diagnostics.hasErrors {
                let result = Generator.generate(document: document, options: options, diagnostics: read.diagnostics)
                files = result.files
                // Models are packed several to a file (`Models/C.swift`): their names come from the declarations.
                modelNames = result.declarations.filter { $0.path.hasPrefix("Models/") }.flatMap(\.declarations).compactMap(\.name)
                inferences = result.inferences
                diagnostics = result.diagnostics
            }
            Console.print(printWarnings ? diagnostics : diagnostics.filter { $0.severity == .error })
            guard !diagnostics.hasErrors else {
                failed = true
                continue
            }
            planned.append(TargetPlan.Client(
                client: client, files: files, modelNames: modelNames, inputs: read.sources.map(\.displayPath),
                inferences: inferences, root: outputRoot))
        }
        if failed {
            throw CLIError("\(config): generation failed for target '\(module)'; nothing was written")
        }
        try TargetPlan.checkDistinct(planned, config: config, module: module)
        return planned
    }
}

enum TargetPlan {
    struct Client {
        var spec: String
        var specFile: String
        var mark: Mark
        /// The API's namespace enum, as the generator resolved it.
        var namespace: String
        /// The folder this client's files go to.
        var folder: String
        /// Paths relative to `folder`, already prefixed.
        var files: [GeneratedFile]
        /// Top-level type names the client declares in the module: its namespace and its models.
        var topLevelNames: Set<String>
        /// The spec and every file its `$ref`s name, as absolute paths.
        var inputs: [String]
        var inferences: [Inference]

        init(
            client: TargetConfiguration.Client, files: [GeneratedFile], modelNames: [String], inputs: [String],
            inferences: [Inference], root: String
        ) {
            spec = client.spec
            self.inferences = inferences
            specFile = client.specFile
            self.inputs = inputs.isEmpty ? [client.specFile] : inputs
            mark = client.mark
            let clientFile = files.first { !$0.path.contains("/") && $0.path.hasSuffix("+Client.swift") }
            namespace = clientFile.map { String($0.path.dropLast("+Client.swift".count)) } ?? client.namespace ?? "Client"
            folder = URL(fileURLWithPath: root).appendingPathComponent(client.output ?? namespace).standardized.path
            topLevelNames = Set(modelNames).union([namespace])
            let prefix = namespace
            self.files = files.map { file in
                var components = file.path.split(separator: "/").map(String.init)
                let base = components.removeLast()
                let renamed = base == prefix + "+Client.swift" ? base : "\(prefix).\(base)"
                return GeneratedFile(path: (components + [renamed]).joined(separator: "/"), contents: file.contents)
            }
        }

        var outputPaths: [String] { files.map { folder + "/" + $0.path } }
    }

    /// Several specs in one target share one module: their namespaces, folders and model names must differ.
    static func checkDistinct(_ clients: [Client], config: String, module: String) throws {
        var diagnostics: [Diagnostic] = []
        for (index, client) in clients.enumerated() {
            for earlier in clients[..<index] {
                if client.folder == earlier.folder {
                    diagnostics.append(Diagnostic(
                        .error, "'\(client.spec)' and '\(earlier.spec)' would both generate into \(client.folder)",
                        at: client.mark, hint: "give each client its own 'output' (or 'namespace')"))
                }
                if client.namespace == earlier.namespace {
                    diagnostics.append(Diagnostic(
                        .error, "'\(client.spec)' and '\(earlier.spec)' both use the namespace '\(client.namespace)' in module \(module)",
                        at: client.mark, hint: "give each client its own 'namespace', e.g. namespace: \(Names.typeName((client.spec as NSString).deletingPathExtension.split(separator: "/").last.map(String.init) ?? "API"))"))
                    continue
                }
                let shared = client.topLevelNames.intersection(earlier.topLevelNames).sorted()
                if !shared.isEmpty {
                    let listed = shared.prefix(6).joined(separator: ", ") + (shared.count > 6 ? ", …" : "")
                    diagnostics.append(Diagnostic(
                        .error,
                        "'\(client.spec)' and '\(earlier.spec)' both declare the top-level type\(shared.count == 1 ? "" : "s") \(listed); in one module (\(module)) they would clash",
                        at: client.mark,
                        hint: "models are module-level types: put each spec in its own target (one module per spec), or rename the schemas"))
                }
            }
        }
        if !diagnostics.isEmpty {
            Console.print(diagnostics)
            throw CLIError("\(config): the specs of target '\(module)' cannot share one module; nothing was written")
        }
    }
}

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints what would be generated: `input <path>` and `output <path>` lines, and with --explain every job and paged list with its evidence.",
        discussion: """
            With --output-root (the build plugin's form), plans a target's clientgen.yaml given by --config and --module. \
            Otherwise plans like `generate`: the configuration's clients, or the one given by --spec, --module and --output.
            """)

    @Option(name: .long, help: "The configuration file (a target's clientgen.yaml with --output-root).")
    var config: String = "clientgen.yaml"

    @Option(name: .long, help: "The module: the target's name with --output-root, else the module for --spec.")
    var module: String?

    @Option(name: .customLong("output-root"), help: "The build plugin's folder that receives one subfolder per spec.")
    var outputRoot: String?

    @Option(name: .long, help: "Plan one description instead of the configuration's list (with --module and --output).")
    var spec: String?

    @Option(name: .long, help: "The output folder for --spec.")
    var output: String?

    @Option(name: .long, help: ArgumentHelp("An OpenAPI Overlay applied before reading; repeatable.", valueName: "file"))
    var overlay: [String] = []

    @Flag(name: .long, help: "Also print one line per job and paged list, declared or inferred, with its evidence.")
    var explain = false

    func validate() throws {
        if outputRoot != nil {
            guard module != nil else { throw ValidationError("--output-root goes with --module, the target's name") }
            guard spec == nil, output == nil else { throw ValidationError("--output-root plans a target's clientgen.yaml; leave out --spec and --output") }
        }
    }

    func run() throws {
        if let outputRoot, let module {
            let target = try TargetOptions.parse(
                ["--config", config, "--module", module, "--output-root", outputRoot] + overlay.flatMap { ["--overlay", $0] })
            let clients = try target.plan(printWarnings: explain)
            let config = URL(fileURLWithPath: target.config).standardized.path
            // Files that `$ref`s name are inputs too, so editing one reruns the generator.
            var lines = ["input \(config)"] + clients.flatMap(\.inputs).map { "input \($0)" }
                + clients.flatMap(\.outputPaths).map { "output \($0)" }
            if explain { lines += clients.flatMap(\.inferences).map { "explain \($0.line)" } }
            FileHandle.standardOutput.write(Data(lines.map { $0 + "\n" }.joined().utf8))
            return
        }
        var arguments = ["--config", config]
        if let spec { arguments += ["--spec", spec] }
        if let module { arguments += ["--module", module] }
        if let output { arguments += ["--output", output] }
        arguments += overlay.flatMap { ["--overlay", $0] }
        let source = try SourceOptions.parse(arguments)
        var lines: [String] = []
        for resolved in try source.clients() {
            let result = try source.generate(resolved)
            lines += result.inputs.map { "input \($0)" }
            lines += result.files.map { "output \(resolved.client.output)/\($0.path)" }
            if explain { lines += result.inferences.map { "explain \($0.line)" } }
        }
        FileHandle.standardOutput.write(Data(lines.map { $0 + "\n" }.joined().utf8))
    }
}

struct GenerateTarget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-target",
        abstract: "Generates every spec of a target's clientgen.yaml into the build plugin's work directory.")

    @OptionGroup var target: TargetOptions

    func run() throws {
        for client in try target.plan(printWarnings: true) {
            // Unchanged files keep their modification time, so the compiler rebuilds only what changed.
            let summary = try OutputFolder(path: client.folder).write(client.files)
            let folder = URL(fileURLWithPath: target.config).deletingLastPathComponent().standardized.path + "/"
            let inputs = client.inputs.map { $0.hasPrefix(folder) ? String($0.dropFirst(folder.count)) : $0 }
            Console.info("\(target.module) (\(client.spec)): read \(Console.list(inputs)); \(client.files.count) files (\(summary))")
        }
    }
}
