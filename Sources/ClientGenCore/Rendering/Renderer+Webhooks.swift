extension Renderer {
    func render(_ webhooks: WebhookEnum, into writer: inout CodeWriter) {
        writer.doc(webhooks.doc)
        writer.block("\(access) enum \(webhooks.name): \(equality), Sendable") { writer in
            for webhook in webhooks.cases {
                writer.blankLine()
                writer.doc(webhook.doc)
                switch webhook.payload {
                case .none: writer.line("case \(webhook.name)")
                case .json(let type): writer.line("case \(webhook.name)(\(SwiftLiteral.type(type)))")
                case .data: writer.line("case \(webhook.name)(Data)")
                }
            }
            writer.blankLine()
            writer.line("/// A request this version of the description does not list (an event added since), as it arrived.")
            writer.line("case unknown(WebhookRequest)")

            writer.blankLine()
            writer.line("/// Which webhook or callback a request is, when the route it came to tells.")
            writer.block("\(access) enum \(webhooks.kindName): Hashable, Sendable, CaseIterable") { writer in
                for webhook in webhooks.cases {
                    writer.line("case \(webhook.name)")
                }
            }

            switch webhooks.picking {
            case .member(let member):
                writer.blankLine()
                writer.line("/// Decodes a request, picking the event by its body's `\(member)`; a `\(member)` this description")
                writer.line("/// does not list gives `.unknown`.")
                let unpicked = webhooks.cases.filter { $0.discriminatorValue == nil }.map { "`.\($0.name)`" }
                if !unpicked.isEmpty {
                    writer.line("///")
                    writer.line("/// \(unpicked.joined(separator: ", ")) \(unpicked.count == 1 ? "has" : "have") no `\(member)`: decode \(unpicked.count == 1 ? "it" : "them") with `decode(_:as:)`.")
                }
                writer.block("\(access) static func decode(_ request: WebhookRequest) throws -> Self") { writer in
                    writer.switchBlock("switch request.member(\(SwiftLiteral.string(member)))") { writer in
                        for webhook in webhooks.cases {
                            guard let value = webhook.discriminatorValue else { continue }
                            writer.line("case \(SwiftLiteral.string(value)): return try decode(request, as: .\(webhook.name))")
                        }
                        writer.line("default: return .unknown(request)")
                    }
                }
            case .single:
                writer.blankLine()
                writer.line("/// Decodes a request as the one event this description lists.")
                writer.block("\(access) static func decode(_ request: WebhookRequest) throws -> Self") { writer in
                    writer.line("try decode(request, as: .\(webhooks.cases[0].name))")
                }
            case .byRouteOnly:
                break
            }

            writer.blankLine()
            writer.line("/// Decodes a request as the given event; a body that does not match it throws `WebhookDecodingError`.")
            writer.block("\(access) static func decode(_ request: WebhookRequest, as kind: \(webhooks.kindName)) throws -> Self") { writer in
                writer.switchBlock("switch kind") { writer in
                    for webhook in webhooks.cases {
                        writer.line("case .\(webhook.name): return \(construction(webhook))")
                    }
                }
            }
            for nested in webhooks.nested {
                writer.blankLine()
                render(nested, into: &writer)
            }
        }
    }

    private func construction(_ webhook: WebhookEnum.Case) -> String {
        let event = SwiftLiteral.string(webhook.event)
        switch webhook.payload {
        case .none:
            return ".\(webhook.name)"
        case .data:
            return ".\(webhook.name)(request.body)"
        case .json(.optional(let wrapped)):
            return ".\(webhook.name)(request.body.isEmpty ? nil : try request.decodeJSON(\(SwiftLiteral.type(wrapped)).self, event: \(event)))"
        case .json(let type):
            return ".\(webhook.name)(try request.decodeJSON(\(SwiftLiteral.type(type)).self, event: \(event)))"
        }
    }
}
