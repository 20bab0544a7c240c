import OpenAPI

/// What to generate for one description.
public struct GeneratorOptions: Hashable, Sendable {
    /// The Swift module the files belong to, e.g. `BrevoAPI`.
    public var moduleName: String
    /// The caseless enum holding server URLs and credential factories; derived from the module name when nil.
    public var namespace: String?
    /// The description's path as the user names it, shown in file headers (never an absolute path).
    public var specPath: String
    /// How the client is generated: names, inference, access level, imports (`ClientSettings`).
    public var settings: ClientSettings

    public init(moduleName: String, namespace: String? = nil, specPath: String, settings: ClientSettings) {
        self.moduleName = moduleName
        self.namespace = namespace
        self.specPath = specPath
        self.settings = settings
    }

    public init(
        moduleName: String, namespace: String? = nil, specPath: String, names: NameOverrides = NameOverrides(),
        inference: InferenceSettings = InferenceSettings()
    ) {
        var settings = ClientSettings()
        settings.names = names
        settings.inference = inference
        self.init(moduleName: moduleName, namespace: namespace, specPath: specPath, settings: settings)
    }

    /// Swift names chosen in the configuration for schemas, operations and properties.
    public var names: NameOverrides {
        get { settings.names }
        set { settings.names = newValue }
    }

    /// Which jobs and paged lists to infer, and corrections by operationId.
    public var inference: InferenceSettings {
        get { settings.inference }
        set { settings.inference = newValue }
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
    /// The scope's qualified name from the module's top level (`["Brevo"]`, `["Process", "Info"]`).
    let path: [String]

    /// `shared` are names every such scope avoids (the module's top-level types), `reserved` this one's own.
    init(shared: Set<String>, reserved: Set<String> = [], path: [String]) {
        scope = NameScope(shared: shared, reserved: reserved)
        self.path = path
    }
}

/// What a translation call needs to know about where it is, passed down as a value (never a
/// translator field set and reset around the call).
struct TypeContext {
    /// The component schema being translated (recursion checks, property overrides); nil in request builders.
    var component: String?
    /// The type of `format: binary` strings: `MultipartFile` inside an inline multipart body, `Data` elsewhere.
    var binaryType: TypeRef = .named("Data")
    /// Inside an `@available(*, deprecated)` struct: enums declared there are not shared, or using
    /// them elsewhere would warn.
    var insideDeprecated = false

    /// Request builders' parameters, bodies and responses.
    static let operation = TypeContext()
}

/// Translates a `Document` into Swift declarations grouped into files. Pure: no disk, no globals.
struct Translator {
    let document: Document
    let options: GeneratorOptions
    var diagnostics: [Diagnostic] = []
    /// One line per job and paged list, inferred or declared, in document order.
    var inferences: [Inference] = []
    /// Component schema name → Swift type name.
    private(set) var componentNames: [String: String] = [:]
    /// Every top-level type name in the module; nested scopes avoid them so nothing is shadowed.
    var topLevelNames: Set<String> = []
    private var componentSchemas: [String: Schema] = [:]
    /// Component schema name → the top-level name of the inline element a list or map component holds.
    private var itemNames: [String: String] = [:]
    private var warnedPointers: Set<String> = []
    /// Component → components it stores inline; filled lazily by `needsBox`.
    var inlineEdges: [String: Set<String>] = [:]
    let memo = TranslationMemo()
    /// Component schemas `typeOverrides` replaces with the user's types.
    var overriddenComponents: Set<String> = []
    /// `<schema>.<property>` overrides that named a property.
    var usedPropertyOverrides: Set<String> = []
    /// Schema pointer of a component body's inline object → its shared top-level type (`claimSharedBodies`).
    var sharedBodyNames: [String: String] = [:]
    var declaredSharedBodies: Set<String> = []
    var sharedBodyFiles: [SwiftFile] = []

    /// The configuration's name overrides by spec name (`names:` in clientgen.yaml).
    var schemaOverrides: [String: NameOverrides.Entry] = [:]
    var operationOverrides: [String: NameOverrides.Entry] = [:]
    var propertyOverrides: [String: NameOverrides.Entry] = [:]

    init(document: Document, options: GeneratorOptions) {
        self.document = document
        self.options = options
        schemaOverrides = Dictionary(options.names.schemas.map { ($0.specName, $0) }, uniquingKeysWith: { first, _ in first })
        operationOverrides = Dictionary(options.names.operations.map { ($0.specName, $0) }, uniquingKeysWith: { first, _ in first })
        propertyOverrides = Dictionary(options.names.properties.map { ($0.specName, $0) }, uniquingKeysWith: { first, _ in first })
        var scope = NameScope(reserved: [options.moduleName, options.resolvedNamespace])
        let chosen = document.components.schemas.compactMap { schemaOverrides[$0.name] }
        let natural = document.components.schemas.filter { schemaOverrides[$0.name] == nil }.map { component in
            let name = Names.typeName(component.name)
            return (component.name, Names.isReservedTypeName(name) ? options.resolvedNamespace + name : name)
        }
        // Chosen names are claimed first and kept exactly; one that is taken anyway is an error.
        for entry in chosen {
            let taken = [options.moduleName, options.resolvedNamespace].contains(entry.swiftName)
                ? "the module or its namespace"
                : natural.first { $0.1 == entry.swiftName }.map { "schema '\($0.0)'" }
            if let taken {
                overrideCollision(entry, kind: .schemas, with: taken)
            } else if scope.claim(entry.swiftName) != entry.swiftName {
                overrideCollision(entry, kind: .schemas, with: "another name in 'names.schemas'")
            }
            componentNames[entry.specName] = entry.swiftName
        }
        for (specName, name) in natural {
            componentNames[specName] = scope.claim(name)
        }
        for component in document.components.schemas {
            componentSchemas[component.name] = component.schema
        }
        // `typeOverrides`: every reference to the schema names the user's type, and nothing is declared for it.
        for entry in options.settings.typeOverrides {
            if componentSchemas[entry.specName] != nil {
                componentNames[entry.specName] = entry.swiftType
                overriddenComponents.insert(entry.specName)
            } else {
                unknownSchemaName(entry.specName, in: "typeOverrides.schemas", at: entry.mark, severity: .error)
            }
        }
        // A component that is a list or map of an inline shape declares the shape beside itself
        // (`Foo = [FooItem]`), under a top-level name claimed after every component's own.
        for component in document.components.schemas where !overriddenComponents.contains(component.name) {
            if let container = containerElement(component.schema), let name = componentNames[component.name] {
                itemNames[component.name] = scope.claim(name + container.suffix)
            }
        }
        topLevelNames = Set(componentNames.values).union(itemNames.values).union([options.moduleName])
    }

    /// One namespace per API holds servers, credentials and every request builder; the builders are
    /// split into one file per tag (`extension Brevo { … }`), the models into one file per schema.
    mutating func translate() -> [SwiftFile] {
        var topScope = NameScope(reserved: topLevelNames)
        let namespace = topScope.claim(options.resolvedNamespace)
        topLevelNames.insert(namespace)
        claimSharedBodies()

        // Operations grouped by their first tag, in order of first appearance; untagged ones by the
        // first segment of their path that names a resource (`/v1/customers/{id}` → `customers`), so a
        // description without tags does not put every builder into one file the compiler cannot split.
        var groups: [(tag: String, operations: [Operation])] = []
        var tagged = Set<String>()
        for operation in document.operations {
            let tag = operation.tags.first ?? Self.resourceName(operation.path)
            if operation.tags.first != nil { tagged.insert(tag) }
            if let index = groups.firstIndex(where: { $0.tag == tag }) {
                groups[index].operations.append(operation)
            } else {
                groups.append((tag, [operation]))
            }
        }

        // A component enum is the declaration every inline copy of its values aliases.
        for component in document.components.schemas
        where component.schema.reference == nil && !component.schema.deprecated && !overriddenComponents.contains(component.name) {
            // What `componentDeclaration` declares: the shape inside a one-member allOf or a union with null.
            let core = unwrapped(component.schema)
            if core.reference == nil, !isObjectStruct(core), let (rawType, cases) = enumeration(core),
                let name = componentNames[component.name]
            {
                let shape = EnumShape(rawType: rawType, cases: cases)
                if memo.sharedDeclarations[shape] == nil { memo.sharedDeclarations[shape] = name }
            }
        }

        var members = NameScope()
        let client = clientNamespace(namespace, members: &members)
        let naturalOperationNames = Dictionary(
            document.operations.filter { $0.operationID.map { operationOverrides[$0] == nil } ?? true }
                .map { (Names.memberName($0.operationID ?? synthesizedName($0)), $0.operationID ?? synthesizedName($0)) },
            uniquingKeysWith: { first, _ in first })
        var files = [SwiftFile(path: "\(namespace)+Client.swift", declarations: [.namespace(client)])]
        var nested = NestedTypes(shared: topLevelNames, path: [namespace])
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
                let name: String
                if let id = operation.operationID, let entry = operationOverrides[id] {
                    name = members.claim(entry.swiftName)
                    if let other = naturalOperationNames[entry.swiftName] {
                        overrideCollision(entry, kind: .operations, with: "operation '\(other)'")
                    } else if name != entry.swiftName {
                        overrideCollision(entry, kind: .operations, with: "another member of \(namespace)")
                    }
                } else {
                    name = members.claim(Names.memberName(operation.operationID ?? synthesizedName(operation)))
                }
                let builder = requestBuilder(operation, name: name, nested: &nested)
                declarations.append(.requestBuilder(builder))
                if let id = operation.operationID { builders[id] = builder }
                builtOperations.append((operation, builder, index))
                if let events = eventStreamBuilder(operation, alongside: builder, members: &members, nested: &nested) {
                    declarations.append(.requestBuilder(events))
                }
            }
            groupMembers.append(declarations)
            groupHoisted.append(Array(nested.declarations[before...]))
        }
        let operationsByID = Dictionary(
            document.operations.compactMap { op in op.operationID.map { ($0, op) } }, uniquingKeysWith: { first, _ in first })
        // The models before the paged lists, whose items may be of a type declared inside one.
        var modelFiles: [SwiftFile] = []
        for component in document.components.schemas where !overriddenComponents.contains(component.name) {
            let name = componentNames[component.name]!
            let declarations = componentDeclarations(
                component.schema, name: name, itemName: itemNames[component.name], TypeContext(component: component.name))
            modelFiles.append(SwiftFile(path: "Models/\(name).swift", declarations: declarations))
        }
        var jobSignatures: Set<String> = []
        checkInferenceSettings()
        let plan = linkPlan(builders: builders)
        inferences += plan.skipped
        for (operation, builder, index) in builtOperations {
            let id = operation.operationID ?? ""
            if let (link, source) = plan.pagination[id],
                let pagination = paginationBuilder(
                    operation, link: link, builder: builder, name: members.claim(builder.name + "Paginated"), nested: &nested,
                    declared: nested.declarations + modelFiles.flatMap(\.declarations))
            {
                groupMembers[index].append(.paginationBuilder(pagination))
                let evidence: String = switch source {
                case .inferred(let evidence): evidence
                case .description: Self.summary(link) + " (x-pagination)"
                case .configuration: Self.summary(link) + " (configuration)"
                }
                inferences.append(Inference(kind: .paged, operationID: id, line: "paged \(id): \(evidence)"))
            } else if let (_, source) = plan.pagination[id], case .inferred(let evidence) = source {
                inferences.append(Inference(
                    kind: .skipped, operationID: id,
                    line: "not paged \(id): \(evidence), but the items' type or a field's type does not fit"))
            } else if let (link, source) = plan.pagination[id], source == .description || source == .configuration {
                diagnostics.append(Diagnostic(
                    .warning, "the pagination given for '\(id)' (\(Self.summary(link))) does not fit the operation: a parameter or response field it names is missing or has another type",
                    at: link.mark, pointer: operation.pointer.description))
            }
            if let (link, source) = plan.jobs[id],
                let factory = jobFactory(operation, link: link, builders: builders, operationsByID: operationsByID, source: source)
            {
                let line: String = switch source {
                case .inferred(let evidence): "job \(evidence)"
                case .description: "job \(id)" + (link.statusOperation.map { " → \($0) by \(link.parameter)" } ?? " by \(link.parameter)") + " (x-job-status)"
                case .configuration: "job \(id)" + (link.statusOperation.map { " → \($0) by \(link.parameter)" } ?? " by \(link.parameter)") + " (configuration)"
                }
                inferences.append(Inference(kind: .job, operationID: id, line: line))
                if jobSignatures.insert("\(factory.parameterLabel ?? factory.parameterName):\(factory.parameterType)").inserted {
                    groupMembers[index].append(.jobFactory(factory))
                }
            }
        }
        for (index, group) in groups.enumerated() {
            let fileName = fileNames.claim(Names.typeName(group.tag) + "+Requests")
            let doc = DocComment(lines: [
                tagged.contains(group.tag)
                    ? "Requests for the operations tagged `\(DocText.lines(group.tag).joined(separator: " "))`."
                    : "Requests for the untagged operations under `\(DocText.lines(group.tag).joined(separator: " "))`."
            ])
            files.append(
                SwiftFile(
                    path: "Operations/\(fileName).swift",
                    declarations: [.extension(Extension(doc: doc, name: namespace, members: groupMembers[index] + groupHoisted[index]))]))
        }
        if let webhooks = webhookEnum(namespace: namespace) {
            let doc = DocComment(lines: ["The webhooks and callbacks \(DocText.lines(document.info.title).joined(separator: " ")) sends."])
            files.append(SwiftFile(
                path: "\(namespace)+Webhooks.swift",
                declarations: [.extension(Extension(doc: doc, name: namespace, members: [.webhooks(webhooks)]))]))
        }
        files += modelFiles + sharedBodyFiles
        warnUnusedOverrides()
        return files
    }

    /// The first path segment that names a resource: not a version (`v1`, `2024-01`), not `api`,
    /// not a parameter; `Operations` when there is none (`/`, `/{id}`).
    static func pathSegments(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }

    static func resourceName(_ path: String) -> String {
        for segment in pathSegments(path) {
            let text = segment.lowercased()
            if text.hasPrefix("{") || ["api", "rest", "public"].contains(text) { continue }
            if text.first == "v", text.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }), text.count > 1 { continue }
            if text.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "." }) { continue }
            if Names.typeName(segment).isEmpty { continue }
            return segment
        }
        return "Operations"
    }

    // MARK: Diagnostics

    mutating func warnOnce(_ message: String, _ schema: Schema, hint: String? = nil) {
        guard warnedPointers.insert(schema.pointer.description + message).inserted else { return }
        diagnostics.append(
            Diagnostic(.warning, message, at: schema.mark, pointer: schema.pointer.description, hint: hint))
    }

    // MARK: Components

    /// The declarations of one component's file: its type, and for a list or map of an inline
    /// shape the alias and the element type beside it (`itemName`, claimed at the top level).
    mutating func componentDeclarations(
        _ schema: Schema, name: String, itemName: String?, _ context: TypeContext
    ) -> [Declaration] {
        let doc = schemaDoc(schema, pointer: schema.pointer)
        if let itemName, let container = containerElement(schema) {
            var nested = NestedTypes(shared: topLevelNames, path: [])
            let elementDoc = schemaDoc(container.element, pointer: container.element.pointer)
            var type = declareInline(container.element, name: itemName, &nested, context, doc: elementDoc)
            for level in container.levels.reversed() {
                if level.elementNullable { type = type.optional }
                type = level.isArray ? .array(type) : .dictionary(type)
            }
            return [.typeAlias(TypeAlias(doc: doc, name: name, type: type))] + nested.declarations
        }
        return [componentDeclaration(schema, name: name, doc: doc, context)]
    }

    mutating func componentDeclaration(
        _ schema: Schema, name: String, doc: DocComment, _ context: TypeContext
    ) -> Declaration {
        // `allOf: [{type: object, …}]`, `oneOf: [{…}, {type: 'null'}]`: the component is the shape inside
        // (its nullability goes with every reference to it).
        let core = unwrapped(schema)
        if core.pointer != schema.pointer, isInlineShape(core) {
            return componentDeclaration(core, name: name, doc: doc, context)
        }
        if schema.reference == nil, isObjectStruct(schema) {
            return .structure(structure(schema, name: name, doc: doc, path: [name], context, deprecated: schema.deprecated))
        }
        if schema.reference == nil, let (rawType, cases) = enumCases(schema) {
            return .openEnum(openEnum(doc: doc, name: name, rawType: rawType, cases: cases))
        }
        switch openEnumIdiom(schema) {
        case .cases(let cases)?:
            return .openEnum(openEnum(doc: doc, name: name, rawType: "String", cases: cases))
        case .reference(let reference)?:
            return .typeAlias(TypeAlias(doc: doc, name: name, type: referencedType(reference, schema)))
        case nil:
            break
        }
        if schema.reference == nil, schema.properties.isEmpty, schema.allOf.isEmpty, variants(schema).count > 1 {
            return .oneOf(oneOfEnum(schema, name: name, doc: doc, path: [name], context))
        }
        if let start = context.component, isReferenceCycle(from: start) {
            warnOnce(
                "'\(start)' only refers to itself through $ref; generated as JSONValue", schema,
                hint: "give one schema of the cycle a type or properties")
            return .typeAlias(TypeAlias(doc: doc, name: name, type: .json))
        }
        var nested = NestedTypes(shared: topLevelNames, reserved: [name], path: [name])
        let type = typeRef(schema, suggested: name + "Value", &nested, context)
        if !nested.declarations.isEmpty {
            // An alias to an inline shape: keep the shape's types inside a namespace of the alias' name.
            return .namespace(Namespace(doc: doc, name: name, members: nested.declarations))
        }
        return .typeAlias(TypeAlias(doc: doc, name: name, type: type))
    }

    /// How a list or map component reaches the inline shape it holds: `Foo: {type: array, items:
    /// {type: object, …}}` is one array level and the element, named `Foo` + `suffix` (`FooItem`;
    /// `FooValue` for a map, `FooItemItem` for a list of lists). Nil when the innermost value is a
    /// `$ref` or a primitive, which need no declaration, or when the component is the shape itself.
    struct ContainerElement {
        var element: Schema
        var suffix: String
        /// Outermost first: a list or a map, and whether its values may be null.
        var levels: [(isArray: Bool, elementNullable: Bool)]
    }

    func containerElement(_ schema: Schema) -> ContainerElement? {
        var current = unwrapped(schema)
        var levels: [(isArray: Bool, elementNullable: Bool)] = []
        var suffix = ""
        for _ in 0..<16 {
            guard current.reference == nil else { return nil }
            if isInlineShape(current) {
                return levels.isEmpty ? nil : ContainerElement(element: current, suffix: suffix, levels: levels)
            }
            let types = current.nonNullTypes
            if types == [.array], let items = current.items?.value {
                levels.append((true, isNullable(items)))
                suffix += "Item"
                current = unwrapped(items)
            } else if types.isEmpty || types == [.object], case .schema(let values)? = current.additionalProperties?.value {
                levels.append((false, isNullable(values)))
                suffix += "Value"
                current = unwrapped(values)
            } else {
                return nil
            }
        }
        return nil
    }

    /// Through what `typeRef` sees through: a one-member `allOf`, a union with one non-null variant.
    func unwrapped(_ schema: Schema) -> Schema {
        var current = schema
        for _ in 0..<16 {
            guard current.reference == nil, current.properties.isEmpty else { return current }
            if current.allOf.count == 1, current.oneOf.isEmpty, current.anyOf.isEmpty {
                current = current.allOf[0]
            } else if current.allOf.isEmpty, case let members = variants(current), members.count == 1 {
                current = members[0]
            } else {
                return current
            }
        }
        return current
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

    /// The struct for an object schema, declared at `path` (its qualified name from the module's
    /// top level, ending in `name`).
    mutating func structure(
        _ schema: Schema, name: String, doc: DocComment, path: [String], _ context: TypeContext, deprecated: Bool
    ) -> Structure {
        let object = flattenedObject(schema) ?? (schema.properties, schema.required)
        var context = context
        if deprecated { context.insideDeprecated = true }
        var nested = NestedTypes(shared: topLevelNames, reserved: Set(path), path: path)
        var members = NameScope()
        var properties: [Structure.Property] = []
        let requiredNames = Set(object.required)
        // Overrides name the properties of a component's own struct, not of the types nested in it.
        let component = context.component.flatMap { componentNames[$0] == name && path == [name] ? $0 : nil }
        let chosen = object.properties.compactMap { property in
            component.flatMap { propertyOverrides["\($0).\(property.name)"] }
        }
        for entry in chosen { _ = members.claim(entry.swiftName) }
        for property in object.properties {
            let swiftName: String
            if let component, let entry = propertyOverrides["\(component).\(property.name)"] {
                swiftName = entry.swiftName
                usedPropertyOverrides.insert(entry.specName)
                if let other = object.properties.first(where: {
                    $0.name != property.name && propertyOverrides["\(component).\($0.name)"] == nil
                        && Names.memberName($0.name) == entry.swiftName
                }) {
                    overrideCollision(entry, kind: .properties, with: "property '\(other.name)' of '\(component)'")
                } else if chosen.filter({ $0.swiftName == entry.swiftName }).count > 1 {
                    overrideCollision(entry, kind: .properties, with: "another property of '\(component)'")
                }
            } else {
                swiftName = members.claim(Names.memberName(property.name))
            }
            var type = typeRef(property.schema, suggested: Names.typeName(property.name), &nested, context)
            // readOnly/writeOnly properties travel in one direction only, so neither side may require them.
            let required = requiredNames.contains(property.name) && !property.schema.readOnly && !property.schema.writeOnly
            let nullable = isNullable(property.schema)
            // Optional and nullable: `Nullable<T>?` keeps "absent", "null" and a value apart (its value
            // is stored out of line, so no box is needed for recursion).
            let triState = !required && nullable
            if triState { type = .nullable(type) }
            if !required || nullable { type = type.optional }
            let boxed = !triState && (directComponent(property.schema).map { needsBox(target: $0, current: context.component) } ?? false)
            var docParagraphs = DocText.summaryAndDescription(property.schema.title, property.schema.description)
            if property.schema.deprecated { docParagraphs.append(["- Warning: Deprecated."]) }
            properties.append(
                Structure.Property(
                    doc: DocText.comment(docParagraphs),
                    name: swiftName, wireName: property.name, type: type,
                    defaultValue: type.isOptional ? .nil : nil,
                    deprecated: property.schema.deprecated, boxed: boxed, encodesNil: required && nullable
                ))
        }
        let declaredNames = Set(object.properties.map(\.name))
        for required in object.required where !declaredNames.contains(required) {
            warnOnce("required property '\(required)' is not declared in 'properties'; ignored", schema)
        }
        // Every object keeps the members its description does not declare, so what the API sends comes
        // back unchanged when encoded again (a provider's new field survives a read-modify-write):
        // typed by `additionalProperties` when it has a schema, `JSONValue` otherwise; none for `false`,
        // and with `unknownMembers: declared` none where the schema does not mention them.
        var additional: Structure.AdditionalProperties?
        if let values = additionalPropertiesSchema(schema) {
            var valueType = typeRef(values, suggested: "AdditionalProperty", &nested, context)
            if isNullable(values) { valueType = valueType.optional }
            additional = .init(name: members.claim("additionalProperties"), valueType: valueType)
        } else if let declared = schema.additionalProperties?.value, declared != .allowed(false) {
            additional = .init(name: members.claim("additionalProperties"), valueType: .json)
        } else if schema.additionalProperties == nil, options.settings.unknownMembers == .keep {
            additional = .init(name: members.claim("additionalProperties"), valueType: .json)
        }
        return Structure(
            doc: doc, name: name, properties: properties, additionalProperties: additional,
            nested: nested.declarations, deprecated: deprecated)
    }

    // MARK: Types

    /// The Swift type for a schema, without the optional that nullability adds. Inline objects and
    /// enums are declared in `nested` under `suggested` (made unique there).
    mutating func typeRef(
        _ schema: Schema, suggested: String, _ nested: inout NestedTypes, _ context: TypeContext
    ) -> TypeRef {
        if let reference = schema.reference {
            // `#/components/schemas/A/properties/b`: the schema in there, declared here like an inline one.
            if JSONPointer.componentSchemaName(reference) == nil, let target = schemaInsideComponent(reference),
                memo.inProgress.insert(reference).inserted
            {
                defer { memo.inProgress.remove(reference) }
                return typeRef(target, suggested: suggested, &nested, context)
            }
            return referencedType(reference, schema)
        }
        if schema.allOf.count == 1, schema.oneOf.isEmpty, schema.anyOf.isEmpty, schema.properties.isEmpty {
            return typeRef(schema.allOf[0], suggested: suggested, &nested, context)
        }
        if let open = openEnumIdiom(schema), case .reference(let reference) = open {
            return referencedType(reference, schema)
        }
        let members = variants(schema)
        if members.count == 1, schema.properties.isEmpty, schema.allOf.isEmpty {
            return typeRef(members[0], suggested: suggested, &nested, context)
        }
        if isInlineShape(schema) {
            let name = nested.scope.claim(nestedName(suggested, in: nested.path))
            return declareInline(schema, name: name, &nested, context)
        }
        if !schema.allOf.isEmpty || members.count > 1 {
            warnOnce(
                "this combination of allOf/oneOf/anyOf is not generated; the value is decoded as JSONValue", schema,
                hint: "the value stays available as untyped JSON")
            return .json
        }
        let types = schema.nonNullTypes
        guard types.count <= 1 else { return .json }
        switch types.first {
        case .string?:
            switch schema.format {
            case "date-time": return .named("Date")
            case "uuid": return .named("UUID")
            case "binary": return context.binaryType
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
            var element = typeRef(items, suggested: suggested + "Item", &nested, context)
            if isNullable(items) { element = element.optional }
            return .array(element)
        case .object?, nil:
            if case .schema(let values)? = schema.additionalProperties?.value {
                var value = typeRef(values, suggested: suggested + "Value", &nested, context)
                if isNullable(values) { value = value.optional }
                return .dictionary(value)
            }
            if types.isEmpty { return literalType(schema.constValue) ?? .json }
            return .dictionary(.json)
        case .null?:
            return .json
        }
    }

    /// Whether `typeRef` declares a type of its own for this schema (an object, an enum, a union)
    /// rather than naming one: only these need a name in the enclosing scope.
    func isInlineShape(_ schema: Schema) -> Bool {
        guard schema.reference == nil else { return false }
        if variants(schema).count > 1, schema.properties.isEmpty, schema.allOf.isEmpty { return true }
        return enumeration(schema) != nil || isObjectStruct(schema)
    }

    /// Declares an inline object, enum or union under exactly `name` in `nested`; the caller has
    /// made `name` unique there.
    mutating func declareInline(
        _ schema: Schema, name: String, _ nested: inout NestedTypes, _ context: TypeContext, doc: DocComment? = nil
    ) -> TypeRef {
        let doc = doc ?? DocText.comment(DocText.summaryAndDescription(schema.title, schema.description))
        if openEnumIdiom(schema) == nil, variants(schema).count > 1, schema.properties.isEmpty, schema.allOf.isEmpty {
            nested.declarations.append(.oneOf(oneOfEnum(schema, name: name, doc: doc, path: nested.path + [name], context)))
            return .named(name)
        }
        if let (rawType, cases) = enumeration(schema) {
            nested.declarations.append(shared(
                .openEnum(openEnum(doc: doc, name: name, rawType: rawType, cases: cases)), name: name, doc: doc,
                shape: EnumShape(rawType: rawType, cases: cases), in: nested.path, context))
        } else {
            // Not `@available(*, deprecated)` even when the schema is: the property using it already
            // says so, and its own declaration and initialiser would warn in generated code.
            let inner = structure(schema, name: name, doc: doc, path: nested.path + [name], context, deprecated: false)
            nested.declarations.append(shared(
                .structure(inner), name: name, doc: doc, shape: StructShape(inner, memo), in: nested.path, context))
        }
        return .named(name)
    }

    /// `declaration` the first time its `shape` is seen in the module; after that a typealias of the
    /// same name to that first declaration. Descriptions repeat inline enums (Asana declares the same
    /// `opt_fields` list on dozens of operations, `allOf` copies a base's enums into every merged
    /// struct), inline objects (Klaviyo's JSON:API `{data: {type, id}}` relationships, hundreds of
    /// times) and response headers (Mastodon's rate limits on all 210 operations): every name
    /// stays, the compiler sees each shape once. Inside a deprecated struct nothing is registered:
    /// using it from elsewhere would warn.
    func shared(
        _ declaration: Declaration, name: String, doc: DocComment, shape: AnyHashable, in path: [String],
        _ context: TypeContext
    ) -> Declaration {
        if let first = memo.sharedDeclarations[shape] {
            return .typeAlias(TypeAlias(doc: doc, name: name, type: .named(first)))
        }
        if !context.insideDeprecated {
            memo.sharedDeclarations[shape] = (path + [name]).joined(separator: ".")
        }
        return declaration
    }

    /// `{const: message.delta}` without a `type`: the type of its one value.
    func literalType(_ literal: JSONLiteral?) -> TypeRef? {
        switch literal {
        case .string?: .string
        case .integer?: .named("Int")
        case .number?: .named("Double")
        case .bool?: .named("Bool")
        default: nil
        }
    }

    /// `{}`: a schema that says nothing about the value.
    func isAnyValue(_ schema: Schema) -> Bool {
        schema.reference == nil && schema.types.isEmpty && schema.properties.isEmpty && schema.allOf.isEmpty
            && schema.oneOf.isEmpty && schema.anyOf.isEmpty && schema.enumValues == nil && schema.constValue == nil
            && schema.additionalProperties == nil && schema.items == nil
    }

    /// A nested type may not shadow a type generated code uses: `data` in `Job` becomes `JobData`, not `Data`.
    func nestedName(_ suggested: String, in path: [String]) -> String {
        guard Names.isReservedTypeName(suggested) else { return suggested }
        return (path.last ?? options.resolvedNamespace) + suggested
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

    /// The schema a `$ref` names inside a component schema (`#/components/schemas/A/properties/b`,
    /// `…/items`, `…/oneOf/0`, `…/additionalProperties`), which PagerDuty's description uses for
    /// shared fields; nil when the pointer leads elsewhere.
    func schemaInsideComponent(_ reference: String) -> Schema? {
        guard let tokens = JSONPointer(reference: reference)?.tokens, tokens.count > 3,
            tokens[0] == "components", tokens[1] == "schemas", var current = componentSchemas[tokens[2]]
        else { return nil }
        var index = 3
        while index < tokens.count {
            if let reference = current.reference {
                guard let name = JSONPointer.componentSchemaName(reference), let target = componentSchemas[name] else {
                    return nil
                }
                current = target
            }
            let token = tokens[index]
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            switch token {
            case "properties":
                guard let name = next, let property = current.properties.first(where: { $0.name == name }) else { return nil }
                current = property.schema
                index += 2
            case "items":
                guard let items = current.items?.value else { return nil }
                current = items
                index += 1
            case "additionalProperties":
                guard case .schema(let values)? = current.additionalProperties?.value else { return nil }
                current = values
                index += 1
            case "oneOf", "anyOf", "allOf":
                let members = token == "oneOf" ? current.oneOf : token == "anyOf" ? current.anyOf : current.allOf
                guard let position = next.flatMap({ Int($0) }), members.indices.contains(position) else { return nil }
                current = members[position]
                index += 2
            default:
                return nil
            }
        }
        return current
    }

    /// The component schema a `$ref` names, if it is one.
    /// The schema a `$ref` names: a component, or a schema inside one (what `allOf` merging and
    /// union checks look through; only a component is ever named in generated code).
    func component(_ reference: String?) -> Schema? {
        guard let reference else { return nil }
        guard let name = JSONPointer.componentSchemaName(reference) else { return schemaInsideComponent(reference) }
        return componentSchemas[name]
    }

    /// `String` or `Int` for a string or integer enum (null entries skipped), nil when the schema is neither.
    func enumRawType(_ schema: Schema) -> String? {
        guard let values = schema.enumValues, values.contains(where: { $0 != .null }) else { return nil }
        let types = schema.nonNullTypes
        if types.isEmpty || types == [.string], values.allSatisfy({ $0 == .null || $0.string != nil }) { return "String" }
        if types == [.integer] || types.isEmpty, values.allSatisfy({ value in
            if case .integer = value { return true }
            return value == .null
        }) {
            return "Int"
        }
        return nil
    }

    /// The open enum a schema declares: the open-enum idiom's values, or its own string or integer enum.
    /// An enum of the description's values: a Swift enum, or constants above `enumCaseLimit` values.
    func openEnum(doc: DocComment, name: String, rawType: String, cases: [OpenEnum.Case]) -> OpenEnum {
        OpenEnum(doc: doc, name: name, rawType: rawType, cases: cases, form: enumForm(cases.count))
    }

    func enumForm(_ count: Int) -> OpenEnum.Form {
        count > options.settings.enumCaseLimit ? .constants : .enumeration
    }

    func enumeration(_ schema: Schema) -> (rawType: String, cases: [OpenEnum.Case])? {
        if case .cases(let cases)? = openEnumIdiom(schema) { return ("String", cases) }
        return enumCases(schema)
    }

    /// Cases for a string or integer enum (null entries skipped), or nil when the schema is neither.
    func enumCases(_ schema: Schema) -> (rawType: String, cases: [OpenEnum.Case])? {
        guard let rawType = enumRawType(schema), let values = schema.enumValues?.filter({ $0 != .null }) else { return nil }
        var scope = NameScope(reserved: ["unknown", "rawValue"])
        var seen: Set<String> = []
        if rawType == "String" {
            return ("String", stringCases(values.compactMap(\.string)))
        }
        let cases = values.compactMap { value -> OpenEnum.Case? in
            guard case .integer(let number) = value, seen.insert(String(number)).inserted else { return nil }
            let base = number < 0 ? "minus\(-number)" : "_\(number)"
            return OpenEnum.Case(name: scope.claim(base), rawValue: String(number))
        }
        return ("Int", cases)
    }

    /// Cases for string values in order, duplicates dropped, names made unique.
    func stringCases(_ values: [String]) -> [OpenEnum.Case] {
        var scope = NameScope(reserved: ["unknown", "rawValue"])
        var seen: Set<String> = []
        return values.compactMap { value -> OpenEnum.Case? in
            guard seen.insert(value).inserted else { return nil }
            return OpenEnum.Case(name: scope.claim(caseName(value)), rawValue: value)
        }
    }

    /// The case name for a string enum value, remembered: the same values recur across a
    /// description (Asana repeats each `opt_fields` list on dozens of operations).
    func caseName(_ value: String) -> String {
        if let known = memo.caseNames[value] { return known }
        let name = value.isEmpty ? "empty" : Names.memberName(value)
        memo.caseNames[value] = name
        return name
    }

    /// Cases of a string enum, for parameter defaults.
    func stringEnumCases(_ schema: Schema) -> [OpenEnum.Case]? {
        guard let (rawType, cases) = enumCases(schema), rawType == "String" else { return nil }
        return cases
    }
}
