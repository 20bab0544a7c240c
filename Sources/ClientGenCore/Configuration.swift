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
/// ```
public struct Configuration: Hashable, Sendable {
    public struct Client: Hashable, Sendable {
        /// Paths are relative to the configuration file's folder.
        public var spec: String
        public var module: String
        public var output: String
        public var namespace: String?
        public var names: NameOverrides

        public init(spec: String, module: String, output: String, namespace: String? = nil, names: NameOverrides = NameOverrides()) {
            self.spec = spec
            self.module = module
            self.output = output
            self.namespace = namespace
            self.names = names
        }

        public var options: GeneratorOptions {
            GeneratorOptions(moduleName: module, namespace: namespace, specPath: spec, names: names)
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
            for pair in item.mapping ?? [] where !["spec", "module", "output", "namespace", "names"].contains(pair.key.scalar ?? "") {
                fail("unknown key '\(pair.key.scalar ?? "")'", pair.key, hint: "use spec, module, output, namespace or names")
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
            let names = item["names"].map { NameOverrides.read($0, diagnostics: &diagnostics) } ?? NameOverrides()
            clients.append(Client(spec: spec, module: module, output: output, namespace: item["namespace"]?.scalar, names: names))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (Configuration(clients: clients), diagnostics)
    }
}
