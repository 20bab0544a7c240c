/// Which Swift type holds the values of each part of a description: every component schema (by the
/// pointer its declaration's doc names), every operation's JSON request body, success response and
/// error bodies, and the members of every struct. Tools that feed a description's own data through
/// the generated types (`scripts/examples`) read it from `clientgen generate --type-map FILE`.
///
/// Types are spelled from the module's top level (`Brevo.GetProcessesResponse`, `[Contact]?`), so
/// they can be written as they are in code that imports the module. Built from the declarations
/// alone: a function of what the translator made, never a second opinion on it.
public struct TypeMap: Codable, Hashable, Sendable {
    public struct Operation: Codable, Hashable, Sendable {
        /// The body parameter's type, optional when the body is.
        public var body: String?
        /// `json`, `form`, `multipart` or `data`.
        public var bodyEncoding: String?
        /// The 2xx body's type; nil when the operation returns no JSON.
        public var response: String?
        /// `json`, `jsonOrEmpty`, `empty` or `data`.
        public var responseKind: String
        /// Error body types by status as the description writes it: `404`, `4XX`, `default`.
        public var errors: [String: String]
    }

    public struct Structure: Codable, Hashable, Sendable {
        /// Wire name → the property's type (optional when the property is).
        public var properties: [String: String]
        public var additionalProperties: String?
    }

    public var module: String
    /// `#/components/schemas/Name` (or the file pointer of a split description's schema) → its type.
    public var schemas: [String: String] = [:]
    /// `#/paths/~1processes/get` → the builder's types.
    public var operations: [String: Operation] = [:]
    public var structs: [String: Structure] = [:]
    /// A `oneOf`/`anyOf` enum's case types, in the order of the description's variants.
    public var oneOfs: [String: [String]] = [:]
    /// Type aliases, resolved one step: `Name` → what it stands for.
    public var aliases: [String: String] = [:]
    /// Open enums → `String` or `Int`.
    public var enums: [String: String] = [:]
    /// `#/webhooks/email.sent/post` (or a callback's operation pointer) → the JSON body's type.
    public var webhooks: [String: String] = [:]

    public init(module: String, files: [SwiftFile]) {
        self.module = module
        var declared: Set<String> = []
        for file in files {
            for declaration in file.declarations { Self.collectNames(declaration, scope: [], into: &declared) }
        }
        let resolver = Resolver(declared: declared)
        for file in files {
            for declaration in file.declarations { add(declaration, scope: [], resolver) }
        }
    }

    // MARK: Walking the declarations

    private static func collectNames(_ declaration: Declaration, scope: [String], into declared: inout Set<String>) {
        func declare(_ name: String) -> [String] {
            let path = scope + [name]
            declared.insert(path.joined(separator: "."))
            return path
        }
        switch declaration {
        case .structure(let structure):
            let path = declare(structure.name)
            for member in structure.nested { collectNames(member, scope: path, into: &declared) }
        case .oneOf(let oneOf):
            let path = declare(oneOf.name)
            for member in oneOf.nested { collectNames(member, scope: path, into: &declared) }
        case .namespace(let namespace):
            let path = declare(namespace.name)
            for member in namespace.members { collectNames(member, scope: path, into: &declared) }
        case .extension(let extensionDeclaration):
            let path = scope + extensionDeclaration.name.split(separator: ".").map(String.init)
            for member in extensionDeclaration.members { collectNames(member, scope: path, into: &declared) }
        case .openEnum(let openEnum): _ = declare(openEnum.name)
        case .typeAlias(let alias): _ = declare(alias.name)
        case .responseHeaders(let headers): _ = declare(headers.name)
        case .webhooks(let webhooks):
            let path = declare(webhooks.name)
            declared.insert((path + [webhooks.kindName]).joined(separator: "."))
            for member in webhooks.nested { collectNames(member, scope: path, into: &declared) }
        case .requestBuilder, .jobFactory, .paginationBuilder, .serverURL, .credentialFactory: break
        }
    }

    private mutating func add(_ declaration: Declaration, scope: [String], _ resolver: Resolver) {
        switch declaration {
        case .structure(let structure):
            let path = scope + [structure.name]
            let name = path.joined(separator: ".")
            record(structure.doc, name)
            var properties: [String: String] = [:]
            for property in structure.properties where properties[property.wireName] == nil {
                properties[property.wireName] = resolver.spell(property.type, in: path)
            }
            structs[name] = Structure(
                properties: properties,
                additionalProperties: structure.additionalProperties.map { resolver.spell($0.valueType, in: path) })
            for member in structure.nested { add(member, scope: path, resolver) }
        case .oneOf(let oneOf):
            let path = scope + [oneOf.name]
            let name = path.joined(separator: ".")
            record(oneOf.doc, name)
            oneOfs[name] = oneOf.cases.map { resolver.spell($0.type, in: path) }
            for member in oneOf.nested { add(member, scope: path, resolver) }
        case .namespace(let namespace):
            let path = scope + [namespace.name]
            for member in namespace.members { add(member, scope: path, resolver) }
        case .extension(let extensionDeclaration):
            let path = scope + extensionDeclaration.name.split(separator: ".").map(String.init)
            for member in extensionDeclaration.members { add(member, scope: path, resolver) }
        case .openEnum(let openEnum):
            let name = (scope + [openEnum.name]).joined(separator: ".")
            record(openEnum.doc, name)
            enums[name] = openEnum.rawType
        case .typeAlias(let alias):
            let name = (scope + [alias.name]).joined(separator: ".")
            record(alias.doc, name)
            aliases[name] = resolver.spell(alias.type, in: scope)
        case .requestBuilder(let builder):
            guard let pointer = Self.pointer(in: builder.doc) else { return }
            operations[pointer] = operation(builder, scope: scope, resolver)
        case .webhooks(let webhooks):
            let path = scope + [webhooks.name]
            for webhook in webhooks.cases {
                guard case .json(let type) = webhook.payload, let pointer = Self.pointer(in: webhook.doc) else { continue }
                self.webhooks[pointer] = resolver.spell(type, in: path)
            }
            for member in webhooks.nested { add(member, scope: path, resolver) }
        case .responseHeaders, .jobFactory, .paginationBuilder, .serverURL, .credentialFactory: break
        }
    }

    private func operation(_ builder: RequestBuilder, scope: [String], _ resolver: Resolver) -> Operation {
        var body: String?
        var encoding: String?
        if let declared = builder.body, let parameter = builder.parameters.first(where: { $0.name == declared.parameter }) {
            body = resolver.spell(parameter.type, in: scope)
            switch declared {
            case .json: encoding = "json"
            case .form: encoding = "form"
            case .multipart: encoding = "multipart"
            case .data: encoding = "data"
            }
        }
        var errors: [String: String] = [:]
        for error in builder.errors {
            let status: String
            switch error.status {
            case .code(let code): status = String(code)
            case .range(let range): status = "\(range)XX"
            case .default: status = "default"
            }
            errors[status] = resolver.spell(error.type, in: scope)
        }
        let isJSON = builder.responseKind == .json || builder.responseKind == .jsonOrEmpty
        return Operation(
            body: body, bodyEncoding: encoding, response: isJSON ? resolver.spell(builder.responseType, in: scope) : nil,
            responseKind: builder.responseKind.name, errors: errors)
    }

    /// Component schemas only: the other pointers in docs (operations, security schemes) are not types.
    private mutating func record(_ doc: DocComment, _ name: String) {
        guard let pointer = Self.pointer(in: doc), !pointer.hasPrefix("#/paths/"), !pointer.hasPrefix("#/webhooks/"),
            !pointer.hasPrefix("#/components/securitySchemes/")
        else { return }
        schemas[pointer] = name
    }

    /// The pointer of a `- Remark: Generated from `…`.` doc line.
    static func pointer(in doc: DocComment) -> String? {
        let prefix = "- Remark: Generated from `", suffix = "`."
        guard let line = doc.lines.last(where: { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }) else { return nil }
        return String(line.dropFirst(prefix.count).dropLast(suffix.count))
    }

    /// Spells a type as Swift resolves it where it is written: the innermost enclosing scope that
    /// declares the name wins; names declared nowhere in the module are the standard library's,
    /// Foundation's or the runtime's.
    struct Resolver {
        let declared: Set<String>

        func spell(_ type: TypeRef, in scope: [String]) -> String {
            switch type {
            case .named(let name): qualified(name, in: scope)
            case .optional(let wrapped): spell(wrapped, in: scope) + "?"
            case .array(let element): "[" + spell(element, in: scope) + "]"
            case .dictionary(let value): "[String: " + spell(value, in: scope) + "]"
            case .nullable(let wrapped): "Nullable<" + spell(wrapped, in: scope) + ">"
            case .void: "Void"
            }
        }

        func qualified(_ name: String, in scope: [String]) -> String {
            var depth = scope.count
            while depth >= 0 {
                let candidate = (scope.prefix(depth) + [name]).joined(separator: ".")
                if declared.contains(candidate) { return candidate }
                depth -= 1
            }
            return name
        }
    }
}

