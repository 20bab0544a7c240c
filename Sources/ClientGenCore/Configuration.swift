import OpenAPI
import YAML

/// `clientgen.yaml`: which descriptions become which generated modules.
///
/// ```yaml
/// clients:
///   - spec: specs/brevo.yaml
///     module: BrevoAPI
///     output: Generated/BrevoAPI
///     names:                       # optional, see `NameOverrides`
///       schemas: {GetProcesses_200_response: ProcessPage}
///     inference:                   # optional, see `InferenceSettings`
///       skip: [moveLeads]          # nothing inferred for these operations
///       x-pagination:              # corrections by operationId, written like the extensions
///         listLeads: {style: cursor, cursor: starting_after, next: next_starting_after}
///     overlays:                    # optional: OpenAPI Overlay files applied in order before reading
///       - specs/brevo.overlay.yaml
/// ```
public struct Configuration: Hashable, Sendable {
    public struct Client: Hashable, Sendable {
        /// Paths are relative to the configuration file's folder.
        public var spec: String
        public var module: String
        public var output: String
        public var namespace: String?
        /// Names, inference, access level, imports: the keys shared with a target's configuration.
        public var settings: ClientSettings
        /// Overlay files applied to the spec in order, as written (relative to the configuration's folder).
        public var overlays: [OverlayReference]

        public init(
            spec: String, module: String, output: String, namespace: String? = nil, names: NameOverrides = NameOverrides(),
            inference: InferenceSettings = InferenceSettings(), overlays: [OverlayReference] = []
        ) {
            self.spec = spec
            self.module = module
            self.output = output
            self.namespace = namespace
            self.settings = ClientSettings()
            self.settings.names = names
            self.settings.inference = inference
            self.overlays = overlays
        }

        public var names: NameOverrides { settings.names }
        public var inference: InferenceSettings { settings.inference }

        public var options: GeneratorOptions {
            GeneratorOptions(moduleName: module, namespace: namespace, specPath: spec, settings: settings)
        }
    }

    public var clients: [Client]

    public init(clients: [Client]) { self.clients = clients }

    /// Reads a configuration; every problem is reported with its position.
    public static func read(bytes: [UInt8], file: String) -> (Configuration?, [Diagnostic]) {
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
        guard let items = root["clients"]?.sequence else {
            fail("expected a 'clients' list", root, hint: "write `clients:` followed by `- spec: …, module: …, output: …`")
            return (nil, diagnostics)
        }
        var clients: [Client] = []
        for item in items {
            guard item.mapping != nil else {
                fail("expected a client to be a mapping, found a \(item.kindName)", item)
                continue
            }
            let keys = ["spec", "module", "output", "namespace", "overlays"] + ClientSettings.keys
            for pair in item.mapping ?? [] where !keys.contains(pair.key.scalar ?? "") {
                fail("unknown key '\(pair.key.scalar ?? "")'", pair.key, hint: "use \(keys.joined(separator: ", "))")
            }
            var values: [String: String] = [:]
            for key in ["spec", "module", "output"] {
                if let value = item[key]?.scalar, !value.isEmpty {
                    values[key] = value
                } else {
                    fail("client is missing '\(key)'", item)
                }
            }
            if let module = values["module"], Names.typeName(module) != module {
                fail("'\(module)' is not a valid Swift module name", item["module"]!, hint: "try '\(Names.typeName(module))'")
            }
            guard let spec = values["spec"], let module = values["module"], let output = values["output"] else { continue }
            let settings = ClientSettings.read(item, diagnostics: &diagnostics)
            let overlays = item["overlays"].map { OverlayReference.read($0, diagnostics: &diagnostics) } ?? []
            var client = Client(spec: spec, module: module, output: output, namespace: item["namespace"]?.scalar, overlays: overlays)
            client.settings = settings
            clients.append(client)
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (Configuration(clients: clients), diagnostics)
    }
}

extension InferenceSettings {
    /// Reads a configuration's `inference:` entry:
    ///
    /// ```yaml
    /// inference:
    ///   jobs: false                  # infer no jobs (default true)
    ///   pagination: false            # infer no paged lists (default true)
    ///   skip: [moveLeads]            # nothing inferred for these operations
    ///   x-job-status:                # corrections by operationId, written like the extension
    ///     moveLeads: {operation: getBackgroundJob, parameter: id, id: id, status: status, success: [success]}
    ///   x-pagination:
    ///     listLeads: {style: cursor, cursor: starting_after, next: next_starting_after}
    /// ```
    public static func read(_ node: Node, diagnostics: inout [Diagnostic]) -> InferenceSettings {
        var settings = InferenceSettings()
        func fail(_ message: String, _ node: Node, hint: String? = nil) {
            diagnostics.append(Diagnostic(.error, message, at: node.mark, hint: hint))
        }
        guard let pairs = node.mapping else {
            fail("expected 'inference' to be a mapping, found a \(node.kindName)", node,
                 hint: "e.g. `inference: {skip: [moveLeads]}`")
            return settings
        }
        for pair in pairs {
            let key = pair.key.scalar ?? ""
            switch key {
            case "jobs", "pagination":
                guard let value = pair.value.bool else {
                    fail("expected '\(key)' to be true or false", pair.value)
                    continue
                }
                if key == "jobs" { settings.jobs = value } else { settings.pagination = value }
            case "skip":
                guard let items = pair.value.sequence, items.allSatisfy({ $0.scalar != nil }) else {
                    fail("expected 'skip' to be a list of operationIds", pair.value, hint: "e.g. `skip: [moveLeads]`")
                    continue
                }
                settings.skip = Set(items.compactMap(\.scalar))
                settings.marks.merge(items.map { ($0.scalar!, $0.mark) }, uniquingKeysWith: { first, _ in first })
            case "x-job-status", "x-pagination":
                guard let entries = pair.value.mapping else {
                    fail("expected '\(key)' to map operationIds to corrections", pair.value)
                    continue
                }
                for entry in entries {
                    guard let operationID = entry.key.scalar else { continue }
                    settings.marks[operationID] = settings.marks[operationID] ?? entry.key.mark
                    if key == "x-job-status" {
                        let (link, found) = JobStatusLink.read(entry.value)
                        diagnostics += found
                        if let link { settings.jobLinks[operationID] = link }
                    } else {
                        let (link, found) = PaginationLink.read(entry.value)
                        diagnostics += found
                        if let link { settings.paginationLinks[operationID] = link }
                    }
                }
            default:
                fail("unknown key '\(key)'", pair.key, hint: "use jobs, pagination, skip, x-job-status or x-pagination")
            }
        }
        return settings
    }
}

/// One entry of a client's `overlays:` list: the path as written and where it is written, so a
/// file that cannot be read is reported at its line.
public struct OverlayReference: Hashable, Sendable {
    public var path: String
    /// Nil for an overlay given on the command line.
    public var mark: Mark?

    public init(path: String, mark: Mark? = nil) {
        self.path = path
        self.mark = mark
    }

    /// `overlays: [a.overlay.yaml, b.overlay.yaml]`: a list of non-empty paths.
    public static func read(_ node: Node, diagnostics: inout [Diagnostic]) -> [OverlayReference] {
        guard let items = node.sequence else {
            diagnostics.append(Diagnostic(
                .error, "'overlays' must be a list of overlay files, found a \(node.kindName)", at: node.mark,
                hint: "write `overlays: [api.overlay.yaml]` (paths relative to this file, applied in order)"))
            return []
        }
        var references: [OverlayReference] = []
        for item in items {
            guard let path = item.scalar, !path.isEmpty, !item.isNull else {
                diagnostics.append(Diagnostic(
                    .error, "an overlay entry must be a file path, found \(item.scalar == nil ? "a \(item.kindName)" : "nothing")", at: item.mark,
                    hint: "write the overlay's path relative to this file, e.g. - api.overlay.yaml"))
                continue
            }
            references.append(OverlayReference(path: path, mark: item.mark))
        }
        return references
    }
}
