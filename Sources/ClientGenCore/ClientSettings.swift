import OpenAPI
import YAML

/// The access level of every generated declaration (`access:` in a configuration).
public enum AccessLevel: String, Hashable, Sendable, CaseIterable {
    case `public`
    case package
    case `internal`
}

/// Which generated structs keep the members of an object that its schema does not list
/// (`unknownMembers:` in a configuration).
public enum UnknownMembers: String, Hashable, Sendable, CaseIterable {
    /// Every object keeps them in `additionalProperties` (JSON Schema allows them unless the schema
    /// says `additionalProperties: false`), so what the API sends comes back unchanged when re-encoded.
    case keep
    /// Only objects whose schema declares `additionalProperties` keep them; the others ignore
    /// members they do not list, as swift-openapi-generator's do: less code, and faster decoding.
    case declared
}

/// Which equality generated models have (`modelConformance:` in a configuration).
public enum ModelConformance: String, Hashable, Sendable, CaseIterable {
    /// Structs, `oneOf` enums and webhook payload enums are `Hashable`, as swift-openapi-generator's
    /// are: usable as `Set` members, dictionary keys and `ForEach(items, id: \.self)`.
    case hashable
    /// They are only `Equatable`: no synthesized `hash(into:)` per type, which takes about a sixth of
    /// the compiler's time on a module of a thousand models or more (`Benchmarks/results.md`).
    /// Open enums stay `Hashable` either way (they hash their raw value).
    case equatable

    /// The protocol's name, as written in a conformance list.
    public var protocolName: String {
        switch self {
        case .hashable: "Hashable"
        case .equatable: "Equatable"
        }
    }
}

/// How one client is generated, beyond which description and module: the keys a client entry of
/// `clientgen.yaml` and of a target's configuration share, read by one function so both accept the same.
///
/// ```yaml
///     names: {schemas: {GetProcesses_200_response: ProcessPage}}   # see `NameOverrides`
///     inference: {skip: [moveLeads]}                               # see `InferenceSettings`
///     filter: {operations: [getProcess], tags: [Contacts]}       # see `DocumentFilter`
///     access: package                  # public (default), package or internal
///     additionalImports: [MyTypes]     # extra `import` lines at the top of every file
///     typeOverrides:                   # the user's own types in place of component schemas
///       schemas: {Money: MyTypes.Money}
///     enumCaseLimit: 500               # enums with more values become a struct of constants
///     unknownMembers: declared         # keep (default) or declared, see `UnknownMembers`
///     modelConformance: equatable      # hashable (default) or equatable, see `ModelConformance`
/// ```
public struct ClientSettings: Hashable, Sendable {
    /// Swift names chosen for schemas, operations and properties.
    public var names = NameOverrides()
    /// Which jobs and paged lists to infer, and corrections by operationId.
    public var inference = InferenceSettings()
    /// Only these operations and the schemas they need, when given.
    public var filter: DocumentFilter?
    /// The access level of every generated declaration.
    public var access = AccessLevel.public
    /// Modules every generated file imports besides `Foundation` and `ClientRuntime`.
    public var additionalImports: [String] = []
    /// Component schemas replaced by the user's own types, which must be `Codable & Hashable & Sendable`
    /// (`Equatable` in place of `Hashable` with `modelConformance: equatable`): the schema is not
    /// generated, and every reference to it uses the type.
    public var typeOverrides: [TypeOverride] = []
    /// An enum with more values than this is generated as a `RawRepresentable` struct with one
    /// static constant per value: a Swift enum's two switches over thousands of cases take the compiler
    /// minutes, the constants a fraction of a second (`scripts/bench-enums` measures where it bends).
    public var enumCaseLimit = ClientSettings.defaultEnumCaseLimit

    public static let defaultEnumCaseLimit = 300

    /// Which structs keep the members their schema does not list.
    public var unknownMembers = UnknownMembers.keep

    /// Whether models are `Hashable` or only `Equatable`.
    public var modelConformance = ModelConformance.hashable

    /// The keys `read` accepts.
    public static let keys = ["names", "inference", "filter", "access", "additionalImports", "typeOverrides", "enumCaseLimit", "unknownMembers", "modelConformance"]

    public init() {}

    /// Reads a file holding only these keys, as a mapping (a fixture's `<name>.settings.yaml`, or
    /// what `clientgen generate --settings` takes); any other key is an error.
    public static func read(bytes: [UInt8], file: String) -> (ClientSettings, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        do {
            let root = try YAMLParser.parse(bytes, file: file)
            guard let pairs = root.mapping else {
                diagnostics.append(Diagnostic(
                    .error, "expected a mapping of client settings, found a \(root.kindName)", at: root.mark,
                    hint: "use \(keys.joined(separator: ", "))"))
                return (ClientSettings(), diagnostics)
            }
            for pair in pairs where !keys.contains(pair.key.scalar ?? "") {
                diagnostics.append(Diagnostic(
                    .error, "unknown key '\(pair.key.scalar ?? "")'", at: pair.key.mark, hint: "use \(keys.joined(separator: ", "))"))
            }
            return (read(root, diagnostics: &diagnostics), diagnostics)
        } catch {
            return (ClientSettings(), [Diagnostic(error)])
        }
    }

    /// Reads the settings keys of one client entry; other keys are the caller's to check.
    public static func read(_ item: Node, diagnostics: inout [Diagnostic]) -> ClientSettings {
        var settings = ClientSettings()
        func fail(_ message: String, _ node: Node, hint: String? = nil) {
            diagnostics.append(Diagnostic(.error, message, at: node.mark, hint: hint))
        }
        if let node = item["names"] { settings.names = NameOverrides.read(node, diagnostics: &diagnostics) }
        if let node = item["inference"] { settings.inference = InferenceSettings.read(node, diagnostics: &diagnostics) }
        if let node = item["filter"] { settings.filter = DocumentFilter.read(node, diagnostics: &diagnostics) }
        if let node = item["access"] {
            if let text = node.scalar, let level = AccessLevel(rawValue: text) {
                settings.access = level
            } else {
                let given = node.scalar.map { "'\($0)' is not an access level" } ?? "expected 'access' to be a word, found a \(node.kindName)"
                fail(given, node, hint: "use public, package or internal")
            }
        }
        if let node = item["additionalImports"] {
            if let items = node.sequence, let modules = Optional(items.compactMap(\.scalar)), modules.count == items.count {
                for (module, item) in zip(modules, items) where !isDottedIdentifier(module) {
                    fail("'\(module)' is not a module name", item, hint: "write a module name such as 'Foundation' or 'MyTypes'")
                }
                for module in modules where isDottedIdentifier(module) && !settings.additionalImports.contains(module) {
                    settings.additionalImports.append(module)
                }
            } else {
                fail("expected 'additionalImports' to be a list of module names", node, hint: "e.g. `additionalImports: [MyTypes]`")
            }
        }
        if let node = item["typeOverrides"] {
            settings.typeOverrides = TypeOverride.read(node, diagnostics: &diagnostics)
        }
        if let node = item["enumCaseLimit"] {
            if let text = node.scalar, let limit = Int(text), limit >= 0 {
                settings.enumCaseLimit = limit
            } else {
                fail("expected 'enumCaseLimit' to be a whole number of values", node,
                     hint: "e.g. `enumCaseLimit: \(defaultEnumCaseLimit)` (the default)")
            }
        }
        /// A key whose value is one word of a fixed list, `E`'s raw values.
        func choice<E: RawRepresentable<String>>(_ key: String, hint: String) -> E? {
            guard let node = item[key] else { return nil }
            if let text = node.scalar, let value = E(rawValue: text) { return value }
            let given = node.scalar.map { "'\($0)' is not a choice for '\(key)'" }
                ?? "expected '\(key)' to be a word, found a \(node.kindName)"
            fail(given, node, hint: hint)
            return nil
        }
        if let value: UnknownMembers = choice("unknownMembers", hint: "use keep (every object keeps the members its schema does not list) or declared (only objects whose schema declares additionalProperties)") {
            settings.unknownMembers = value
        }
        if let value: ModelConformance = choice("modelConformance", hint: "use hashable (models are Hashable, the default) or equatable (only Equatable: faster to compile)") {
            settings.modelConformance = value
        }
        return settings
    }

    /// A plain Swift identifier, or dotted ones (`Darwin.C`, `MyTypes.Money`): a module or type name.
    /// Anything else would put arbitrary text into every generated file.
    public static func isDottedIdentifier(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
            return part.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
        }
    }
}

/// One entry of `typeOverrides.schemas`: a component schema and the Swift type used instead.
public struct TypeOverride: Hashable, Sendable {
    /// The schema's name under `#/components/schemas`.
    public var specName: String
    /// A type name, qualified or not (`Decimal`, `MyTypes.Money`).
    public var swiftType: String
    public var mark: Mark?

    public init(specName: String, swiftType: String, mark: Mark? = nil) {
        self.specName = specName
        self.swiftType = swiftType
        self.mark = mark
    }

    static func read(_ node: Node, diagnostics: inout [Diagnostic]) -> [TypeOverride] {
        func fail(_ message: String, _ node: Node, hint: String? = nil) {
            diagnostics.append(Diagnostic(.error, message, at: node.mark, hint: hint))
        }
        let example = "e.g. `typeOverrides: {schemas: {Money: MyTypes.Money}}`"
        guard let pairs = node.mapping else {
            fail("expected 'typeOverrides' to be a mapping, found a \(node.kindName)", node, hint: example)
            return []
        }
        var overrides: [TypeOverride] = []
        for pair in pairs {
            guard pair.key.scalar == "schemas" else {
                fail("unknown key '\(pair.key.scalar ?? "")' in 'typeOverrides'", pair.key, hint: "the only key is 'schemas'; \(example)")
                continue
            }
            guard let entries = pair.value.mapping else {
                fail("expected 'typeOverrides.schemas' to map schema names to Swift types", pair.value, hint: example)
                continue
            }
            for entry in entries {
                guard let name = entry.key.scalar, let type = entry.value.scalar, !type.isEmpty else {
                    fail("expected a schema name and a Swift type", entry.value, hint: example)
                    continue
                }
                guard ClientSettings.isDottedIdentifier(type) else {
                    fail("'\(type)' is not a Swift type name", entry.value,
                         hint: "write a type such as 'Decimal' or 'MyTypes.Money' (and add its module to 'additionalImports')")
                    continue
                }
                overrides.append(TypeOverride(specName: name, swiftType: type, mark: entry.key.mark))
            }
        }
        return overrides
    }
}
