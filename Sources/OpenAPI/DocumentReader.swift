import YAML

/// Walks the node tree once, building values and collecting diagnostics with positions and pointers.
struct DocumentReader {
    let root: Node
    /// The root description's file name (paths of other files are relative to its folder) and how
    /// diagnostics show its path.
    let rootPath: String
    let rootDisplayPath: String
    /// Where the files that `$ref`s name come from.
    let files: ReferencedFiles
    var diagnostics: [Diagnostic] = []
    /// The document's `openapi` version, once read.
    var openAPIVersion = ""
    /// Every file read, the root first.
    var sources: [SourceFile] = []
    var loadedFiles: [String: LoadOutcome] = [:]
    /// Schemas in other files → their names among the components.
    var externalSchemaNames: [ReferenceTarget: String] = [:]
    var claimedSchemaNames: Set<String> = []
    /// `#/components/schemas/*` by name, wherever the map is (the root, or the file its `$ref` names):
    /// most `$ref`s point there, so they are found in O(1).
    var componentSchemaLocations: [String: Located] = [:]
    var pendingSchemas: [PendingSchema] = []

    init(root: Node, file: String? = nil, files: ReferencedFiles = .none) {
        self.root = root
        rootDisplayPath = file ?? root.mark.file
        rootPath = rootDisplayPath.split(separator: "/").last.map(String.init) ?? rootDisplayPath
        self.files = files
    }

    // MARK: Diagnostics

    mutating func error(_ message: String, _ node: Node, _ pointer: JSONPointer, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, at: node.mark, pointer: pointer.description, hint: hint))
    }

    mutating func warning(_ message: String, _ node: Node, _ pointer: JSONPointer, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, message, at: node.mark, pointer: pointer.description, hint: hint))
    }

    // MARK: Typed access

    /// The mapping at `node`, or nil with an error naming what was found instead.
    mutating func mapping(_ node: Node, _ pointer: JSONPointer, what: String) -> [Node.Pair]? {
        if let pairs = node.mapping { return pairs }
        if node.isNull { return [] }
        error("expected \(what) to be a mapping, found a \(node.kindName)", node, pointer)
        return nil
    }

    mutating func string(_ node: Node?, _ pointer: JSONPointer, key: String) -> String? {
        guard let node else { return nil }
        if let value = node.scalar, !(node.isNull && value.isEmpty) { return value }
        error("expected '\(key)' to be a string, found a \(node.kindName)", node, pointer.appending(key))
        return nil
    }

    mutating func bool(_ node: Node?, _ pointer: JSONPointer, key: String) -> Bool? {
        guard let node else { return nil }
        if let value = node.bool { return value }
        error(
            "expected '\(key)' to be true or false, found '\(node.scalar ?? node.kindName)'",
            node, pointer.appending(key)
        )
        return nil
    }

    mutating func stringList(_ node: Node?, _ pointer: JSONPointer, key: String) -> [String] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            error("expected '\(key)' to be a list, found a \(node.kindName)", node, pointer.appending(key))
            return []
        }
        return items.enumerated().compactMap { index, item in
            if let value = item.scalar { return value }
            error("expected a string, found a \(item.kindName)", item, pointer.appending(key).appending(index))
            return nil
        }
    }

    // MARK: References

    /// Looks up a local `#/...` pointer in the document.
    mutating func node(at reference: String) -> Node? {
        locate(reference, in: nil)?.node
    }

    /// Follows `$ref` chains for path items, operations, parameters, request bodies, responses and
    /// whole maps to the node they name, in this file or another one. Returns the node and its pointer (which names the file
    /// it is in, so references inside it resolve from there), or nil after reporting why it could not
    /// be followed.
    mutating func dereference(_ node: Node, _ pointer: JSONPointer, what: String) -> (Node, JSONPointer)? {
        var current = node
        var currentPointer = pointer
        var seen: Set<ReferenceTarget> = []
        while let refNode = current["$ref"] {
            let refPointer = currentPointer.appending("$ref")
            guard let reference = refNode.scalar else {
                error("expected '$ref' to be a string", refNode, refPointer)
                return nil
            }
            guard let target = target(of: reference, refNode, refPointer, what: what) else { return nil }
            guard seen.insert(target).inserted else {
                error("reference cycle through '\(reference)'", refNode, refPointer)
                return nil
            }
            guard let next = locate(target.fragment, in: target.file) else {
                error(
                    "unresolved reference '\(reference)'", refNode, refPointer,
                    hint: target.file == nil && pointer.file == nil
                        ? "check that the \(what) exists at that path"
                        : "check that '\(target.fragment)' exists in \(displayPath(target.file))"
                )
                return nil
            }
            current = next.node
            currentPointer = next.pointer
        }
        return (current, currentPointer)
    }

    // MARK: Document

    mutating func readDocument() -> Document? {
        let pointer = JSONPointer.root
        guard mapping(root, pointer, what: "the document") != nil else { return nil }
        guard let versionNode = root["openapi"], let version = versionNode.scalar else {
            if root["swagger"] != nil {
                error(
                    "Swagger 2.0 documents are not supported", root, pointer,
                    hint: "convert the description to OpenAPI 3 (for example with swagger2openapi)"
                )
            } else {
                error("missing 'openapi' version field", root, pointer, hint: "add `openapi: 3.1.0` at the top")
            }
            return nil
        }
        if !(version.hasPrefix("3.0") || version.hasPrefix("3.1")) {
            error(
                "unsupported OpenAPI version '\(version)'", versionNode, pointer.appending("openapi"),
                hint: "ClientGen reads OpenAPI 3.0.x and 3.1.x"
            )
            return nil
        }
        openAPIVersion = version
        let info = readInfo(root["info"], pointer.appending("info"))
        let servers = readServers(root["servers"], pointer.appending("servers"))
        let components = readComponents(root["components"], pointer.appending("components"))
        let security = root["security"].map { readSecurity($0, pointer.appending("security")) }
        let paths = readPaths(root["paths"], pointer.appending("paths"), required: version.hasPrefix("3.0"))
        var allComponents = components
        allComponents.schemas += readPendingSchemas()
        let webhooks = root["webhooks"].map { readWebhooks($0, pointer.appending("webhooks")) } ?? []
        checkSecurityNames(components)
        return Document(
            openAPIVersion: version, info: info, servers: servers, paths: paths,
            components: allComponents, security: security, webhooks: webhooks
        )
    }

    mutating func readInfo(_ node: Node?, _ pointer: JSONPointer) -> Info {
        guard let node else {
            error("missing 'info' object", root, .root, hint: "add `info:` with `title` and `version`")
            return Info(title: "API", version: "")
        }
        guard mapping(node, pointer, what: "'info'") != nil else { return Info(title: "API", version: "") }
        let title = string(node["title"], pointer, key: "title") ?? "API"
        let version = string(node["version"], pointer, key: "version") ?? ""
        return Info(
            title: title, version: version,
            summary: string(node["summary"], pointer, key: "summary"),
            description: string(node["description"], pointer, key: "description")
        )
    }

    mutating func readServers(_ node: Node?, _ pointer: JSONPointer) -> [Server] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            error("expected 'servers' to be a list, found a \(node.kindName)", node, pointer)
            return []
        }
        var servers: [Server] = []
        for (index, item) in items.enumerated() {
            let itemPointer = pointer.appending(index)
            guard mapping(item, itemPointer, what: "a server") != nil,
                let url = string(item["url"], itemPointer, key: "url")
            else { continue }
            var variables: [ServerVariable] = []
            if let variablesNode = item["variables"],
                let pairs = mapping(variablesNode, itemPointer.appending("variables"), what: "'variables'")
            {
                for pair in pairs {
                    let name = pair.key.scalar ?? ""
                    let variablePointer = itemPointer.appending("variables").appending(name)
                    let value = string(pair.value["default"], variablePointer, key: "default") ?? ""
                    variables.append(ServerVariable(name: name, defaultValue: value))
                }
            }
            servers.append(
                Server(
                    url: url, description: string(item["description"], itemPointer, key: "description"),
                    variables: variables
                ))
        }
        return servers
    }

    /// `components`, and each map in it, may be a `$ref` standing for the whole map in another file
    /// (`schemas: {$ref: './schemas/_index.yaml'}`); its entries are read as if they were inline.
    mutating func readComponents(_ node: Node?, _ pointer: JSONPointer) -> Components {
        guard let written = node, let (node, pointer) = dereference(written, pointer, what: "'components'"),
            mapping(node, pointer, what: "'components'") != nil
        else { return Components() }
        var components = Components()
        if let schemasNode = node["schemas"],
            let schemas = mapEntries(schemasNode, pointer.appending("schemas"), what: "'schemas'")
        {
            indexComponentSchemas(schemas)
            let adopted = adoptExternalComponents(schemas)
            for pair in schemas.pairs {
                let name = pair.key.scalar ?? ""
                let schema = adopted[name].map { readSchema($0.node, $0.pointer) }
                    ?? readSchema(pair.value, schemas.pointer.appending(name))
                components.schemas.append(NamedSchema(name: name, schema: schema))
            }
        }
        if let schemesNode = node["securitySchemes"],
            let schemes = mapEntries(schemesNode, pointer.appending("securitySchemes"), what: "'securitySchemes'")
        {
            for pair in schemes.pairs {
                let name = pair.key.scalar ?? ""
                if let scheme = readSecurityScheme(name: name, pair.value, schemes.pointer.appending(name)) {
                    components.securitySchemes.append(scheme)
                }
            }
        }
        return components
    }

    mutating func readSecurityScheme(name: String, _ node: Node, _ pointer: JSONPointer) -> SecurityScheme? {
        guard let (node, pointer) = dereference(node, pointer, what: "security scheme"),
            mapping(node, pointer, what: "a security scheme") != nil
        else { return nil }
        let description = string(node["description"], pointer, key: "description")
        guard let type = string(node["type"], pointer, key: "type") else {
            error("security scheme '\(name)' has no 'type'", node, pointer, hint: "add `type: apiKey` or `type: http`")
            return nil
        }
        let kind: SecurityScheme.Kind
        switch type {
        case "apiKey":
            let parameterName = string(node["name"], pointer, key: "name") ?? name
            let location = node["in"]?.scalar.flatMap(ParameterLocation.init(rawValue:)) ?? .header
            if location == .path {
                error("an apiKey cannot be sent in the path", node["in"]!, pointer.appending("in"),
                      hint: "use `in: header`, `in: query` or `in: cookie`")
            }
            kind = .apiKey(name: parameterName, location: location)
        case "http":
            let scheme = (node["scheme"]?.scalar ?? "").lowercased()
            switch scheme {
            case "bearer": kind = .httpBearer(format: node["bearerFormat"]?.scalar)
            case "basic": kind = .httpBasic
            default:
                warning("HTTP authentication scheme '\(scheme)' is not supported; requests will not send it",
                        node, pointer)
                kind = .other("http \(scheme)")
            }
        case "oauth2":
            var flow: OAuthFlow?
            if let node = node["flows"]?["clientCredentials"], let url = node["tokenUrl"]?.scalar {
                let scopes = node["scopes"]?.mapping?.compactMap(\.key.scalar) ?? []
                flow = OAuthFlow(tokenURL: url, scopes: scopes, mark: node["tokenUrl"]?.mark ?? node.mark)
            }
            kind = .oauth2(clientCredentials: flow)
        case "openIdConnect": kind = .openIDConnect
        default:
            warning("security scheme type '\(type)' is not supported; requests will not send it", node, pointer)
            kind = .other(type)
        }
        return SecurityScheme(name: name, kind: kind, description: description, mark: node.mark)
    }

    mutating func readSecurity(_ node: Node, _ pointer: JSONPointer) -> [SecurityRequirement] {
        guard let items = node.sequence else {
            error("expected 'security' to be a list, found a \(node.kindName)", node, pointer,
                  hint: "write `security: [{api-key: []}]`")
            return []
        }
        return items.enumerated().compactMap { index, item in
            guard let pairs = mapping(item, pointer.appending(index), what: "a security requirement") else { return nil }
            return SecurityRequirement(schemes: pairs.compactMap { $0.key.scalar })
        }
    }

    mutating func checkSecurityNames(_ components: Components) {
        let known = Set(components.securitySchemes.map(\.name))
        guard let securityNode = root["security"]?.sequence else { return }
        for (index, item) in securityNode.enumerated() {
            for pair in item.mapping ?? [] where !known.contains(pair.key.scalar ?? "") {
                error(
                    "security requirement names unknown scheme '\(pair.key.scalar ?? "")'", pair.key,
                    JSONPointer.root.appending("security").appending(index),
                    hint: "define it under '#/components/securitySchemes'"
                )
            }
        }
    }
}
