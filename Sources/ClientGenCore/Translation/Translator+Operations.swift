import OpenAPI

extension Translator {
    /// `GET /processes/{processId}` → `getProcessesProcessId`, for operations without an operationId.
    func synthesizedName(_ operation: Operation) -> String {
        ([operation.method.rawValue] + operation.pathSegments).joined(separator: "-")
    }

    mutating func requestBuilder(_ operation: Operation, name: String, nested: inout NestedTypes) -> RequestBuilder {
        let typePrefix = Names.typeName(name)
        // The builder's own locals, so no parameter can shadow them.
        var locals = NameScope(reserved: ["queryItems", "headerFields"])
        var parameters: [(parameter: RequestBuilder.Parameter, required: Bool)] = []
        var parameterDocs: [String] = []
        var pathNames: [String: String] = [:]
        var query: [RequestBuilder.Field] = []
        var headers: [RequestBuilder.Field] = []
        var cookies: [RequestBuilder.Field] = []

        let ordered = operation.parameters.filter { $0.location == .path }.sorted { lhs, rhs in
            let names = PathTemplate(operation.path).parameterNames
            return (names.firstIndex(of: lhs.name) ?? 0) < (names.firstIndex(of: rhs.name) ?? 0)
        } + operation.parameters.filter { $0.location != .path }

        for parameter in ordered {
            guard let kind = parameterKind(parameter.schema) else {
                if isObjectParameter(parameter.schema) {
                    warnOnce(
                        "parameter '\(parameter.name)' is an object whose members are not all strings, numbers, booleans or enums, which cannot be sent in the \(parameter.location.rawValue) yet (objects go one level deep); skipped",
                        parameter.schema, hint: "describe nested members as strings, or send the value in a request body")
                } else {
                    warnOnce(
                        "parameter '\(parameter.name)' is an object, which cannot be sent in the \(parameter.location.rawValue) yet; skipped",
                        parameter.schema, hint: "describe it as a string, number, boolean, enum or a list of those")
                }
                continue
            }
            if kind == .object && parameter.location != .query {
                warnOnce(
                    "parameter '\(parameter.name)' is an object, which cannot be sent in the \(parameter.location.rawValue) yet; skipped",
                    parameter.schema, hint: "describe it as a string, number, boolean, enum or a list of those")
                continue
            }
            let style = queryStyle(parameter, kind: kind)
            var type = typeRef(parameter.schema, suggested: typePrefix + Names.typeName(parameter.name), &nested, .operation)
            // A list in a path, query or header has no spelling for a null element: `[String?]` is `[String]`.
            if case .array(.optional(let element)) = type { type = .array(element) }
            let swiftName = locals.claim(Names.memberName(parameter.name))
            let required = parameter.required
            if !required { type = type.optional }
            // A required parameter with a default (Klaviyo's `revision` header) is still always sent, but
            // callers need not spell it out.
            let given = defaultLiteral(parameter.schema, type: type)
            let defaultValue = required ? (given == .nil ? nil : given) : (given ?? .nil)
            parameters.append((RequestBuilder.Parameter(name: swiftName, type: type, defaultValue: defaultValue), required))
            parameterDocs.append(contentsOf: parameterDoc(swiftName, parameter.description))
            let field = RequestBuilder.Field(wireName: parameter.name, parameter: swiftName, kind: kind, style: style)
            switch parameter.location {
            case .path: pathNames[parameter.name] = swiftName
            case .query: query.append(field)
            case .header: headers.append(field)
            case .cookie: cookies.append(field)
            }
        }

        var body: RequestBuilder.Body?
        if let requestBody = operation.requestBody, let media = preferredMedia(requestBody.content) {
            let swiftName = locals.claim("body")
            var type: TypeRef
            switch bodyEncoding(media) {
            case .json:
                type = media.schema.map { bodyType($0, suggested: typePrefix + "Body", &nested, .operation) } ?? .json
                if let schema = media.schema, isNullable(schema) { type = type.optional }
                body = .json(parameter: swiftName)
            case .form:
                type = typeRef(media.schema!, suggested: typePrefix + "Body", &nested, .operation)
                body = .form(parameter: swiftName)
            case .multipart:
                // Inline `format: binary` members become files that can carry a filename and a content type.
                type = typeRef(
                    media.schema!, suggested: typePrefix + "Body", &nested, TypeContext(binaryType: .named("MultipartFile")))
                body = .multipart(parameter: swiftName)
            case .data:
                type = .named("Data")
                body = .data(parameter: swiftName, contentType: media.contentType)
            }
            if !requestBody.required { type = type.optional }
            parameters.append((.init(name: swiftName, type: type, defaultValue: requestBody.required ? nil : .nil), requestBody.required))
            parameterDocs.append(contentsOf: parameterDoc(swiftName, requestBody.description ?? "The request body."))
        }

        let path: [RequestBuilder.PathPart] = PathTemplate(operation.path).components.map {
            switch $0 {
            case .literal(let text): .literal(text)
            case .parameter(let name): pathNames[name].map { .parameter($0) } ?? .literal("{\(name)}")
            }
        }

        let (responseType, responseKind) = successResponse(operation, typePrefix: typePrefix, nested: &nested)
        let headersType = responseHeaders(operation, builderName: name, typePrefix: typePrefix, nested: &nested)
        let errors = errorBodies(operation, typePrefix: typePrefix, nested: &nested)
        let security = (operation.security ?? document.security ?? []).map(\.schemes)

        // Required parameters first, in spec order, then the optional ones.
        let sortedParameters = parameters.filter(\.required).map(\.parameter) + parameters.filter { !$0.required }.map(\.parameter)
        var docParagraphs = DocText.summaryAndDescription(operation.summary, operation.description)
        if !parameterDocs.isEmpty { docParagraphs.append(["- Parameters:"] + parameterDocs) }
        if responseKind == .jsonOrEmpty {
            docParagraphs.append(["- Returns: nil when the response has no body (\(bodilessStatuses(operation)))."])
        }
        var remarks = [
            "- Remark: HTTP `\(operation.method.rawValue.uppercased()) \(DocText.lines(operation.path).joined())`.",
            "- Remark: Generated from `\(operation.pointer)`.",
        ]
        if let headersType { remarks.insert("- Remark: Response headers: `\(headersType)`.", at: 1) }
        docParagraphs.append(remarks)
        return RequestBuilder(
            doc: DocText.comment(docParagraphs), name: name,
            operationID: operation.operationID ?? name,
            method: operation.method.rawValue, parameters: sortedParameters, path: path, query: query,
            headers: headers, cookies: cookies, body: body, security: security, errors: errors, responseType: responseType,
            responseKind: responseKind, deprecated: operation.deprecated
        )
    }

    /// `204`, or `202 and 204`: the 2xx statuses without a body.
    private func bodilessStatuses(_ operation: Operation) -> String {
        let statuses = operation.responses.filter { $0.isSuccess && $0.content.isEmpty }.map(\.status)
        return statuses.count == 1 ? statuses[0] : statuses.dropLast().joined(separator: ", ") + " and " + statuses.last!
    }

    private func parameterDoc(_ name: String, _ description: String?) -> [String] {
        let lines = DocText.lines(description)
        guard let first = lines.first else { return ["  - \(name.trimmingCharacters(in: ["`"]))"] }
        return ["  - \(name.trimmingCharacters(in: ["`"])): \(first)"] + lines.dropFirst().map { $0.isEmpty ? "" : "    " + $0 }
    }

    /// Whether the runtime can send a value of this schema as a path, query, header or cookie value:
    /// primitives and enums, a list of them, or an object (struct or dictionary) of them; nil otherwise.
    func parameterKind(_ schema: Schema, depth: Int = 0) -> RequestBuilder.Field.Kind? {
        guard depth < 16 else { return nil }
        if let reference = schema.reference {
            guard let target = component(reference) else { return nil }
            return parameterKind(target, depth: depth + 1)
        }
        if schema.allOf.count == 1, schema.properties.isEmpty { return parameterKind(schema.allOf[0], depth: depth + 1) }
        // The open-enum idiom is one string (an open enum, or the component enum it aliases).
        if openEnumIdiom(schema) != nil { return .single }
        let members = variants(schema)
        if members.count == 1, schema.properties.isEmpty { return parameterKind(members[0], depth: depth + 1) }
        if members.isEmpty, isObjectStruct(schema), let object = flattenedObject(schema) {
            let flat = object.properties.allSatisfy { parameterKind($0.schema, depth: depth + 1) == .single }
            return flat ? .object : nil
        }
        guard members.isEmpty, schema.allOf.isEmpty, schema.properties.isEmpty else { return nil }
        if enumRawType(schema) != nil { return .single }
        switch schema.nonNullTypes {
        case [.string], [.integer], [.number], [.boolean]: return .single
        case [.array]:
            guard let items = schema.items?.value, parameterKind(items, depth: depth + 1) == .single else { return nil }
            return .list
        case [.object], []:
            guard case .schema(let values)? = schema.additionalProperties?.value,
                parameterKind(values, depth: depth + 1) == .single
            else { return nil }
            return .object
        default: return nil
        }
    }

    /// An object with properties (whatever their types), for telling apart the warnings about parameters.
    private func isObjectParameter(_ schema: Schema) -> Bool {
        isObjectStruct(component(schema.reference) ?? schema)
    }

    /// The OpenAPI `style` and `explode` of a query parameter (form and exploded by default).
    private mutating func queryStyle(_ parameter: Parameter, kind: RequestBuilder.Field.Kind) -> RequestBuilder.Field.Style {
        let style = parameter.style ?? (parameter.location == .query || parameter.location == .cookie ? "form" : "simple")
        let explode = parameter.explode ?? (style == "form")
        guard parameter.location == .query else {
            let expected = parameter.location == .cookie ? "form" : "simple"
            if style != expected {
                warnOnce(
                    "style '\(style)' of \(parameter.location.rawValue) parameter '\(parameter.name)' is not supported; sent in style '\(expected)'",
                    parameter.schema, hint: "use style '\(expected)'")
            }
            return .form(explode: explode)
        }
        switch style {
        case "form":
            return .form(explode: explode)
        case "spaceDelimited", "pipeDelimited":
            // Exploded, both write every value as its own item, as `form` does.
            if explode { return .form(explode: true) }
            return style == "spaceDelimited" ? .spaceDelimited : .pipeDelimited
        case "deepObject" where kind == .object:
            return .deepObject
        case "deepObject":
            warnOnce(
                "style 'deepObject' of parameter '\(parameter.name)' applies to objects; sent in style 'form'", parameter.schema,
                hint: "use style 'form' for a value that is not an object")
            return .form(explode: true)
        default:
            warnOnce(
                "style '\(style)' is not a query style; parameter '\(parameter.name)' is sent in style 'form'", parameter.schema,
                hint: "use one of form, spaceDelimited, pipeDelimited, deepObject")
            return .form(explode: explode)
        }
    }

    enum BodyEncoding { case json, form, multipart, data }

    /// JSON when offered; else a form or multipart body of an object; else the first content type.
    func preferredMedia(_ content: [MediaType]) -> MediaType? {
        content.first(where: \.isJSON) ?? content.first { bodyEncoding($0) != .data } ?? content.first
    }

    /// How a body of this media type is built: form and multipart only for objects with properties.
    func bodyEncoding(_ media: MediaType) -> BodyEncoding {
        if media.isJSON { return .json }
        guard let schema = media.schema, isObjectStruct(component(schema.reference) ?? schema) else { return .data }
        switch media.contentType.split(separator: ";").first.map({ $0.filter { $0 != " " && $0 != "\t" }.lowercased() }) {
        case "application/x-www-form-urlencoded": return .form
        case "multipart/form-data": return .multipart
        default: return .data
        }
    }

    /// The lowest 2xx response with a body decides the builder's `Response` type; when another 2xx
    /// response has no body (`200` JSON and `204`), the type is optional and an empty body is nil.
    mutating func successResponse(
        _ operation: Operation, typePrefix: String, nested: inout NestedTypes
    ) -> (TypeRef, RequestBuilder.ResponseKind) {
        let successes = Self.successes(operation)
        guard let response = successes.first(where: { !$0.content.isEmpty }),
            let media = response.content.first(where: \.isJSON) ?? response.content.first(where: Self.isStream)
                ?? response.content.first
        else {
            return (.void, .empty)
        }
        if Self.isStream(media) { return eventType(media, typePrefix: typePrefix, nested: &nested) }
        guard media.isJSON else { return (.named("Data"), .data) }
        let mayBeEmpty = successes.contains { $0.content.isEmpty }
        guard let schema = media.schema else { return mayBeEmpty ? (.optional(.json), .jsonOrEmpty) : (.json, .json) }
        var type = bodyType(schema, suggested: typePrefix + "Response", &nested, .operation)
        if mayBeEmpty { return (type.optional, .jsonOrEmpty) }
        if isNullable(schema) { type = type.optional }
        return (type, .json)
    }

    static func isStream(_ media: MediaType) -> Bool { media.isEventStream || media.isJSONLines }

    /// The element type and decoding of a streamed response: what each server-sent event's `data`
    /// (or each JSON line) holds; the whole event when the schema has the event's fields (`data`,
    /// and `event`, `id`, `retry`), as Mistral's do; the events untyped when there is no schema or
    /// a string one.
    mutating func eventType(
        _ media: MediaType, typePrefix: String, nested: inout NestedTypes
    ) -> (TypeRef, RequestBuilder.ResponseKind) {
        guard let schema = media.schema else {
            return media.isJSONLines ? (.json, .jsonLines(contentType: media.essence)) : (.named("ServerSentEvent"), .rawServerSentEvents)
        }
        let resolved = component(schema.reference) ?? schema
        if media.isEventStream, resolved.nonNullTypes == [.string], resolved.enumValues == nil {
            return (.named("ServerSentEvent"), .rawServerSentEvents)
        }
        let type = bodyType(schema, suggested: typePrefix + "Event", &nested, .operation)
        guard media.isEventStream else { return (type, .jsonLines(contentType: media.essence)) }
        let fields = Set(flattenedObject(resolved)?.properties.map(\.name) ?? [])
        let isWholeEvent = fields.contains("data") && fields.isSubset(of: ["event", "data", "id", "retry"])
        return (type, isWholeEvent ? .serverSentEventObjects : .serverSentEvents)
    }

    /// A second builder for an operation whose 2xx response offers JSON and a stream (chat
    /// completions with `stream: true`): the same request, asking for the stream.
    mutating func eventStreamBuilder(
        _ operation: Operation, alongside builder: RequestBuilder, members: inout NameScope, nested: inout NestedTypes
    ) -> RequestBuilder? {
        guard !builder.responseKind.isStream,
            let response = Self.successes(operation).first(where: { !$0.content.isEmpty }),
            let media = response.content.first(where: Self.isStream)
        else { return nil }
        var events = builder
        events.name = members.claim(builder.name + "Events")
        (events.responseType, events.responseKind) = eventType(media, typePrefix: Names.typeName(events.name), nested: &nested)
        var lines = builder.doc.lines
        let note = "- Remark: The `\(media.essence)` response of `\(builder.name)`, as a stream of events."
        if let remark = lines.firstIndex(where: { $0.hasPrefix("- Remark:") }) {
            lines.insert(contentsOf: [note, ""], at: remark)
        } else {
            lines += ["", note]
        }
        events.doc = DocComment(lines: lines)
        return events
    }

    /// A struct of the headers the 2xx responses declare (their union, first declaration wins), or nil.
    mutating func responseHeaders(
        _ operation: Operation, builderName: String, typePrefix: String, nested: inout NestedTypes
    ) -> String? {
        let successes = operation.responses.filter(\.isSuccess)
        var declared: [ResponseHeader] = []
        for header in successes.flatMap(\.headers)
        where !declared.contains(where: { $0.name.lowercased() == header.name.lowercased() }) {
            declared.append(header)
        }
        guard !declared.isEmpty else { return nil }
        var names = NameScope()
        var fields: [ResponseHeadersStructure.Field] = []
        for header in declared {
            guard let kind = parameterKind(header.schema), kind != .object else {
                warnOnce(
                    "response header '\(header.name)' is an object, which cannot be read from a header yet; skipped",
                    header.schema, hint: "describe it as a string, number, boolean, enum or a list of those")
                continue
            }
            var type = typeRef(header.schema, suggested: typePrefix + Names.typeName(header.name), &nested, .operation).unwrapped
            if kind == .list, case .array(let element) = type { type = element.unwrapped }
            var paragraphs = DocText.summaryAndDescription(nil, header.description)
            if header.deprecated { paragraphs.append(["- Warning: Deprecated."]) }
            fields.append(.init(
                doc: DocText.comment(paragraphs), name: names.claim(Names.memberName(header.name)),
                wireName: header.name, type: type, isList: kind == .list,
                // Required only when every 2xx response declares it required.
                required: header.required && successes.allSatisfy { response in
                    response.headers.contains { $0.name.lowercased() == header.name.lowercased() && $0.required }
                }))
        }
        guard !fields.isEmpty else { return nil }
        let name = nested.scope.claim(typePrefix + "Headers")
        let doc = DocComment(lines: [
            "The headers of a `\(builderName)` response: `try response.headers(as: \(options.resolvedNamespace).\(name).self)`",
            "on what `APIClient.response(for:)` returns.",
        ])
        // Mastodon declares the same rate-limit headers on all 210 operations: one struct, and a
        // typealias of each operation's name to it.
        nested.declarations.append(shared(
            .responseHeaders(ResponseHeadersStructure(doc: doc, name: name, fields: fields)), name: name, doc: doc,
            shape: fields, in: nested.path, .operation))
        return name
    }

    mutating func errorBodies(
        _ operation: Operation, typePrefix: String, nested: inout NestedTypes
    ) -> [RequestBuilder.ErrorBody] {
        var errors: [RequestBuilder.ErrorBody] = []
        for response in operation.responses where !response.isSuccess {
            guard let media = response.content.first(where: \.isJSON), let schema = media.schema else { continue }
            let status: RequestBuilder.ErrorBody.Status
            if let code = response.code {
                status = .code(code)
            } else if let range = response.rangeClass {
                status = .range(range)
            } else {
                status = .default
            }
            let suffix = response.isDefault ? "DefaultError" : "Error" + response.status.uppercased()
            let type = bodyType(schema, suggested: typePrefix + suffix, &nested, .operation)
            errors.append(.init(status: status, type: type))
        }
        return errors
    }

    /// A parameter's spec default as a Swift literal of its type; nil (with a warning) when it does not fit.
    mutating func defaultLiteral(_ schema: Schema, type: TypeRef) -> Literal? {
        guard let value = schema.defaultValue ?? component(schema.reference)?.defaultValue else { return nil }
        let enumSchema = schema.reference == nil ? schema : component(schema.reference)
        if let cases = enumSchema.flatMap(stringEnumCases), case .string(let raw) = value {
            if let match = cases.first(where: { $0.rawValue == raw }) { return .enumCase(match.name) }
            let unlisted = enumForm(cases.count) == .enumeration ? "unknown(" : "init(rawValue: "
            return .enumCase(unlisted + SwiftLiteral.string(raw) + ")")
        }
        switch (type.unwrapped, value) {
        case (.named("String"), .string(let text)): return .string(text)
        case (.named("Int"), .integer(let number)), (.named("Int64"), .integer(let number)): return .integer(number)
        case (.named("Int32"), .integer(let number)) where Int64(Int32.min)...Int64(Int32.max) ~= number:
            return .integer(number)
        case (.named("Double"), .integer(let number)), (.named("Float"), .integer(let number)): return .double(Double(number))
        case (.named("Double"), .number(let number)), (.named("Float"), .number(let number)): return .double(number)
        case (.named("Bool"), .bool(let flag)): return .bool(flag)
        case (_, .null): return .nil
        default:
            warnOnce("default value does not match the schema's type; ignored", schema,
                     hint: "write a default of the declared type")
            return nil
        }
    }
}
