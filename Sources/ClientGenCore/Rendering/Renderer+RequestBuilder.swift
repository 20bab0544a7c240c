import Foundation

extension Renderer {
    func render(_ builder: RequestBuilder, into writer: inout CodeWriter) {
        writer.doc(builder.doc)
        if builder.deprecated { writer.line("@available(*, deprecated)") }
        let parameters = builder.parameters.map { SwiftLiteral.parameter($0.name, $0.type, default: $0.defaultValue) }
        let response = builder.responseKind.isStream
            ? "EventStream<\(SwiftLiteral.type(builder.responseType))>" : SwiftLiteral.type(builder.responseType)
        let signature = "\(access) static func \(builder.name)(\(parameters.joined(separator: ", "))) -> Request<\(response)>"
        writer.block(signature) { writer in
            if !builder.query.isEmpty {
                writer.line("var queryItems = QueryItems()")
                for field in builder.query {
                    writer.line("queryItems.append(\(SwiftLiteral.string(field.wireName)), \(field.parameter)\(Self.styleArgument(field)))")
                }
            }
            if !builder.headers.isEmpty || !builder.cookies.isEmpty {
                writer.line("var headerFields = HeaderFields()")
                for field in builder.headers {
                    writer.line("headerFields.append(\(SwiftLiteral.string(field.wireName)), \(field.parameter))")
                }
                for field in builder.cookies {
                    writer.line("headerFields.appendCookie(\(SwiftLiteral.string(field.wireName)), \(field.parameter))")
                }
            }
            var arguments: [String] = [
                "operationID: \(SwiftLiteral.string(builder.operationID))",
                "method: .\(builder.method)",
                "path: \(pathExpression(builder.path))",
            ]
            if !builder.query.isEmpty { arguments.append("query: queryItems") }
            let hasHeaders = !builder.headers.isEmpty || !builder.cookies.isEmpty
            if hasHeaders { arguments.append("headers: headerFields") }
            if let body = builder.body {
                let optional = builder.parameters.first { $0.name == body.parameter }?.type.isOptional ?? false
                let (function, value, extra): (String, String, String) = switch body {
                case .json(let parameter): ("json", parameter, "")
                case .form(let parameter): ("form", parameter, "")
                case .multipart(let parameter): ("multipart", parameter, "")
                case .data(let parameter, let contentType): ("data", parameter, ", contentType: \(SwiftLiteral.string(contentType))")
                }
                arguments.append(optional ? "body: \(value).map { .\(function)($0\(extra)) }" : "body: .\(function)(\(value)\(extra))")
            }
            if !builder.security.isEmpty {
                let alternatives = builder.security.map { "[" + $0.map(SwiftLiteral.string).joined(separator: ", ") + "]" }
                arguments.append("security: [\(alternatives.joined(separator: ", "))]")
            }
            if !builder.errors.isEmpty {
                let errors = builder.errors.map { error in
                    let type = SwiftLiteral.type(error.type) + ".self"
                    switch error.status {
                    case .code(let code): return ".json(\(code), \(type))"
                    case .range(let hundreds): return ".jsonRange(\(hundreds), \(type))"
                    case .default: return ".jsonDefault(\(type))"
                    }
                }
                arguments.append("errors: [\(errors.joined(separator: ", "))]")
            }
            arguments.append("response: " + Self.responseDecoder(builder.responseKind))
            writer.line(builder.query.isEmpty && !hasHeaders ? "Request(" : "return Request(")
            for (index, argument) in arguments.enumerated() {
                writer.line("    " + argument + (index == arguments.count - 1 ? "" : ","))
            }
            writer.line(")")
        }
    }

    /// The trailing arguments of `queryItems.append` that choose a style: none for single values and
    /// exploded form lists (the runtime's default), `explode: false` for other form lists.
    static func styleArgument(_ field: RequestBuilder.Field) -> String {
        let style: String = switch field.style {
        case .form(let explode): ".form(explode: \(explode))"
        case .spaceDelimited: ".spaceDelimited"
        case .pipeDelimited: ".pipeDelimited"
        case .deepObject: ".deepObject"
        }
        switch (field.kind, field.style) {
        case (.single, _), (.list, .form(explode: true)): return ""
        case (.list, .form(explode: false)): return ", explode: false"
        default: return ", style: \(style)"
        }
    }

    /// RFC 3986 path characters stay; anything else in a spec's path text (spaces, quotes, `#`, `?`)
    /// is percent-encoded, so the runtime always gets a valid encoded path.
    static func percentEncodedPath(_ literal: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~!$&'()*+,;=:@/%")
        return literal.addingPercentEncoding(withAllowedCharacters: allowed) ?? literal
    }

    /// `"/processes/\(PathSegment.encode(processId))"`, so every parameter is encoded as one segment.
    func pathExpression(_ parts: [RequestBuilder.PathPart]) -> String {
        var text = "\""
        for part in parts {
            switch part {
            case .literal(let literal):
                text += String(SwiftLiteral.string(Self.percentEncodedPath(literal)).dropFirst().dropLast())
            case .parameter(let name):
                text += "\\(PathSegment.encode(\(name)))"
            }
        }
        return text + "\""
    }
}

extension Renderer {
    func render(_ headers: ResponseHeadersStructure, into writer: inout CodeWriter) {
        writer.doc(headers.doc)
        writer.block("\(access) struct \(headers.name): ResponseHeaders, \(equality)") { writer in
            for field in headers.fields {
                if !field.doc.isEmpty { writer.blankLine() }
                writer.doc(field.doc)
                writer.line("\(access) var \(field.name): \(SwiftLiteral.type(field.propertyType))")
            }
            writer.blankLine()
            let parameters = headers.fields.map {
                SwiftLiteral.parameter($0.name, $0.propertyType, default: $0.required ? nil : .nil)
            }
            writer.block("\(access) init(\(parameters.joined(separator: ", ")))") { writer in
                for field in headers.fields {
                    writer.line("self.\(field.name) = \(field.name)")
                }
            }
            writer.blankLine()
            writer.block("\(access) init(from headers: HeaderFields) throws") { writer in
                for field in headers.fields {
                    let name = SwiftLiteral.string(field.wireName)
                    let read = "headers.\(field.isList ? "values" : "value")(\(name), as: \(SwiftLiteral.type(field.type)).self)"
                    writer.line("self.\(field.name) = try " + (field.required ? "headers.required(\(name), \(read))" : read))
                }
            }
        }
    }

    /// The `ResponseDecoder` a builder passes: `.json`, `.serverSentEvents()`, ….
    static func responseDecoder(_ kind: RequestBuilder.ResponseKind) -> String {
        switch kind {
        case .json: ".json"
        case .empty: ".empty"
        case .data: ".data"
        case .jsonOrEmpty: ".jsonOrEmpty()"
        case .serverSentEvents, .rawServerSentEvents: ".serverSentEvents()"
        case .serverSentEventObjects: ".serverSentEventObjects()"
        case .jsonLines(let contentType) where contentType == "application/x-ndjson": ".jsonLines()"
        case .jsonLines(let contentType): ".jsonLines(contentType: \(SwiftLiteral.string(contentType)))"
        }
    }
}
