import YAML

extension DocumentReader {
    /// Path items and operations may each be a `$ref` (into this file or another), and so may the
    /// whole `paths` map; what a reference leads to resolves its own references from its own file.
    mutating func readPaths(_ node: Node?, _ pointer: JSONPointer, required: Bool) -> [PathItem] {
        guard let node else {
            // OpenAPI 3.1 allows a document of only webhooks or components.
            if required {
                error("missing 'paths' object", root, .root, hint: "add `paths: {}` if the API has no operations yet")
            }
            return []
        }
        guard let paths = mapEntries(node, pointer, what: "'paths'") else { return [] }
        var items: [PathItem] = []
        var operationIDs: [String: Mark] = [:]
        var operationsWritten = 0
        for pair in paths.pairs {
            let path = pair.key.scalar ?? ""
            let itemPointer = paths.pointer.appending(path)
            if !path.hasPrefix("/") {
                error("path '\(path)' does not start with '/'", pair.key, itemPointer, hint: "write '/\(path)'")
            }
            guard let (itemNode, resolvedPointer) = dereference(pair.value, itemPointer, what: "path item") else { continue }
            var operations: [Operation] = []
            let (read, declared) = readPathItem(itemNode, resolvedPointer, path: path)
            operationsWritten += declared
            for (operationNode, operation) in read {
                var operation = operation
                if let id = operation.operationID {
                    let idNode = operationNode["operationId"] ?? operationNode
                    if let first = operationIDs[id] {
                        error(
                            "duplicate operationId '\(id)' (first used at \(first.file == idNode.mark.file ? "" : first.file + ":")\(first.line):\(first.column))",
                            idNode, operation.pointer.appending("operationId"),
                            hint: "operationIds must be unique in a document"
                        )
                        operation.operationID = nil
                    } else {
                        operationIDs[id] = idNode.mark
                    }
                }
                operations.append(operation)
            }
            items.append(PathItem(path: path, operations: operations))
        }
        // However each one failed, a description with operations must not become a client without any.
        if operationsWritten > 0, items.allSatisfy({ $0.operations.isEmpty }) {
            error(
                "none of the \(operationsWritten) operation\(operationsWritten == 1 ? "" : "s") under 'paths' in \(displayPath(nil)) could be read; no client would be generated",
                node, pointer, hint: "the error at each operation says why it was not read")
        }
        return items
    }

    /// The operations of a path item (already dereferenced), each with its node, and how many
    /// operations it declares, read or not. `path` names them in messages (a webhook's name for one
    /// under `webhooks`).
    mutating func readPathItem(_ itemNode: Node, _ pointer: JSONPointer, path: String) -> (operations: [(Node, Operation)], declared: Int) {
        guard let itemPairs = mapping(itemNode, pointer, what: "a path item") else { return ([], 0) }
        let shared = readParameters(itemNode["parameters"], pointer.appending("parameters"))
        var operations: [(Node, Operation)] = []
        var declared = 0
        for itemPair in itemPairs {
            let key = itemPair.key.scalar ?? ""
            guard let method = HTTPMethod(rawValue: key) else {
                if !["parameters", "summary", "description", "servers", "$ref"].contains(key), !key.hasPrefix("x-") {
                    warning("unknown key '\(key)' in a path item; ignored", itemPair.key, pointer.appending(key))
                }
                continue
            }
            declared += 1
            guard let (operationNode, operationPointer) = dereference(itemPair.value, pointer.appending(key), what: "operation"),
                let operation = readOperation(method: method, path: path, operationNode, operationPointer, shared: shared)
            else { continue }
            operations.append((operationNode, operation))
        }
        return (operations, declared)
    }

    /// Reads an operation (already dereferenced: its pointer names the file it is in). One that
    /// describes nothing (a path item where an operation belongs, an empty mapping, a `$ref` that led
    /// to no operation) is an error: generating it would send a request whose answer is never read.
    mutating func readOperation(
        method: HTTPMethod, path: String, _ node: Node, _ pointer: JSONPointer, shared: [Parameter]
    ) -> Operation? {
        // Named in full: the node may be in a file of its own, far from the path that refers to it.
        let name = "\(method.rawValue.uppercased()) \(path)"
        guard let pairs = mapping(node, pointer, what: "operation \(name)") else { return nil }
        let keys = pairs.compactMap(\.key.scalar)
        if node["responses"] == nil {
            if let other = keys.first(where: { HTTPMethod(rawValue: $0) != nil }) {
                error(
                    "expected operation \(name), found a path item (it has '\(other)')", node, pointer,
                    hint: "refer to a path item from the path (`'\(path)': {$ref: …}`), or to one of its operations (`…#/\(other)`)")
                return nil
            }
            if !keys.contains(where: Self.operationKeys.contains) {
                error(
                    "operation \(name) is empty: it has no 'responses' and nothing else an operation holds", node, pointer,
                    hint: "add at least `responses: {'200': {description: OK}}`")
                return nil
            }
            if openAPIVersion.hasPrefix("3.0") {
                error("operation \(name) has no 'responses'", node, pointer,
                      hint: "OpenAPI 3.0 requires them; add at least `'200': {description: OK}`")
                return nil
            }
            warning("operation has no 'responses'", node, pointer, hint: "add at least `'200': {description: OK}`")
        }
        var parameters = readParameters(node["parameters"], pointer.appending("parameters"))
        for parameter in shared
        where !parameters.contains(where: { $0.name == parameter.name && $0.location == parameter.location }) {
            parameters.append(parameter)
        }
        checkPathParameters(path: path, &parameters, node, pointer)
        let requestBody = node["requestBody"].flatMap { readRequestBody($0, pointer.appending("requestBody")) }
        var responses: [Response] = []
        if let responsesNode = node["responses"],
            let entries = mapEntries(responsesNode, pointer.appending("responses"), what: "'responses'")
        {
            for pair in entries.pairs {
                let status = pair.key.scalar ?? ""
                let responsePointer = entries.pointer.appending(status)
                if status.hasPrefix("x-") { continue }
                guard Int(status) != nil || status == "default" || isRange(status) else {
                    error(
                        "'\(status)' is not a response status", pair.key, responsePointer,
                        hint: "use a code such as 200, a range such as 2XX, or 'default'"
                    )
                    continue
                }
                if let response = readResponse(status: status, pair.value, responsePointer) {
                    responses.append(response)
                }
            }
        }
        var operation = Operation(
            method: method,
            path: path,
            operationID: string(node["operationId"], pointer, key: "operationId"),
            summary: string(node["summary"], pointer, key: "summary"),
            description: string(node["description"], pointer, key: "description"),
            tags: stringList(node["tags"], pointer, key: "tags"),
            parameters: parameters,
            requestBody: requestBody,
            responses: responses,
            security: node["security"].map { readSecurity($0, pointer.appending("security")) },
            deprecated: bool(node["deprecated"], pointer, key: "deprecated") ?? false,
            mark: node.mark,
            pointer: pointer
        )
        operation.jobStatus = readJobStatus(node["x-job-status"], pointer)
        operation.pagination = readPagination(node["x-pagination"], pointer)
        if let callbacks = node["callbacks"] {
            operation.callbacks = readCallbacks(callbacks, pointer.appending("callbacks"), of: operation.operationID ?? name)
        }
        return operation
    }

    /// The keys of an operation object (OpenAPI 3.1 §4.8.10); one without any of them describes nothing.
    static let operationKeys: Set<String> = [
        "tags", "summary", "description", "externalDocs", "operationId", "parameters", "requestBody",
        "responses", "callbacks", "deprecated", "security", "servers",
    ]

    private func isRange(_ status: String) -> Bool {
        status.count == 3 && status.uppercased().hasSuffix("XX") && ("1"..."5").contains(status.prefix(1))
    }

    /// Every `{name}` in the path needs a path parameter; every path parameter needs a `{name}`.
    private mutating func checkPathParameters(
        path: String, _ parameters: inout [Parameter], _ node: Node, _ pointer: JSONPointer
    ) {
        let names = PathTemplate(path).parameterNames
        for name in names where !parameters.contains(where: { $0.location == .path && $0.name == name }) {
            warning(
                "path parameter '\(name)' is not declared; it is generated as a String", node, pointer,
                hint: "add `- {name: \(name), in: path, required: true, schema: {type: string}}` to 'parameters'"
            )
            parameters.append(
                Parameter(
                    name: name, location: .path, required: true,
                    schema: Schema(types: [.string], mark: node.mark, pointer: pointer),
                    mark: node.mark, pointer: pointer
                ))
        }
        parameters.removeAll { parameter in
            guard parameter.location == .path, !names.contains(parameter.name) else { return false }
            warning(
                "path parameter '\(parameter.name)' does not appear in '\(path)'; ignored",
                node, parameter.pointer
            )
            return true
        }
    }

    mutating func readParameters(_ node: Node?, _ pointer: JSONPointer) -> [Parameter] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.sequence else {
            error("expected 'parameters' to be a list, found a \(node.kindName)", node, pointer)
            return []
        }
        var parameters: [Parameter] = []
        for (index, item) in items.enumerated() {
            guard let parameter = readParameter(item, pointer.appending(index)) else { continue }
            if parameters.contains(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                error("parameter '\(parameter.name)' in \(parameter.location.rawValue) is declared twice", item,
                      pointer.appending(index))
                continue
            }
            parameters.append(parameter)
        }
        return parameters
    }

    mutating func readParameter(_ node: Node, _ pointer: JSONPointer) -> Parameter? {
        guard let (node, pointer) = dereference(node, pointer, what: "parameter"),
            mapping(node, pointer, what: "a parameter") != nil
        else { return nil }
        guard let name = string(node["name"], pointer, key: "name") else {
            error("parameter has no 'name'", node, pointer)
            return nil
        }
        guard let locationNode = node["in"] else {
            error("parameter '\(name)' has no 'in'", node, pointer, hint: "add `in: query`, `path`, `header` or `cookie`")
            return nil
        }
        guard let location = locationNode.scalar.flatMap(ParameterLocation.init(rawValue:)) else {
            error(
                "parameter '\(name)' has unknown location '\(locationNode.scalar ?? "")'", locationNode,
                pointer.appending("in"), hint: "use query, path, header or cookie"
            )
            return nil
        }
        var schema: Schema
        if let schemaNode = node["schema"] {
            schema = readSchema(schemaNode, pointer.appending("schema"))
        } else if let content = node["content"]?.mapping?.first {
            schema = content.value["schema"].map {
                readSchema($0, pointer.appending("content").appending(content.key.scalar ?? "").appending("schema"))
            } ?? Schema(types: [.string], mark: node.mark, pointer: pointer)
        } else {
            warning("parameter '\(name)' has no 'schema'; generated as a String", node, pointer,
                    hint: "add `schema: {type: string}`")
            schema = Schema(types: [.string], mark: node.mark, pointer: pointer)
        }
        var required = bool(node["required"], pointer, key: "required") ?? false
        if location == .path && !required {
            if node["required"] != nil {
                warning("path parameter '\(name)' must be required; treated as required", node["required"]!,
                        pointer.appending("required"), hint: "write `required: true`")
            }
            required = true
        }
        return Parameter(
            name: name, location: location, required: required, schema: schema,
            description: string(node["description"], pointer, key: "description"),
            style: string(node["style"], pointer, key: "style"),
            explode: bool(node["explode"], pointer, key: "explode"),
            deprecated: bool(node["deprecated"], pointer, key: "deprecated") ?? false,
            mark: node.mark, pointer: pointer
        )
    }

    mutating func readRequestBody(_ node: Node, _ pointer: JSONPointer) -> RequestBody? {
        guard let (node, pointer) = dereference(node, pointer, what: "request body"),
            mapping(node, pointer, what: "a request body") != nil
        else { return nil }
        return RequestBody(
            description: string(node["description"], pointer, key: "description"),
            required: bool(node["required"], pointer, key: "required") ?? false,
            content: readContent(node["content"], pointer.appending("content")),
            mark: node.mark, pointer: pointer
        )
    }

    mutating func readResponse(status: String, _ node: Node, _ pointer: JSONPointer) -> Response? {
        guard let (node, pointer) = dereference(node, pointer, what: "response"),
            mapping(node, pointer, what: "a response") != nil
        else { return nil }
        return Response(
            status: status,
            description: string(node["description"], pointer, key: "description"),
            content: readContent(node["content"], pointer.appending("content")),
            headers: readResponseHeaders(node["headers"], pointer.appending("headers")),
            mark: node.mark, pointer: pointer
        )
    }

    /// `headers:` of a response; `Content-Type` is left out, as OpenAPI says.
    mutating func readResponseHeaders(_ node: Node?, _ pointer: JSONPointer) -> [ResponseHeader] {
        guard let node, let entries = mapEntries(node, pointer, what: "'headers'") else { return [] }
        var headers: [ResponseHeader] = []
        for pair in entries.pairs {
            let name = pair.key.scalar ?? ""
            guard name.lowercased() != "content-type",
                let (headerNode, headerPointer) = dereference(pair.value, entries.pointer.appending(name), what: "header"),
                mapping(headerNode, headerPointer, what: "a header") != nil
            else { continue }
            let schema: Schema
            if let schemaNode = headerNode["schema"] {
                schema = readSchema(schemaNode, headerPointer.appending("schema"))
            } else if let content = headerNode["content"]?.mapping?.first, let schemaNode = content.value["schema"] {
                schema = readSchema(
                    schemaNode, headerPointer.appending("content").appending(content.key.scalar ?? "").appending("schema"))
            } else {
                schema = Schema(types: [.string], mark: headerNode.mark, pointer: headerPointer)
            }
            headers.append(ResponseHeader(
                name: name, description: string(headerNode["description"], headerPointer, key: "description"),
                required: bool(headerNode["required"], headerPointer, key: "required") ?? false, schema: schema,
                deprecated: bool(headerNode["deprecated"], headerPointer, key: "deprecated") ?? false,
                mark: headerNode.mark, pointer: headerPointer))
        }
        return headers
    }

    mutating func readContent(_ node: Node?, _ pointer: JSONPointer) -> [MediaType] {
        guard let node, let pairs = mapping(node, pointer, what: "'content'") else { return [] }
        return pairs.compactMap { pair in
            let type = pair.key.scalar ?? ""
            // Plaid puts `examples:` beside `application/json`; swift-openapi-generator rejects the
            // whole document for it. One warning, and the key is not taken for a media type.
            guard type.contains("/") else {
                warning(
                    "'\(type)' under 'content' is not a media type (type/subtype); skipped", pair.key, pointer.appending(type),
                    hint: "move it inside the media type it belongs to, e.g. 'application/json'")
                return nil
            }
            let mediaPointer = pointer.appending(type)
            let schema = pair.value["schema"].map { readSchema($0, mediaPointer.appending("schema")) }
            return MediaType(contentType: type, schema: schema)
        }
    }
}

/// The `{name}` placeholders of a path such as `/processes/{processId}`.
public struct PathTemplate: Hashable, Sendable {
    public enum Component: Hashable, Sendable {
        case literal(String)
        case parameter(String)
    }

    public let components: [Component]

    public init(_ path: String) {
        var components: [Component] = []
        var literal = ""
        var name: String?
        for character in path {
            if character == "{" && name == nil {
                if !literal.isEmpty { components.append(.literal(literal)) }
                literal = ""
                name = ""
            } else if character == "}", let current = name {
                components.append(.parameter(current))
                name = nil
            } else if name != nil {
                name!.append(character)
            } else {
                literal.append(character)
            }
        }
        if let name { literal += "{" + name }
        if !literal.isEmpty { components.append(.literal(literal)) }
        self.components = components
    }

    public var parameterNames: [String] {
        components.compactMap {
            if case .parameter(let name) = $0 { return name }
            return nil
        }
    }
}
