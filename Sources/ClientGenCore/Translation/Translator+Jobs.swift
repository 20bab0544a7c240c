import OpenAPI

/// Job factories from `x-job-status`, and paged sequences for limit/offset and cursor operations.
extension Translator {
    /// A property of a generated struct as the struct names it.
    struct PropertyInfo {
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
                swiftName: swiftName, schema: property.schema, optional: !required || nullable,
                read: swiftName + (!required && nullable ? "?.value" : ""))
        }
        return nil
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
        operation.responses.filter(\.isSuccess).sorted { ($0.code ?? 299) < ($1.code ?? 299) }
            .first { !$0.content.isEmpty }?.content.first(where: \.isJSON)?.schema
    }

    mutating func jobFactory(
        _ operation: Operation, link: JobStatusLink, builders: [String: RequestBuilder], operationsByID: [String: Operation]
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
            let status = property(link.statusField, of: snapshotSchema)
        else { return fail("the status operation's response has no field '\(link.statusField)'") }

        let isEnum = enumCases(resolved(status.schema)) != nil
        var statusExpression = "snapshot.\(status.read)" + (status.optional ? "?" : "") + (isEnum ? ".rawValue" : "")
        if status.optional { statusExpression = "(\(statusExpression) ?? \"\")" }
        var progressExpression: String?
        if let field = link.progressField {
            guard let progress = property(field, of: snapshotSchema) else {
                return fail("the status operation's response has no field '\(field)'")
            }
            let value = "snapshot.\(progress.read)"
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
        if let result = link.resultField, let info = property(result, of: snapshotSchema) {
            lines.append("Once it succeeded, the result is in `\(info.swiftName)`.")
        }
        lines.append("")
        lines.append("    let finished = try await client.wait(for: \(options.resolvedNamespace).job(…))")
        lines.append("")
        lines.append("- Remark: Generated from `\(operation.pointer)/x-job-status`.")

        if link.statusOperation != nil, let idField = link.idField {
            guard let startedSchema = successSchema(operation), let id = property(idField, of: startedSchema),
                let startedBuilder = builders[operation.operationID ?? ""]
            else { return fail("the response of '\(operation.operationID ?? operation.path)' has no field '\(idField)'") }
            return JobFactory(
                doc: DocComment(lines: lines), name: "job", parameterLabel: "for", parameterName: "started",
                parameterType: startedBuilder.responseType, statusBuilder: statusBuilder.name,
                statusArgumentLabel: argument.name,
                statusArgument: "started.\(id.read)" + (id.optional ? " ?? 0" : ""),
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

    /// A paged sequence for an operation, from `x-pagination` or the limit/offset convention.
    mutating func paginationBuilder(_ operation: Operation, builder: RequestBuilder, name: String, nested: inout NestedTypes) -> PaginationBuilder? {
        let link = operation.pagination
        let queryNames = Set(builder.query.map(\.wireName))
        let style = link?.style ?? .offset
        let limit = link?.limitParameter ?? "limit"
        let offset = link?.offsetParameter ?? "offset"
        if link == nil {
            let integers = operation.parameters.filter { $0.location == .query && resolved($0.schema).nonNullTypes == [.integer] }
            guard integers.contains(where: { $0.name == limit }), integers.contains(where: { $0.name == offset }) else { return nil }
        }
        guard let pageSchema = successSchema(operation), let object = flattenedObject(resolved(pageSchema)) else { return nil }
        let arrays = object.properties.filter { resolved($0.schema).nonNullTypes == [.array] }
        let itemsName = link?.itemsField ?? (arrays.count == 1 ? arrays[0].name : nil)
        guard let itemsName, let items = property(itemsName, of: pageSchema),
            case .named = builder.responseType
        else { return nil }
        guard let itemType = arrayElementType(items.schema, nested: &nested) else { return nil }
        let itemsExpression = "page.\(items.read)" + (items.optional ? " ?? []" : "")

        let skipped: String
        let paginationStyle: PaginationBuilder.Style
        switch style {
        case .offset:
            guard queryNames.contains(limit), queryNames.contains(offset) else { return nil }
            skipped = offset
            var total: String?
            let totalField = link?.totalField ?? ["count", "total", "totalCount", "total_count"].first { property($0, of: pageSchema) != nil }
            if let totalField, let info = property(totalField, of: pageSchema), resolved(info.schema).nonNullTypes == [.integer] {
                let isInt64 = resolved(info.schema).format == "int64"
                total = isInt64 ? "page.\(info.read)" : info.optional
                    ? "page.\(info.read).map { Int64($0) }" : "Int64(page.\(info.read))"
            }
            paginationStyle = .offset(limit: limit, offset: offset, total: total)
        case .cursor:
            guard let cursor = link?.cursorParameter, let next = link?.nextField, queryNames.contains(cursor),
                let nextInfo = property(next, of: pageSchema)
            else { return nil }
            skipped = cursor
            paginationStyle = .cursor(parameter: cursor, next: "page.\(nextInfo.read)")
        }
        let skippedSwift = builder.query.first { $0.wireName == skipped }?.parameter
        let parameters = builder.parameters.filter { $0.name != skippedSwift }
        let arguments = builder.parameters.map { parameter in
            PaginationBuilder.Argument(
                label: parameter.name.trimmingCharacters(in: ["`"]),
                value: parameter.name == skippedSwift ? (style == .offset ? "0" : "nil") : parameter.name)
        }
        let doc = DocComment(lines: [
            "Every page of `\(builder.name)`, fetched lazily as the sequence is iterated.",
            "",
            "    for try await item in client.items(\(options.resolvedNamespace).\(name)()) { … }",
        ])
        return PaginationBuilder(
            doc: doc, name: name, parameters: parameters, firstPage: builder.name, arguments: arguments,
            pageType: builder.responseType, itemType: itemType, items: itemsExpression, style: paginationStyle)
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
