extension Renderer {
    func render(_ factory: JobFactory, into writer: inout CodeWriter) {
        writer.doc(factory.doc)
        let label = factory.parameterLabel.map { "\($0) " } ?? ""
        let result = "Job<\(SwiftLiteral.type(factory.snapshotType))>" + (factory.optionalID ? "?" : "")
        let signature = "\(access) static func \(factory.name)(\(label)\(factory.parameterName): \(SwiftLiteral.type(factory.parameterType))) -> \(result)"
        writer.block(signature) { writer in
            var argument = factory.statusArgument
            if factory.optionalID {
                writer.line("guard let id = \(factory.statusArgument) else { return nil }")
                argument = "id"
            }
            let call = "\(factory.statusBuilder)(\(factory.statusArgumentLabel.trimmingCharacters(in: ["`"])): \(argument))"
            writer.block((factory.optionalID ? "return " : "") + "Job(request: \(call))", parameters: "snapshot") { writer in
                writer.line("let status = \(factory.statusExpression)")
                writer.switchBlock("switch status") { writer in
                    writer.line("case \(factory.success.map(SwiftLiteral.string).joined(separator: ", ")): return .succeeded(status: status)")
                    if !factory.failure.isEmpty {
                        writer.line("case \(factory.failure.map(SwiftLiteral.string).joined(separator: ", ")): return .failed(status: status)")
                    }
                    writer.line("default: return .running(status: status, progress: \(factory.progressExpression ?? "nil"))")
                }
            }
        }
    }

    func render(_ builder: PaginationBuilder, into writer: inout CodeWriter) {
        writer.doc(builder.doc)
        let parameters = builder.parameters.map { SwiftLiteral.parameter($0.name, $0.type, default: $0.defaultValue) }
        let page = SwiftLiteral.type(builder.pageType)
        let item = SwiftLiteral.type(builder.itemType)
        writer.block("\(access) static func \(builder.name)(\(parameters.joined(separator: ", "))) -> Pagination<\(page), \(item)>") { writer in
            let arguments = builder.arguments.map { "\($0.label): \($0.value)" }.joined(separator: ", ")
            switch builder.style {
            case .offset(let limit, let offset, let total, let hasMore):
                writer.line(".offset(")
                writer.line("    \(builder.firstPage)(\(arguments)),")
                writer.line("    limit: \(SwiftLiteral.string(limit)), offset: \(SwiftLiteral.string(offset)),")
                closures(["items": builder.items, "total": total, "hasMore": hasMore], order: ["items", "total", "hasMore"], into: &writer)
                writer.line(")")
            case .page(let parameter, let size, let totalPages, let hasMore):
                writer.line(".page(")
                writer.line("    \(builder.firstPage)(\(arguments)),")
                writer.line("    parameter: \(SwiftLiteral.string(parameter)),\(size.map { " size: \(SwiftLiteral.string($0))," } ?? "")")
                closures(["items": builder.items, "totalPages": totalPages, "hasMore": hasMore], order: ["items", "totalPages", "hasMore"], into: &writer)
                writer.line(")")
            case .link(let next):
                writer.line(".nextLink(")
                writer.line("    \(builder.firstPage)(\(arguments)),")
                closures(["items": builder.items, "link": next], order: ["items", "link"], into: &writer)
                writer.line(")")
            case .header:
                writer.line(".linkHeader(")
                writer.line("    \(builder.firstPage)(\(arguments)),")
                closures(["items": builder.items], order: ["items"], into: &writer)
                writer.line(")")
            case .cursor(let parameter, let next):
                writer.line(".cursor(")
                writer.line("    \(builder.firstPage)(\(arguments)),")
                writer.line("    parameter: \(SwiftLiteral.string(parameter)),")
                writer.line("    items: { page in \(builder.items) },")
                writer.line("    cursor: { page in \(next) }")
                writer.line(")")
            }
        }
    }

    /// `    label: { page in expression },` lines for the closures that are given, the last without a comma.
    private func closures(_ expressions: [String: String?], order: [String], into writer: inout CodeWriter) {
        let given: [(label: String, expression: String)] = order.compactMap { label in
            guard let expression = expressions[label] ?? nil else { return nil }
            return (label, expression)
        }
        for (index, (label, expression)) in given.enumerated() {
            writer.line("    \(label): { page in \(expression) }" + (index == given.count - 1 ? "" : ","))
        }
    }
}
