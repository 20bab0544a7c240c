extension Renderer {
    func render(_ factory: JobFactory, into writer: inout CodeWriter) {
        writer.doc(factory.doc)
        let label = factory.parameterLabel.map { "\($0) " } ?? ""
        let signature = "public static func \(factory.name)(\(label)\(factory.parameterName): \(SwiftLiteral.type(factory.parameterType))) -> Job<\(SwiftLiteral.type(factory.snapshotType))>"
        writer.block(signature) { writer in
            let call = "\(factory.statusBuilder)(\(factory.statusArgumentLabel.trimmingCharacters(in: ["`"])): \(factory.statusArgument))"
            writer.block("Job(request: \(call))", parameters: "snapshot") { writer in
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
        writer.block("public static func \(builder.name)(\(parameters.joined(separator: ", "))) -> Pagination<\(page), \(item)>") { writer in
            let arguments = builder.arguments.map { "\($0.label): \($0.value)" }.joined(separator: ", ")
            switch builder.style {
            case .offset(let limit, let offset, let total):
                writer.line(".offset(")
                writer.line("    \(builder.firstPage)(\(arguments)),")
                writer.line("    limit: \(SwiftLiteral.string(limit)), offset: \(SwiftLiteral.string(offset)),")
                if let total {
                    writer.line("    items: { page in \(builder.items) },")
                    writer.line("    total: { page in \(total) }")
                } else {
                    writer.line("    items: { page in \(builder.items) }")
                }
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
}
