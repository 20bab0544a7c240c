import OpenAPI
import YAML

/// Diagnostics for `names:` in the configuration; the names themselves are applied where each kind
/// of name is made (components in `init`, builders in `translate()`, properties in `structure`).
extension Translator {
    mutating func overrideCollision(_ entry: NameOverrides.Entry, kind: NameOverrides.Kind, with other: String) {
        diagnostics.append(Diagnostic(
            .error, "'\(entry.swiftName)', the name chosen for \(kind.singular) '\(entry.specName)', is already the name of \(other)",
            at: entry.mark, hint: "choose another name in 'names.\(kind.rawValue)'"))
    }

    /// Overrides that matched nothing in the spec: a typo, or a schema that was renamed.
    mutating func warnUnusedOverrides() {
        for kind in NameOverrides.Kind.allCases {
            let used: Set<String>
            switch kind {
            case .schemas: used = Set(document.components.schemas.map(\.name))
            case .operations: used = Set(document.operations.compactMap(\.operationID))
            case .properties: used = usedPropertyOverrides
            }
            for entry in options.names[kind] where !used.contains(entry.specName) {
                let candidates: [String]
                switch kind {
                case .schemas: candidates = document.components.schemas.map(\.name)
                case .operations: candidates = document.operations.compactMap(\.operationID)
                case .properties:
                    candidates = document.components.schemas.flatMap { component in
                        component.schema.properties.map { "\(component.name).\($0.name)" }
                    }
                }
                // A typo, not another name: one edit in short names, up to three in long ones.
                let limit = max(1, min(3, entry.specName.count / 4))
                let suggestion = candidates.min { editDistance($0, entry.specName) < editDistance($1, entry.specName) }
                    .flatMap { editDistance($0, entry.specName) <= limit ? "did you mean '\($0)'?" : nil }
                diagnostics.append(Diagnostic(
                    .warning, "'names.\(kind.rawValue)' renames '\(entry.specName)', which the spec does not have",
                    at: entry.mark,
                    hint: suggestion ?? (kind == .properties
                        ? "write `<component schema>.<property>` with both names as in the spec"
                        : "use the \(kind == .schemas ? "name under '#/components/schemas'" : "operationId") as written in the spec")))
            }
        }
    }

    /// Corrections and skips in `inference:` must name operations the description has.
    mutating func checkInferenceSettings() {
        let ids = document.operations.compactMap(\.operationID)
        let known = Set(ids)
        let settings = options.inference
        let named = Set(settings.skip).union(settings.jobLinks.keys).union(settings.paginationLinks.keys)
        for name in named.sorted() where !known.contains(name) {
            let limit = max(1, min(3, name.count / 4))
            let suggestion = ids.min { editDistance($0, name) < editDistance($1, name) }
                .flatMap { editDistance($0, name) <= limit ? "did you mean '\($0)'?" : nil }
            diagnostics.append(Diagnostic(
                .error, "'inference' names the operation '\(name)', which the spec does not have", at: settings.marks[name],
                hint: suggestion ?? "use an operationId of the spec"))
        }
    }

    /// A configuration entry names a component schema the description does not have.
    mutating func unknownSchemaName(_ name: String, in key: String, at mark: Mark?, severity: Diagnostic.Severity) {
        let candidates = document.components.schemas.map(\.name)
        let limit = max(1, min(3, name.count / 4))
        let suggestion = candidates.min { editDistance($0, name) < editDistance($1, name) }
            .flatMap { editDistance($0, name) <= limit ? "did you mean '\($0)'?" : nil }
        diagnostics.append(Diagnostic(
            severity, "'\(key)' names the schema '\(name)', which the spec does not have", at: mark,
            hint: suggestion ?? "use a name under '#/components/schemas' as written in the spec"))
    }
}
