import ClientGenCore
import Foundation
import OpenAPI
import YAML

/// A SwiftPM target's `clientgen.yaml`, read by the build-tool plugin (through `clientgen plan` and
/// `clientgen generate-target`). Same shape as the package-level configuration, but the module is the
/// target itself and the output goes to the plugin's work directory, so only `spec` is required:
///
/// ```yaml
/// clients:
///   - spec: jobs.yaml      # relative to this file (the target's folder)
///     namespace: Jobs      # optional: the API's namespace enum (default: from the target name)
///     output: Jobs         # optional: a subfolder of the plugin's work directory (default: the namespace)
///     module: JobsClient   # optional: if given, must be the target's name
///     names:               # optional: Swift names for schemas, operations, properties (`NameOverrides`)
///       operations: {getProcess: fetchProcess}
///     overlays:            # optional: OpenAPI Overlay files applied in order (relative to this file)
///       - jobs.overlay.yaml
/// ```
struct TargetConfiguration {
    struct Client {
        /// As written in the configuration; shown in generated file headers.
        var spec: String
        /// Where to read it: `spec` resolved against the configuration's folder.
        var specFile: String
        var namespace: String?
        var output: String?
        /// Names, inference, access level, imports: the keys shared with `clientgen.yaml`.
        var settings: ClientSettings
        /// Each resolved against the configuration's folder (absolute, like `specFile`).
        var overlays: [ResolvedOverlay] = []
        /// The `- spec: …` item, for diagnostics that concern the whole client.
        var mark: Mark
    }

    var clients: [Client]

    static let keys = ["spec", "namespace", "output", "module", "overlays"] + ClientSettings.keys

    /// Reads the configuration; every problem is reported with its position.
    static func read(bytes: [UInt8], file: String, module: String) -> (TargetConfiguration?, [Diagnostic]) {
        let root: Node
        do {
            root = try YAMLParser.parse(bytes, file: file)
        } catch {
            return (nil, [Diagnostic(error)])
        }
        var diagnostics: [Diagnostic] = []
        func fail(_ message: String, _ node: Node, hint: String? = nil) {
            diagnostics.append(Diagnostic(.error, message, at: node.mark, hint: hint))
        }
        let example = "write `clients:` followed by `- spec: openapi.yaml` (paths are relative to \(file))"
        guard let items = root["clients"]?.sequence else {
            fail("expected a 'clients' list", root, hint: example)
            return (nil, diagnostics)
        }
        if items.isEmpty { fail("the 'clients' list is empty", root["clients"]!, hint: example) }
        for pair in root.mapping ?? [] where pair.key.scalar != "clients" {
            fail("unknown key '\(pair.key.scalar ?? "")'", pair.key, hint: "the only top-level key is 'clients'")
        }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        var clients: [Client] = []
        for item in items {
            guard let pairs = item.mapping else {
                fail("expected a client to be a mapping, found a \(item.kindName)", item, hint: example)
                continue
            }
            for pair in pairs where !keys.contains(pair.key.scalar ?? "") {
                fail("unknown key '\(pair.key.scalar ?? "")'", pair.key, hint: "use \(keys.joined(separator: ", "))")
            }
            func value(_ key: String) -> String? {
                guard let node = item[key] else { return nil }
                guard let text = node.scalar, !text.isEmpty else {
                    fail("'\(key)' must be a non-empty string", node)
                    return nil
                }
                return text
            }
            let spec = value("spec")
            if item["spec"] == nil { fail("client is missing 'spec'", item, hint: example) }
            let namespace = value("namespace")
            if let namespace, Names.typeName(namespace) != namespace {
                fail("'\(namespace)' is not a valid Swift type name", item["namespace"]!, hint: "try '\(Names.typeName(namespace))'")
            }
            let output = value("output")
            if let output, output.hasPrefix("/") || output.split(separator: "/").contains("..") || output == "." {
                fail("'output' must be a subfolder name inside the plugin's work directory", item["output"]!,
                     hint: "leave it out, or write a plain name such as 'Jobs'")
            }
            if let given = value("module"), given != module {
                fail("'module' is '\(given)' but this configuration belongs to target '\(module)'", item["module"]!,
                     hint: "leave 'module' out: the build plugin always generates into the target that holds clientgen.yaml")
            }
            let settings = ClientSettings.read(item, diagnostics: &diagnostics)
            let overlays = (item["overlays"].map { OverlayReference.read($0, diagnostics: &diagnostics) } ?? []).map {
                ResolvedOverlay(reference: $0, file: folder.appendingPathComponent($0.path).standardized.path)
            }
            guard let spec else { continue }
            clients.append(Client(
                spec: spec,
                specFile: folder.appendingPathComponent(spec).standardized.path,
                namespace: namespace, output: output, settings: settings, overlays: overlays, mark: item.mark))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (TargetConfiguration(clients: clients), diagnostics)
    }
}
