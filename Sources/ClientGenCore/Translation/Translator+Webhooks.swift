import OpenAPI

extension Translator {
    /// `extension Namespace { enum Webhook { … } }`: a case per webhook and callback, with the types
    /// their bodies declare inline nested in it; nil when the description has neither.
    mutating func webhookEnum(namespace: String) -> WebhookEnum? {
        let notifications = document.notifications
        guard !notifications.isEmpty else { return nil }
        // Neither may hide a model of the same name from the namespace's builders or the payloads.
        let enumName = ["Webhook", "Webhooks", "WebhookEvent"].first { !topLevelNames.contains($0) } ?? "IncomingWebhook"
        var kindName = "Kind"
        while topLevelNames.contains(kindName) { kindName = "Webhook" + kindName }
        var nested = NestedTypes(shared: topLevelNames, reserved: [kindName, enumName], path: [namespace, enumName])
        var caseNames = NameScope(reserved: ["unknown", "decode", "kind"])
        // A name with several methods (`post` and `put` under one webhook) gets the method as a suffix.
        var namesSeen: [String: Int] = [:]
        for notification in notifications { namesSeen[caseBaseName(notification), default: 0] += 1 }

        var cases: [WebhookEnum.Case] = []
        var constants: [[String: String]] = []
        for notification in notifications {
            let operation = notification.operation
            var base = caseBaseName(notification)
            if namesSeen[base, default: 0] > 1 { base += Names.typeName(operation.method.rawValue) }
            let name = caseNames.claim(Names.memberName(base))
            let payload: WebhookEnum.Case.Payload
            var members: [String: String] = [:]
            if let body = operation.requestBody, let media = preferredMedia(body.content) {
                if media.isJSON, let schema = media.schema {
                    var type = typeRef(schema, suggested: Names.typeName(name) + "Payload", &nested, .operation)
                    if !body.required || isNullable(schema) { type = type.optional }
                    payload = .json(type)
                    members = constantMembers(schema)
                } else if media.isJSON {
                    payload = .json(.json)
                } else {
                    payload = .data
                }
            } else {
                payload = .none
            }
            constants.append(members)
            cases.append(WebhookEnum.Case(doc: webhookDoc(notification), name: name, event: notification.name, payload: payload))
        }

        // Callbacks go to URLs the app chose, so the route tells them apart; webhooks usually share
        // one URL, so the body must.
        let webhookIndices = notifications.indices.filter { notifications[$0].origin == .webhook }
        let picking: WebhookEnum.Picking
        if let member = discriminatingMember(constants) ?? discriminatingMember(webhookIndices.map { constants[$0] }) {
            picking = .member(member)
            for index in cases.indices { cases[index].discriminatorValue = constants[index][member] }
        } else if cases.count == 1 {
            picking = .single
        } else {
            picking = .byRouteOnly
            if webhookIndices.count > 1 {
                let first = notifications[webhookIndices[0]].operation
                diagnostics.append(Diagnostic(
                    .warning,
                    "the \(webhookIndices.count) webhooks have no body member whose constant value tells them apart (such as `type: {const: email.sent}`), so `\(namespace).\(enumName).decode(_:)` cannot pick one; only `decode(_:as:)` is generated",
                    at: first.mark, pointer: first.pointer.description,
                    hint: "give each body's event member a `const` or a one-value `enum` (an overlay can add it), or decode by the route a request came to"))
            }
        }
        let doc = DocText.comment([
            ["The requests \(DocText.lines(document.info.title).joined(separator: " ")) sends to your server: its webhooks and the callbacks of its operations."],
            picking == .byRouteOnly
                ? ["    let event = try \(namespace).\(enumName).decode(request, as: .\(cases[0].name))"]
                : ["    let event = try \(namespace).\(enumName).decode(request)"],
        ])
        return WebhookEnum(doc: doc, name: enumName, kindName: kindName, cases: cases, picking: picking, nested: nested.declarations)
    }

    /// A webhook's name (`email.sent`, `/ACH_NOTIFICATION_OF_CHANGE`); a callback's own name.
    private func caseBaseName(_ notification: Webhook) -> String {
        Names.memberName(notification.name)
    }

    private func webhookDoc(_ notification: Webhook) -> DocComment {
        let operation = notification.operation
        var paragraphs = DocText.summaryAndDescription(operation.summary, operation.description)
        let method = operation.method.rawValue.uppercased()
        let origin: String = switch notification.origin {
        case .webhook:
            "- Remark: Webhook `\(DocText.lines(notification.name).joined())`, sent as `\(method)`."
        case .callback(let owner, let expression):
            "- Remark: Callback `\(DocText.lines(notification.name).joined())` of `\(DocText.lines(owner).joined())`, sent as `\(method)` to `\(DocText.lines(expression).joined())`."
        }
        paragraphs.append([origin, "- Remark: Generated from `\(operation.pointer)`."])
        return DocText.comment(paragraphs)
    }

    /// The body's top-level members that hold one constant value (`const`, or an `enum` of one).
    private func constantMembers(_ schema: Schema) -> [String: String] {
        guard let object = flattenedObject(resolved(unwrapped(schema))) else { return [:] }
        var members: [String: String] = [:]
        for property in object.properties where members[property.name] == nil {
            let value = resolved(unwrapped(property.schema))
            let literal = value.constValue ?? (value.enumValues?.count == 1 ? value.enumValues?[0] : nil)
            switch literal {
            case .string(let text)?: members[property.name] = text
            case .integer(let number)?: members[property.name] = String(number)
            case .bool(let flag)?: members[property.name] = flag ? "true" : "false"
            default: break
            }
        }
        return members
    }

    /// The member every body holds with a value of its own; of several, the first by name.
    private func discriminatingMember(_ constants: [[String: String]]) -> String? {
        guard constants.count > 1, let first = constants.first else { return nil }
        let candidates = first.keys.sorted()
        return candidates.first { member in
            let values = constants.compactMap { $0[member] }
            return values.count == constants.count && Set(values).count == values.count
        }
    }
}
