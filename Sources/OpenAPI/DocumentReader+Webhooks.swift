import YAML

extension DocumentReader {
    /// `webhooks` (OpenAPI 3.1): a map of names to path items, each operation a request the API sends.
    mutating func readWebhooks(_ node: Node, _ pointer: JSONPointer) -> [Webhook] {
        if openAPIVersion.hasPrefix("3.0") {
            warning("'webhooks' is an OpenAPI 3.1 field; read anyway", node, pointer, hint: "declare `openapi: 3.1.0`")
        }
        guard let entries = mapEntries(node, pointer, what: "'webhooks'") else { return [] }
        var webhooks: [Webhook] = []
        for pair in entries.pairs {
            let name = pair.key.scalar ?? ""
            if name.hasPrefix("x-") { continue }
            guard let (itemNode, itemPointer) = dereference(pair.value, entries.pointer.appending(name), what: "webhook") else { continue }
            let (operations, declared) = readPathItem(itemNode, itemPointer, path: name)
            if declared == 0 {
                warning("webhook '\(name)' has no operation (such as `post:`); nothing is generated for it", pair.key, itemPointer,
                        hint: "describe the request the API sends: `post: {requestBody: …, responses: …}`")
            }
            webhooks += operations.map { Webhook(name: name, origin: .webhook, operation: $0.1) }
        }
        return webhooks
    }

    /// An operation's `callbacks`: names to callback objects (or `$ref`s to `#/components/callbacks`),
    /// each a map of runtime expressions (the URL the request goes to) to path items.
    mutating func readCallbacks(_ node: Node, _ pointer: JSONPointer, of owner: String) -> [Webhook] {
        guard let entries = mapEntries(node, pointer, what: "'callbacks'") else { return [] }
        var callbacks: [Webhook] = []
        for pair in entries.pairs {
            let name = pair.key.scalar ?? ""
            if name.hasPrefix("x-") { continue }
            guard let expressions = mapEntries(pair.value, entries.pointer.appending(name), what: "callback '\(name)'") else { continue }
            let urls = expressions.pairs.filter { !($0.key.scalar ?? "").hasPrefix("x-") }
            if urls.isEmpty {
                warning("callback '\(name)' lists no URL expression; nothing is generated for it", pair.key, expressions.pointer,
                        hint: "map the URL it is sent to onto the request: `'{$request.body#/callbackUrl}': {post: …}`")
            }
            for url in urls {
                let expression = url.key.scalar ?? ""
                guard let (itemNode, itemPointer) = dereference(url.value, expressions.pointer.appending(expression), what: "callback path item")
                else { continue }
                // Named by the callback, not by the expression, whose braces are not path parameters.
                let (operations, _) = readPathItem(itemNode, itemPointer, path: name)
                callbacks += operations.map {
                    Webhook(name: name, origin: .callback(operation: owner, expression: expression), operation: $0.1)
                }
            }
        }
        return callbacks
    }
}
