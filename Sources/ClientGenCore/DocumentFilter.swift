import OpenAPI
import YAML

/// `filter:` in a configuration: generate only some operations and the schemas they need.
///
/// ```yaml
///     filter:
///       operations: [getProcess]          # by operationId
///       tags: [Contacts]                  # every operation with the tag
///       paths: [/v3/processes]            # every operation of the path, as written in the spec
///       schemas: [Webhook]                # schemas kept even when no kept operation uses them
///       webhooks: [email.sent]            # entries of `webhooks` kept
/// ```
///
/// An operation is kept when any list matches it, with its callbacks; with no operation list at all,
/// none is (only the named schemas). A webhook is kept only when `webhooks` names it. A schema is kept when a kept operation or a kept schema refers to it, directly or
/// through others. Names the description does not have are errors with a "did you mean".
public struct DocumentFilter: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var name: String
        public var mark: Mark?

        public init(name: String, mark: Mark? = nil) {
            self.name = name
            self.mark = mark
        }
    }

    public var operations: [Entry] = []
    public var tags: [Entry] = []
    public var paths: [Entry] = []
    public var schemas: [Entry] = []
    public var webhooks: [Entry] = []

    public init(operations: [Entry] = [], tags: [Entry] = [], paths: [Entry] = [], schemas: [Entry] = [], webhooks: [Entry] = []) {
        self.operations = operations
        self.tags = tags
        self.paths = paths
        self.schemas = schemas
        self.webhooks = webhooks
    }

    static let keys = ["operations", "tags", "paths", "schemas", "webhooks"]

    static func read(_ node: Node, diagnostics: inout [Diagnostic]) -> DocumentFilter {
        func fail(_ message: String, _ node: Node, hint: String? = nil) {
            diagnostics.append(Diagnostic(.error, message, at: node.mark, hint: hint))
        }
        var filter = DocumentFilter()
        guard let pairs = node.mapping else {
            fail("expected 'filter' to be a mapping, found a \(node.kindName)", node, hint: "e.g. `filter: {operations: [getProcess]}`")
            return filter
        }
        for pair in pairs {
            let key = pair.key.scalar ?? ""
            guard keys.contains(key) else {
                fail("unknown key '\(key)' in 'filter'", pair.key, hint: "use \(keys.joined(separator: ", "))")
                continue
            }
            guard let items = pair.value.sequence, items.allSatisfy({ $0.scalar.map { !$0.isEmpty } ?? false }) else {
                fail("expected 'filter.\(key)' to be a list of names", pair.value, hint: "e.g. `\(key): [\(key == "paths" ? "/v3/processes" : "name")]`")
                continue
            }
            let entries = items.map { Entry(name: $0.scalar!, mark: $0.mark) }
            switch key {
            case "operations": filter.operations = entries
            case "tags": filter.tags = entries
            case "paths": filter.paths = entries
            case "webhooks": filter.webhooks = entries
            default: filter.schemas = entries
            }
        }
        return filter
    }

    /// The document with only the operations and schemas kept, and an error for each name that
    /// matches nothing.
    public func apply(to document: Document) -> (Document, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let operationIDs = document.operations.compactMap(\.operationID)
        let allTags = Self.unique(document.operations.flatMap(\.tags))
        let allPaths = document.paths.map(\.path)
        let schemaNames = document.components.schemas.map(\.name)
        for (kind, entries, known) in [
            ("operations", operations, operationIDs), ("tags", tags, allTags), ("paths", paths, allPaths),
            ("schemas", schemas, schemaNames), ("webhooks", webhooks, Self.unique(document.webhooks.map(\.name))),
        ] {
            let knownSet = Set(known)
            for entry in entries where !knownSet.contains(entry.name) {
                let limit = max(1, min(3, entry.name.count / 4))
                let suggestion = known.min { editDistance($0, entry.name) < editDistance($1, entry.name) }
                    .flatMap { editDistance($0, entry.name) <= limit ? "did you mean '\($0)'?" : nil }
                let what = ["operations": "an operationId", "tags": "a tag", "paths": "a path", "schemas": "a component schema", "webhooks": "a webhook"][kind]!
                diagnostics.append(Diagnostic(
                    .error, "'filter.\(kind)' names '\(entry.name)', which is not \(what) of the spec", at: entry.mark,
                    hint: suggestion ?? "write \(what) exactly as the spec has it"))
            }
        }

        let keptIDs = Set(operations.map(\.name))
        let keptTags = Set(tags.map(\.name))
        let keptPaths = Set(paths.map(\.name))
        var filtered = document
        filtered.paths = document.paths.compactMap { item in
            var item = item
            item.operations = item.operations.filter { operation in
                operation.operationID.map(keptIDs.contains) == true || keptPaths.contains(operation.path)
                    || operation.tags.contains(where: keptTags.contains)
            }
            return item.operations.isEmpty ? nil : item
        }
        let keptWebhooks = Set(webhooks.map(\.name))
        filtered.webhooks = document.webhooks.filter { keptWebhooks.contains($0.name) }

        // Every schema reachable from the kept operations and the named schemas.
        let bySchemaName = Dictionary(document.components.schemas.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
        var kept = Set<String>()
        var pending = schemas.map(\.name)
        for operation in filtered.operations + filtered.notifications.map(\.operation) {
            pending += operation.parameters.flatMap { Self.references(in: $0.schema) }
            pending += (operation.requestBody?.content ?? []).compactMap(\.schema).flatMap(Self.references)
            for response in operation.responses {
                pending += response.content.compactMap(\.schema).flatMap(Self.references)
                pending += response.headers.flatMap { Self.references(in: $0.schema) }
            }
        }
        while let name = pending.popLast() {
            guard kept.insert(name).inserted, let schema = bySchemaName[name] else { continue }
            pending += Self.references(in: schema)
        }
        filtered.components.schemas = document.components.schemas.filter { kept.contains($0.name) }
        return (filtered, diagnostics)
    }

    /// The component schemas a schema refers to, at any depth (`#/components/schemas/A` and pointers
    /// into one, `#/components/schemas/A/properties/b`, both keep `A`).
    static func references(in schema: Schema) -> [String] {
        var names: [String] = []
        var stack = [schema]
        while let current = stack.popLast() {
            for reference in [current.reference].compactMap({ $0 }) + (current.discriminator?.mapping.map(\.reference) ?? []) {
                if let tokens = JSONPointer(reference: reference)?.tokens, tokens.count >= 3,
                    tokens[0] == "components", tokens[1] == "schemas"
                {
                    names.append(tokens[2])
                }
            }
            stack += current.properties.map(\.schema) + current.allOf + current.oneOf + current.anyOf
            if let items = current.items { stack.append(items.value) }
            if case .schema(let additional)? = current.additionalProperties?.value { stack.append(additional) }
        }
        return names
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

extension ClientSettings {
    /// Drops the names, inference corrections and type overrides of operations and schemas the
    /// filter left out: they name what the description has, so they are not typos to report.
    mutating func forget(removedBy filtered: Document, from original: Document) {
        let keptOperations = Set(filtered.operations.compactMap(\.operationID))
        let removedOperations = Set(original.operations.compactMap(\.operationID)).subtracting(keptOperations)
        let keptSchemas = Set(filtered.components.schemas.map(\.name))
        let removedSchemas = Set(original.components.schemas.map(\.name)).subtracting(keptSchemas)
        names.operations.removeAll { removedOperations.contains($0.specName) }
        names.schemas.removeAll { removedSchemas.contains($0.specName) }
        names.properties.removeAll { entry in
            removedSchemas.contains(String(entry.specName.prefix { $0 != "." }))
        }
        inference.skip.subtract(removedOperations)
        for id in removedOperations {
            inference.jobLinks[id] = nil
            inference.paginationLinks[id] = nil
        }
        typeOverrides.removeAll { removedSchemas.contains($0.specName) }
    }
}
