import OpenAPI

/// What to generate for one description.
public struct GeneratorOptions: Hashable, Sendable {
    /// The Swift module the files belong to, e.g. `BrevoAPI`.
    public var moduleName: String
    /// The caseless enum holding server URLs and credential factories; derived from the module name when nil.
    public var namespace: String?
    /// The description's path as the user names it, shown in file headers (never an absolute path).
    public var specPath: String

    public init(moduleName: String, namespace: String? = nil, specPath: String) {
        self.moduleName = moduleName
        self.namespace = namespace
        self.specPath = specPath
    }

    /// `BrevoAPI` → `Brevo`; a module without the suffix gets `Client` appended.
    var resolvedNamespace: String {
        if let namespace { return namespace }
        if moduleName.hasSuffix("API"), moduleName.count > 3 { return String(moduleName.dropLast(3)) }
        return moduleName + "Client"
    }
}

/// Declarations hoisted out of one scope (a struct or a namespace), with the names already taken there.
struct NestedTypes {
    var scope: NameScope
    var declarations: [Declaration] = []

    init(reserved: Set<String>) { scope = NameScope(reserved: reserved) }
}

/// Translates a `Document` into Swift declarations grouped into files. Pure: no disk, no globals.
struct Translator {
    let document: Document
    let options: GeneratorOptions
    var diagnostics: [Diagnostic] = []
    /// Component schema name → Swift type name.
    private(set) var componentNames: [String: String] = [:]
    /// Every top-level type name in the module; nested scopes avoid them so nothing is shadowed.
    private(set) var topLevelNames: Set<String> = []
    private var componentSchemas: [String: Schema] = [:]
    private var warnedPointers: Set<String> = []
    /// Component → components it stores inline; filled lazily by `needsBox`.
    var inlineEdges: [String: Set<String>] = [:]
    /// The component schema being translated, for recursion checks.
    var currentComponent: String?
    let memo = TranslationMemo()
    /// The type of `format: binary` strings: `MultipartFile` inside an inline multipart body, `Data` elsewhere.
    var binaryType: TypeRef = .named("Data")

    init(document: Document, options: GeneratorOptions) {
        self.document = document
        self.options = options
        var scope = NameScope(reserved: [options.moduleName, options.resolvedNamespace])
        for component in document.components.schemas {
            let name = Names.typeName(component.name)
            componentNames[component.name] = scope.claim(
                Names.isReservedTypeName(name) ? options.resolvedNamespace + name : name)
            componentSchemas[component.name] = component.schema
        }
        topLevelNames = Set(componentNames.values).union([options.moduleName])
    }

    /// One namespace per API holds servers, credentials and every request builder; the builders are
    /// split into one file per tag (`extension Brevo { … }`), the models into one file per schema.
    mutating func translate() -> [SwiftFile] {
        var topScope = NameScope(reserved: topLevelNames)
        let namespace = topScope.claim(options.resolvedNamespace)
        topLevelNames.insert(namespace)

        // Operations grouped by their first tag, in order of first appearance.
        var groups: [(tag: String, operations: [Operation])] = []
        for operation in document.operations {
            let tag = operation.tags.first ?? "Operations"
            if let index = groups.firstIndex(where: { $0.tag == tag }) {
                groups[index].operations.append(operation)
            } else {
                groups.append((tag, [operation]))
            }
        }

        var members = NameScope()
        let client = clientNamespace(namespace, members: &members)
        var files = [SwiftFile(path: "\(namespace)+Client.swift", declarations: [.namespace(client)])]
        var nested = NestedTypes(reserved: topLevelNames)
        var fileNames = NameScope(reserved: ["\(namespace)+Client"])
        // First every builder, so job links can point across tags.
        var groupMembers: [[Declaration]] = []
        var groupHoisted: [[Declaration]] = []
        var builders: [String: RequestBuilder] = [:]
        var builtOperations: [(operation: Operation, builder: RequestBuilder, group: Int)] = []
        for (index, group) in groups.enumerated() {
            let before = nested.declarations.count
            var declarations: [Declaration] = []
            for operation in group.operations {
                let name = members.claim(Names.memberName(operation.operationID ?? synthesizedName(operation)))
                let builder = requestBuilder(operation, name: name, nested: &nested)
                declarations.append(.requestBuilder(builder))
                if let id = operation.operationID { builders[id] = builder }
                builtOperations.append((operation, builder, index))
            }
            groupMembers.append(declarations)
            groupHoisted.append(Array(nested.declarations[before...]))
        }
        let operationsByID = Dictionary(
            document.operations.compactMap { op in op.operationID.map { ($0, op) } }, uniquingKeysWith: { first, _ in first })
        var jobSignatures: Set<String> = []
        for (operation, builder, index) in builtOperations {
            if let pagination = paginationBuilder(
                operation, builder: builder, name: members.claim(builder.name + "Paginated"), nested: &nested)
            {
                groupMembers[index].append(.paginationBuilder(pagination))
            }
            if let link = operation.jobStatus,
                let factory = jobFactory(operation, link: link, builders: builders, operationsByID: operationsByID),
                jobSignatures.insert("\(factory.parameterLabel ?? factory.parameterName):\(factory.parameterType)").inserted
            {
                groupMembers[index].append(.jobFactory(factory))
            }
        }
        for (index, group) in groups.enumerated() {
            let fileName = fileNames.claim(Names.typeName(group.tag) + "+Requests")
            let doc = DocComment(lines: ["Requests for the operations tagged `\(DocText.lines(group.tag).joined(separator: " "))`."])
            files.append(
                SwiftFile(
                    path: "Operations/\(fileName).swift",
                    declarations: [.extension(Extension(doc: doc, name: namespace, members: groupMembers[index] + groupHoisted[index]))]))
        }
        for component in document.components.schemas {
            let name = componentNames[component.name]!
            currentComponent = component.name
            let declaration = componentDeclaration(component.schema, name: name)
            currentComponent = nil
            files.append(SwiftFile(path: "Models/\(name).swift", declarations: [declaration]))
        }
        return files
    }

    // MARK: Diagnostics

    mutating func warnOnce(_ message: String, _ schema: Schema, hint: String? = nil) {
        guard warnedPointers.insert(schema.pointer.description + message).inserted else { return }
        diagnostics.append(
            Diagnostic(.warning, message, at: schema.mark, pointer: schema.pointer.description, hint: hint))
    }

    // MARK: Components

    mutating func componentDeclaration(_ schema: Schema, name: String) -> Declaration {
        let doc = schemaDoc(schema, pointer: schema.pointer)
        if schema.reference == nil, isObjectStruct(schema) {
            return .structure(structure(schema, name: name, doc: doc, enclosing: [name]))
        }
        if schema.reference == nil, let (rawType, cases) = enumCases(schema) {
            return .openEnum(OpenEnum(doc: doc, name: name, rawType: rawType, cases: cases))
        }
        if schema.reference == nil, schema.properties.isEmpty, variants(schema).count > 1 {
            return .oneOf(oneOfEnum(schema, name: name, doc: doc, enclosing: [name]))
        }
        if let start = currentComponent, isReferenceCycle(from: start) {
            warnOnce(
                "'\(start)' only refers to itself through $ref; generated as JSONValue", schema,
                hint: "give one schema of the cycle a type or properties")
            return .typeAlias(TypeAlias(doc: doc, name: name, type: .json))
        }
        var nested = NestedTypes(reserved: topLevelNames.union([name]))
        var type = typeRef(schema, suggested: name + "Value", &nested)
        if isNullable(schema) { type = type.optional }
        if !nested.declarations.isEmpty {
            // An alias to an inline shape: keep the shape's types inside a namespace of the alias' name.
            return .namespace(Namespace(doc: doc, name: name, members: nested.declarations))
        }
        return .typeAlias(TypeAlias(doc: doc, name: name, type: type))
    }

    /// `A: {$ref: B}`, `B: {$ref: A}`: aliases that would define a type as itself.
    func isReferenceCycle(from start: String) -> Bool {
        var seen: Set<String> = []
        var current = start
        while let schema = componentSchemas[current], schema.properties.isEmpty, let next = directComponent(schema) {
            if next == start { return true }
            guard seen.insert(next).inserted else { return false }
            current = next
        }
        return false
    }

    func schemaDoc(_ schema: Schema, pointer: JSONPointer) -> DocComment {
        DocText.comment(
            DocText.summaryAndDescription(schema.title, schema.description)
                + [["- Remark: Generated from `\(pointer)`."]])
    }

    /// Objects with declared properties, directly or merged from `allOf` members.
    func isObjectStruct(_ schema: Schema) -> Bool {
        guard schema.properties.isEmpty == false || !schema.allOf.isEmpty else { return false }
        guard let object = flattenedObject(schema) else { return false }
        return !object.properties.isEmpty
    }

    func componentSchemaNamed(_ name: String) -> Schema? { componentSchemas[name] }

    // MARK: Structs

    mutating func structure(_ schema: Schema, name: String, doc: DocComment, enclosing: [String]) -> Structure {
        let object = flattenedObject(schema) ?? (schema.properties, schema.required)
        var nested = NestedTypes(reserved: topLevelNames.union(enclosing))
        var members = NameScope()
        var properties: [Structure.Property] = []
        for property in object.properties {
            let swiftName = members.claim(Names.memberName(property.name))
            var type = typeRef(property.schema, suggested: Names.typeName(property.name), &nested, enclosing: enclosing)
            // readOnly/writeOnly properties travel in one direction only, so neither side may require them.
            let required = object.required.contains(property.name) && !property.schema.readOnly && !property.schema.writeOnly
            if !required || isNullable(property.schema) { type = type.optional }
            let boxed = directComponent(property.schema).map { needsBox(target: $0, current: currentComponent) } ?? false
            var docParagraphs = DocText.summaryAndDescription(property.schema.title, property.schema.description)
            if property.schema.deprecated { docParagraphs.append(["- Warning: Deprecated."]) }
            properties.append(
                Structure.Property(
                    doc: DocText.comment(docParagraphs),
                    name: swiftName, wireName: property.name, type: type,
                    defaultValue: type.isOptional ? .nil : nil,
                    deprecated: property.schema.deprecated, boxed: boxed
                ))
        }
        for required in object.required where !object.properties.contains(where: { $0.name == required }) {
            warnOnce("required property '\(required)' is not declared in 'properties'; ignored", schema)
        }
        return Structure(
            doc: doc, name: name, properties: properties, nested: nested.declarations, deprecated: schema.deprecated)
    }

    // MARK: Types

    /// The Swift type for a schema, without the optional that nullability adds. Inline objects and
    /// enums are declared in `nested` under `suggested` (made unique there).
    mutating func typeRef(
        _ schema: Schema, suggested: String, _ nested: inout NestedTypes, enclosing: [String] = []
    ) -> TypeRef {
        if let reference = schema.reference {
            return referencedType(reference, schema)
        }
        if schema.allOf.count == 1, schema.oneOf.isEmpty, schema.anyOf.isEmpty, schema.properties.isEmpty {
            return typeRef(schema.allOf[0], suggested: suggested, &nested, enclosing: enclosing)
        }
        let members = variants(schema)
        if members.count == 1, schema.properties.isEmpty, schema.allOf.isEmpty {
            return typeRef(members[0], suggested: suggested, &nested, enclosing: enclosing)
        }
        if members.count > 1, schema.properties.isEmpty, schema.allOf.isEmpty {
            let name = nested.scope.claim(nestedName(suggested, enclosing: enclosing))
            let doc = DocText.comment(DocText.summaryAndDescription(schema.title, schema.description))
            nested.declarations.append(.oneOf(oneOfEnum(schema, name: name, doc: doc, enclosing: enclosing)))
            return .named(name)
        }
        if !schema.allOf.isEmpty || members.count > 1, !isObjectStruct(schema) {
            warnOnce(
                "this combination of allOf/oneOf/anyOf is not generated; the value is decoded as JSONValue", schema,
                hint: "the value stays available as untyped JSON")
            return .json
        }
        if let (rawType, cases) = enumCases(schema) {
            let name = nested.scope.claim(nestedName(suggested, enclosing: enclosing))
            let doc = DocText.comment(DocText.summaryAndDescription(schema.title, schema.description))
            nested.declarations.append(.openEnum(OpenEnum(doc: doc, name: name, rawType: rawType, cases: cases)))
            return .named(name)
        }
        if isObjectStruct(schema) {
            let name = nested.scope.claim(nestedName(suggested, enclosing: enclosing))
            let doc = DocText.comment(DocText.summaryAndDescription(schema.title, schema.description))
            let inner = structure(schema, name: name, doc: doc, enclosing: enclosing + [name])
            nested.declarations.append(.structure(inner))
            return .named(name)
        }
        let types = schema.nonNullTypes
        guard types.count <= 1 else { return .json }
        switch types.first {
        case .string?:
            switch schema.format {
            case "date-time": return .named("Date")
            case "uuid": return .named("UUID")
            case "binary": return binaryType
            case "byte": return .named("Data")
            default: return .string
            }
        case .integer?:
            switch schema.format {
            case "int32": return .named("Int32")
            case "int64": return .named("Int64")
            default: return .named("Int")
            }
        case .number?:
            return schema.format == "float" ? .named("Float") : .named("Double")
        case .boolean?:
            return .named("Bool")
        case .array?:
            guard let items = schema.items?.value else { return .array(.json) }
            var element = typeRef(items, suggested: suggested + "Item", &nested, enclosing: enclosing)
            if isNullable(items) { element = element.optional }
            return .array(element)
        case .object?, nil:
            if case .schema(let values)? = schema.additionalProperties?.value {
                var value = typeRef(values, suggested: suggested + "Value", &nested, enclosing: enclosing)
                if isNullable(values) { value = value.optional }
                return .dictionary(value)
            }
            if types.isEmpty { return .json }
            return .dictionary(.json)
        case .null?:
            return .json
        }
    }

    /// A nested type may not shadow a type generated code uses: `data` in `Job` becomes `JobData`, not `Data`.
    func nestedName(_ suggested: String, enclosing: [String]) -> String {
        guard Names.isReservedTypeName(suggested) else { return suggested }
        return (enclosing.last ?? options.resolvedNamespace) + suggested
    }

    mutating func referencedType(_ reference: String, _ schema: Schema) -> TypeRef {
        if let schemaName = JSONPointer.componentSchemaName(reference), let name = componentNames[schemaName] {
            return .named(name)
        }
        warnOnce(
            "reference '\(reference)' does not name a component schema; the value is decoded as JSONValue", schema,
            hint: "move the schema under '#/components/schemas'")
        return .json
    }

    /// The component schema a `$ref` names, if it is one.
    func component(_ reference: String?) -> Schema? {
        guard let reference, let name = JSONPointer.componentSchemaName(reference) else { return nil }
        return componentSchemas[name]
    }

    /// Cases for a string or integer enum (null entries skipped), or nil when the schema is neither.
    func enumCases(_ schema: Schema) -> (rawType: String, cases: [OpenEnum.Case])? {
        guard let values = schema.enumValues?.filter({ $0 != .null }), !values.isEmpty else { return nil }
        let types = schema.nonNullTypes
        var scope = NameScope(reserved: ["unknown"])
        var seen: Set<String> = []
        if types.isEmpty || types == [.string], values.allSatisfy({ $0.string != nil }) {
            let cases = values.compactMap(\.string).compactMap { value -> OpenEnum.Case? in
                guard seen.insert(value).inserted else { return nil }
                let base = value.isEmpty ? "empty" : Names.memberName(value)
                return OpenEnum.Case(name: scope.claim(base), rawValue: value)
            }
            return ("String", cases)
        }
        if types == [.integer] || types.isEmpty {
            var integers: [Int64] = []
            for value in values {
                guard case .integer(let number) = value else { return nil }
                integers.append(number)
            }
            let cases = integers.compactMap { number -> OpenEnum.Case? in
                guard seen.insert(String(number)).inserted else { return nil }
                let base = number < 0 ? "minus\(-number)" : "_\(number)"
                return OpenEnum.Case(name: scope.claim(base), rawValue: String(number))
            }
            return ("Int", cases)
        }
        return nil
    }

    /// Cases of a string enum, for parameter defaults.
    func stringEnumCases(_ schema: Schema) -> [OpenEnum.Case]? {
        guard let (rawType, cases) = enumCases(schema), rawType == "String" else { return nil }
        return cases
    }
}
