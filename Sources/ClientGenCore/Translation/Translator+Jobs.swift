import OpenAPI

/// Job factories from `x-job-status`, and paged sequences for limit/offset and cursor operations.
extension Translator {
    /// A property of a generated struct as the struct names it.
    struct PropertyInfo {
        var wireName: String
        var swiftName: String
        var schema: Schema
        var optional: Bool
        /// The member as an optional expression: `note`, or `note?.value` for a `Nullable<T>?` member.
        var read: String
    }

    /// The component or inline object schema a `$ref` chain ends at.
    func resolved(_ schema: Schema, depth: Int = 0) -> Schema {
        guard depth < 16, let reference = schema.reference, let target = component(reference) else { return schema }
        return resolved(target, depth: depth + 1)
    }

    /// Finds a property by wire name with the Swift name `structure(_:)` gives it (same claiming order).
    func property(_ wireName: String, of schema: Schema) -> PropertyInfo? {
        guard let object = flattenedObject(resolved(schema)) else { return nil }
        // The names chosen in the configuration, as `structure(_:)` applies them to a component's struct.
        let component = componentName(schema)
        let chosen = object.properties.compactMap { property in component.flatMap { propertyOverrides["\($0).\(property.name)"] } }
        var members = NameScope()
        for entry in chosen { _ = members.claim(entry.swiftName) }
        for property in object.properties {
            let swiftName = component.flatMap { propertyOverrides["\($0).\(property.name)"]?.swiftName }
                ?? members.claim(Names.memberName(property.name))
            guard property.name == wireName else { continue }
            let required = object.required.contains(property.name) && !property.schema.readOnly && !property.schema.writeOnly
            let nullable = isNullable(property.schema)
            return PropertyInfo(
                wireName: wireName, swiftName: swiftName, schema: property.schema, optional: !required || nullable,
                read: swiftName + (!required && nullable ? "?.value" : ""))
        }
        return nil
    }

    /// A member reached through nested objects (`links.next`, `data.attributes.status`), as the
    /// generated structs name each step.
    struct FieldPath {
        var steps: [PropertyInfo]
        /// The wire path, `links.next`.
        var name: String
        var schema: Schema { steps[steps.count - 1].schema }
        /// Whether the expression is optional (any step is).
        var optional: Bool { steps.contains(where: \.optional) }
        var lastOptional: Bool { steps[steps.count - 1].optional }

        /// `root.links?.next`: optional chaining after every optional step but the last.
        func expression(_ root: String) -> String {
            var text = root
            for (index, step) in steps.enumerated() {
                text += "." + step.read
                if index < steps.count - 1 && step.optional { text += "?" }
            }
            return text
        }
    }

    /// A member by its wire name, or by a dotted path into nested objects when no member has that name.
    func field(_ name: String, of schema: Schema) -> FieldPath? {
        if let info = property(name, of: schema) { return FieldPath(steps: [info], name: name) }
        let components = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard components.count > 1, !components.contains(where: \.isEmpty) else { return nil }
        var steps: [PropertyInfo] = []
        var current = schema
        for component in components {
            guard let info = property(component, of: current) else { return nil }
            steps.append(info)
            current = info.schema
        }
        return FieldPath(steps: steps, name: name)
    }

    /// The Swift type a scalar schema becomes (`String`, `UUID`, `Int64`, …); nil for anything else.
    func scalarType(_ schema: Schema) -> String? {
        let target = resolved(schema)
        guard target.nonNullTypes.count == 1, target.enumValues == nil else { return nil }
        switch target.nonNullTypes[0] {
        case .string: return target.format == "uuid" ? "UUID" : ["date-time", "date", "byte", "binary"].contains(target.format ?? "") ? nil : "String"
        case .integer: return target.format == "int64" ? "Int64" : target.format == "int32" ? "Int32" : "Int"
        default: return nil
        }
    }

    /// The expression passing a started job's id field to the status read's parameter, converted
    /// where the types differ (`UUID` → `String`, `String` → `Int64`, …), and whether it is optional
    /// (the field may be absent, or a conversion may fail); nil when no conversion exists.
    func idArgument(_ id: FieldPath, to parameter: Schema) -> (expression: String, optional: Bool)? {
        guard let from = scalarType(id.schema), let to = scalarType(parameter) else { return nil }
        let value = id.expression("started")
        if from == to { return (value, id.optional) }
        let conversion: String
        let failable: Bool
        switch (from, to) {
        case ("UUID", "String"): (conversion, failable) = ("$0.uuidString.lowercased()", false)
        case (_, "String"): (conversion, failable) = ("String($0)", false)
        case ("String", "UUID"): (conversion, failable) = ("UUID(uuidString: $0)", true)
        case ("String", _): (conversion, failable) = ("\(to)($0)", true)
        case ("UUID", _), (_, "UUID"): return nil
        default: (conversion, failable) = ("\(to)($0)", false)  // between integer widths
        }
        if id.optional {
            return ("\(value)\(failable ? ".flatMap" : ".map") { \(conversion) }", true)
        }
        return (conversion.replacingOccurrences(of: "$0", with: value), failable)
    }

    /// The component a `$ref` chain ends at.
    func componentName(_ schema: Schema, depth: Int = 0) -> String? {
        guard depth < 16, let reference = schema.reference, let name = JSONPointer.componentSchemaName(reference),
            let target = component(reference)
        else { return nil }
        return componentName(target, depth: depth + 1) ?? name
    }

    /// The JSON schema of an operation's lowest 2xx response with a body (what its builder returns).
    func successSchema(_ operation: Operation) -> Schema? {
        Self.successes(operation).first { !$0.content.isEmpty }?.content.first(where: \.isJSON)?.schema
    }

    /// An operation's 2xx responses, lowest status first (`2XX` after the codes).
    static func successes(_ operation: Operation) -> [Response] {
        operation.responses.filter(\.isSuccess).sorted { ($0.code ?? 299) < ($1.code ?? 299) }
    }

    /// - Parameter source: where the link comes from (the doc comment's remark says it).
    mutating func jobFactory(
        _ operation: Operation, link: JobStatusLink, builders: [String: RequestBuilder], operationsByID: [String: Operation],
        source: LinkPlan.Source
    ) -> JobFactory? {
        func fail(_ message: String) -> JobFactory? {
            diagnostics.append(Diagnostic(.error, message, at: link.mark, pointer: operation.pointer.appending("x-job-status").description))
            return nil
        }
        let statusOperation = link.statusOperation.flatMap { operationsByID[$0] } ?? operation
        if let name = link.statusOperation, operationsByID[name] == nil {
            return fail("x-job-status names operation '\(name)', which does not exist")
        }
        guard let statusBuilder = builders[statusOperation.operationID ?? ""] else {
            return fail("the job's status operation needs an operationId")
        }
        guard statusOperation.parameters.contains(where: { $0.name == link.parameter }),
            let argument = statusBuilder.parameters.first(where: { $0.name == Names.memberName(link.parameter) })
        else { return fail("the status operation has no parameter '\(link.parameter)'") }
        if statusBuilder.responseKind == .jsonOrEmpty || builders[operation.operationID ?? ""]?.responseKind == .jsonOrEmpty {
            return fail("a job's operations must answer with a body; one of them may answer with none (a 2xx response without content)")
        }
        guard let snapshotSchema = successSchema(statusOperation),
            let status = field(link.statusField, of: snapshotSchema)
        else { return fail("the status operation's response has no field '\(link.statusField)'") }

        let isEnum = enumeration(resolved(status.schema)) != nil
        var statusExpression = status.expression("snapshot")
        if isEnum { statusExpression += (status.lastOptional ? "?" : "") + ".rawValue" }
        if status.optional { statusExpression = "(\(statusExpression) ?? \"\")" }
        var progressExpression: String?
        if let name = link.progressField {
            guard let progress = field(name, of: snapshotSchema) else {
                return fail("the status operation's response has no field '\(name)'")
            }
            let value = progress.expression("snapshot")
            let isDouble = resolved(progress.schema).nonNullTypes == [.number] && resolved(progress.schema).format != "float"
            progressExpression = progress.optional
                ? (isDouble ? value : "\(value).map { Double($0) }")
                : (isDouble ? value : "Double(\(value))")
        }

        var lines = ["Follows the job until it succeeds or fails, by polling `\(statusBuilder.name)`."]
        lines.append("")
        lines.append("Ends with success on \(link.success.map { "`\($0)`" }.joined(separator: ", "))" +
                     (link.failure.isEmpty ? "." : " and with failure on \(link.failure.map { "`\($0)`" }.joined(separator: ", "))."))
        lines.append("Any other status, including ones this description does not list, keeps the job running.")
        if let result = link.resultField, let info = field(result, of: snapshotSchema) {
            lines.append("Once it succeeded, the result is in `\(info.steps.map(\.swiftName).joined(separator: "."))`.")
        }
        lines.append("")
        lines.append("    let finished = try await client.wait(for: \(options.resolvedNamespace).job(…))")
        lines.append("")
        switch source {
        case .description: lines.append("- Remark: Generated from `\(operation.pointer)/x-job-status`.")
        case .configuration: lines.append("- Remark: Generated from the configuration's `inference.x-job-status.\(operation.operationID ?? "")`.")
        case .inferred(let evidence): lines.append("- Remark: Inferred from the description: \(DocText.lines(evidence).joined(separator: " ")).")
        }

        if link.statusOperation != nil, let idField = link.idField {
            guard let startedSchema = successSchema(operation), let id = field(idField, of: startedSchema),
                let startedBuilder = builders[operation.operationID ?? ""]
            else { return fail("the response of '\(operation.operationID ?? operation.path)' has no field '\(idField)'") }
            guard let parameter = statusOperation.parameters.first(where: { $0.name == link.parameter }),
                let (statusArgument, optionalID) = idArgument(id, to: parameter.schema)
            else { return fail("the response field '\(idField)' cannot be passed as '\(link.parameter)': their types differ") }
            return JobFactory(
                doc: DocComment(lines: lines), name: "job", parameterLabel: "for", parameterName: "started",
                parameterType: startedBuilder.responseType, statusBuilder: statusBuilder.name,
                statusArgumentLabel: argument.name, statusArgument: statusArgument, optionalID: optionalID,
                snapshotType: statusBuilder.responseType, statusExpression: statusExpression,
                progressExpression: progressExpression, success: link.success, failure: link.failure)
        }
        return JobFactory(
            doc: DocComment(lines: lines), name: "job", parameterLabel: nil, parameterName: argument.name,
            parameterType: argument.type.unwrapped, statusBuilder: statusBuilder.name, statusArgumentLabel: argument.name,
            statusArgument: argument.name, snapshotType: statusBuilder.responseType,
            statusExpression: statusExpression, progressExpression: progressExpression,
            success: link.success, failure: link.failure)
    }

    /// A paged sequence for an operation, from `x-pagination`, a correction or an inferred link; nil
    /// when the link does not fit the operation (a parameter or field it names is missing).
    mutating func paginationBuilder(
        _ operation: Operation, link: PaginationLink, builder: RequestBuilder, name: String, nested: inout NestedTypes,
        declared: [Declaration] = []
    ) -> PaginationBuilder? {
        let queryNames = Set(builder.query.map(\.wireName))
        guard let pageSchema = successSchema(operation) else { return nil }
        let itemType: TypeRef
        let itemsExpression: String
        var itemsField: FieldPath?
        if case .array(let element) = builder.responseType, link.itemsField == nil {
            itemType = element
            itemsExpression = "page"
        } else {
            guard case .named = builder.responseType else { return nil }
            var itemsName = link.itemsField
            if itemsName == nil, let object = flattenedObject(resolved(pageSchema)) {
                let arrays = object.properties.filter { resolved($0.schema).nonNullTypes == [.array] }
                itemsName = arrays.count == 1 ? arrays[0].name : nil
            }
            // The element as the page's struct declares it (`[FileMini?]` keeps its `?`), else from the schema.
            guard let itemsName, let items = field(itemsName, of: pageSchema),
                let element = Self.declaredElementType(page: builder.responseType, path: items.steps.map(\.wireName), in: declared)
                    ?? arrayElementType(items.schema, nested: &nested)
            else { return nil }
            itemType = element
            itemsField = items
            itemsExpression = items.expression("page") + (items.optional ? " ?? []" : "")
        }
        func integer(_ name: String?) -> String? {
            guard let name, let info = field(name, of: pageSchema), resolved(info.schema).nonNullTypes == [.integer] else { return nil }
            let value = info.expression("page")
            if resolved(info.schema).format == "int64" { return value }
            return info.optional ? "\(value).map { Int64($0) }" : "Int64(\(value))"
        }
        let hasMore: String? = link.hasMoreField.flatMap { name in
            guard let info = field(name, of: pageSchema), resolved(info.schema).nonNullTypes == [.boolean] else { return nil }
            return info.expression("page")
        }
        if link.hasMoreField != nil && hasMore == nil { return nil }

        let skipped: String?
        let style: PaginationBuilder.Style
        switch link.style {
        case .offset:
            guard queryNames.contains(link.limitParameter), queryNames.contains(link.offsetParameter) else { return nil }
            skipped = link.offsetParameter
            let totalField = link.totalField ?? ["count", "total", "totalCount", "total_count"].first { property($0, of: pageSchema) != nil }
            style = .offset(limit: link.limitParameter, offset: link.offsetParameter, total: integer(totalField), hasMore: hasMore)
        case .page:
            guard queryNames.contains(link.pageParameter) else { return nil }
            if let size = link.sizeParameter, !queryNames.contains(size) { return nil }
            skipped = link.pageParameter
            let totalPages = integer(link.totalField)
            if link.totalField != nil && totalPages == nil { return nil }
            style = .page(parameter: link.pageParameter, size: link.sizeParameter, totalPages: totalPages, hasMore: hasMore)
        case .cursor:
            guard let cursor = link.cursorParameter, queryNames.contains(cursor) else { return nil }
            skipped = cursor
            if let next = link.nextField {
                guard let info = field(next, of: pageSchema) else { return nil }
                let types = resolved(info.schema).nonNullTypes
                let value = info.expression("page")
                if types == [.string] {
                    style = .cursor(parameter: cursor, next: value)
                } else if types == [.integer] {
                    style = .cursor(parameter: cursor, next: info.optional ? "\(value).map { String($0) }" : "String(\(value))")
                } else {
                    return nil
                }
            } else if let last = link.lastItemField {
                // The cursor is the last item's id, while the page says more follow.
                guard let items = itemsField, !itemType.isOptional, let element = resolved(items.schema).items?.value,
                    let id = field(last, of: element), let idType = scalarType(id.schema)
                else { return nil }
                var value = id.expression(items.expression("page") + (items.optional ? "?" : "") + ".last?")
                // The cursor goes into the query as text: a UUID in lower case, a number in digits.
                switch idType {
                case "String": break
                case "UUID": value = "(\(value)).map { $0.uuidString.lowercased() }"
                default: value = "(\(value)).map { String($0) }"
                }
                style = .cursor(parameter: cursor, next: hasMore.map { "\($0) == true ? \(value) : nil" } ?? value)
            } else {
                return nil
            }
        case .link:
            guard let next = link.nextField, let info = field(next, of: pageSchema),
                resolved(info.schema).nonNullTypes == [.string]
            else { return nil }
            skipped = nil
            style = .link(next: info.expression("page"))
        case .header:
            skipped = nil
            style = .header
        }
        let skippedSwift = skipped.flatMap { skipped in builder.query.first { $0.wireName == skipped }?.parameter }
        let parameters = builder.parameters.filter { $0.name != skippedSwift }
        let arguments = builder.parameters.map { parameter in
            PaginationBuilder.Argument(
                label: parameter.name.trimmingCharacters(in: ["`"]),
                value: parameter.name == skippedSwift ? (link.style == .offset ? "0" : "nil") : parameter.name)
        }
        let doc = DocComment(lines: [
            "Every page of `\(builder.name)`, fetched lazily as the sequence is iterated.",
            "",
            "    for try await item in client.items(\(options.resolvedNamespace).\(name)()) { … }",
        ])
        return PaginationBuilder(
            doc: doc, name: name, parameters: parameters, firstPage: builder.name, arguments: arguments,
            pageType: builder.responseType, itemType: itemType, items: itemsExpression, style: style)
    }

    /// The element type of the array member at `path` of `page`, as the declarations already made name
    /// it, qualified for use beside the page type: `ListTagsResponse.DataItem` for an inline element.
    static func declaredElementType(page: TypeRef, path: [String], in declared: [Declaration]) -> TypeRef? {
        guard case .named(let pageName) = page, !path.isEmpty else { return nil }
        func members(_ declarations: [Declaration]) -> [String: Declaration] {
            Dictionary(declarations.compactMap { declaration in declaration.name.map { ($0, declaration) } }, uniquingKeysWith: { first, _ in first })
        }
        let topLevel = members(declared)
        // The structs entered so far, outermost first, with their qualified names.
        var scopes: [(qualified: String, structure: Structure)] = []
        func lookUp(_ name: String) -> (qualified: String, structure: Structure)? {
            var components = name.split(separator: ".").map(String.init)
            let first = components.removeFirst()
            var found: (String, Declaration)?
            for scope in scopes.reversed() {
                if let declaration = members(scope.structure.nested)[first] { found = (scope.qualified + "." + first, declaration); break }
            }
            if found == nil, let declaration = topLevel[first] { found = (first, declaration) }
            guard var (qualified, declaration) = found else { return nil }
            for component in components {
                guard case .structure(let structure) = declaration, let inner = members(structure.nested)[component] else { return nil }
                qualified += "." + component
                declaration = inner
            }
            guard case .structure(let structure) = declaration else { return nil }
            return (qualified, structure)
        }
        func qualify(_ type: TypeRef) -> TypeRef {
            switch type {
            case .named(let name):
                let first = String(name.split(separator: ".")[0])
                for scope in scopes.reversed() where members(scope.structure.nested)[first] != nil {
                    return .named(scope.qualified + "." + name)
                }
                return type
            case .optional(let wrapped): return .optional(qualify(wrapped))
            case .array(let element): return .array(qualify(element))
            case .dictionary(let value): return .dictionary(qualify(value))
            case .nullable(let wrapped): return .nullable(qualify(wrapped))
            case .void: return type
            }
        }
        guard let root = lookUp(pageName) else { return nil }
        scopes.append(root)
        for (index, step) in path.enumerated() {
            guard let property = scopes.last!.structure.properties.first(where: { $0.wireName == step }) else { return nil }
            var type = property.type
            while true {
                if case .optional(let wrapped) = type { type = wrapped } else if case .nullable(let wrapped) = type { type = wrapped } else { break }
            }
            if index == path.count - 1 {
                guard case .array(let element) = type else { return nil }
                return qualify(element)
            }
            guard case .named(let name) = type, let next = lookUp(name) else { return nil }
            scopes.append(next)
        }
        return nil
    }

    private mutating func arrayElementType(_ schema: Schema, nested: inout NestedTypes) -> TypeRef? {
        let array = resolved(schema)
        guard let items = array.items?.value else { return .json }
        if let reference = items.reference { return referencedType(reference, items) }
        switch resolved(items).nonNullTypes {
        case [.string]: return .string
        case [.integer]: return .named(items.format == "int64" ? "Int64" : items.format == "int32" ? "Int32" : "Int")
        default: return nil  // inline element types are nested in the page struct; not worth guessing their path
        }
    }
}
