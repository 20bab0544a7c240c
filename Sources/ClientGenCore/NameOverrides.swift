import OpenAPI
import YAML

/// `names:` in a configuration: Swift names chosen by hand where the spec's names read badly.
///
/// ```yaml
/// names:
///   schemas: {GetProcesses_200_response: ProcessPage}   # component schema → type
///   operations: {getProcess: fetchProcess}              # operationId → request builder
///   properties: {Process.id: identifier}                # <component schema>.<property> → property
/// ```
public struct NameOverrides: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        /// The name in the spec (for properties `<schema>.<property>`).
        public var specName: String
        public var swiftName: String
        /// The entry's key in the configuration, for diagnostics.
        public var mark: Mark

        public init(specName: String, swiftName: String, mark: Mark) {
            self.specName = specName
            self.swiftName = swiftName
            self.mark = mark
        }
    }

    public enum Kind: String, CaseIterable, Sendable {
        case schemas, operations, properties

        var singular: String {
            switch self {
            case .schemas: "schema"
            case .operations: "operation"
            case .properties: "property"
            }
        }
    }

    public var schemas: [Entry]
    public var operations: [Entry]
    public var properties: [Entry]

    public init(schemas: [Entry] = [], operations: [Entry] = [], properties: [Entry] = []) {
        self.schemas = schemas
        self.operations = operations
        self.properties = properties
    }

    public var isEmpty: Bool { schemas.isEmpty && operations.isEmpty && properties.isEmpty }

    public subscript(kind: Kind) -> [Entry] {
        switch kind {
        case .schemas: schemas
        case .operations: operations
        case .properties: properties
        }
    }

    /// Reads a file holding only a `names:` table (what `clientgen --names` takes).
    public static func read(bytes: [UInt8], file: String) -> (NameOverrides, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        do {
            let root = try YAMLParser.parse(bytes, file: file)
            guard let node = root["names"] else {
                diagnostics.append(Diagnostic(
                    .error, "expected a 'names' mapping", at: root.mark,
                    hint: "write `names: {schemas: {…}, operations: {…}, properties: {…}}`"))
                return (NameOverrides(), diagnostics)
            }
            return (read(node, diagnostics: &diagnostics), diagnostics)
        } catch {
            return (NameOverrides(), [Diagnostic(error)])
        }
    }

    /// Reads a `names:` mapping. Names that cannot be Swift identifiers are errors with a suggestion.
    public static func read(_ node: Node, diagnostics: inout [Diagnostic]) -> NameOverrides {
        func fail(_ message: String, _ node: Node, hint: String? = nil) {
            diagnostics.append(Diagnostic(.error, message, at: node.mark, hint: hint))
        }
        guard let pairs = node.mapping else {
            fail("expected 'names' to be a mapping, found a \(node.kindName)", node,
                 hint: "write `names: {schemas: {Spec_Name: SwiftName}, operations: {…}, properties: {…}}`")
            return NameOverrides()
        }
        var overrides = NameOverrides()
        for pair in pairs {
            guard let kind = pair.key.scalar.flatMap(Kind.init(rawValue:)) else {
                fail("unknown key '\(pair.key.scalar ?? "")' in 'names'", pair.key, hint: "use schemas, operations or properties")
                continue
            }
            guard let entries = pair.value.mapping else {
                fail("expected 'names.\(kind.rawValue)' to be a mapping, found a \(pair.value.kindName)", pair.value,
                     hint: "write `\(kind.rawValue): {specName: swiftName}`")
                continue
            }
            for entry in entries {
                guard let specName = entry.key.scalar, let swiftName = entry.value.scalar, !swiftName.isEmpty else {
                    fail("expected a name, found a \(entry.value.kindName)", entry.value)
                    continue
                }
                if kind == .properties, !specName.contains(".") {
                    fail("'\(specName)' does not name a property", entry.key,
                         hint: "write the schema and the property as in the spec: `Process.id: identifier`")
                    continue
                }
                if let problem = Self.problem(with: swiftName, kind: kind) {
                    fail("'\(swiftName)' cannot be the Swift name of \(kind.singular) '\(specName)': \(problem.message)",
                         entry.value, hint: problem.hint)
                    continue
                }
                let value = Entry(specName: specName, swiftName: swiftName, mark: entry.key.mark)
                switch kind {
                case .schemas: overrides.schemas.append(value)
                case .operations: overrides.operations.append(value)
                case .properties: overrides.properties.append(value)
                }
            }
        }
        return overrides
    }

    /// Why `name` is not usable as it is, and what would be.
    static func problem(with name: String, kind: Kind) -> (message: String, hint: String)? {
        let suggestion = kind == .schemas ? Names.typeName(name) : Names.memberName(name)
        let scalars = Array(name.unicodeScalars)
        let isIdentifier = !scalars.isEmpty && Names.isIdentifierHead(scalars[0])
            && scalars.dropFirst().allSatisfy { Names.isIdentifierScalar($0) || $0 == "_" }
        if !isIdentifier {
            return ("it is not a Swift identifier", "try '\(suggestion.trimmingCharacters(in: ["`"]))'")
        }
        if Names.keywords.contains(name) || name == "self" {
            return ("it is a Swift keyword", "try '\(name)Value'")
        }
        if kind == .schemas, Names.isReservedTypeName(name) {
            return ("it would shadow the type '\(name)' that generated code and its users rely on", "try 'API\(name)'")
        }
        if kind == .schemas, name.first?.isLowercase == true {
            return ("type names start with a capital letter", "try '\(suggestion)'")
        }
        if kind != .schemas, name.first?.isUppercase == true {
            return ("\(kind == .operations ? "function" : "property") names start with a lowercase letter", "try '\(suggestion)'")
        }
        return nil
    }
}
