import YAML

/// Where a node is in a document: the RFC 9535 normalized path of member names and array indices
/// from the root (`$['paths']['/pets']['get']`, `$['tags'][0]`). The overlay edits nodes through it.
public struct NormalizedPath: Hashable, Sendable, CustomStringConvertible {
    public enum Step: Hashable, Sendable {
        case name(String)
        case index(Int)
    }

    public var steps: [Step]

    public init(_ steps: [Step] = []) { self.steps = steps }

    public static let root = NormalizedPath()

    /// `$['store']['book'][0]`, with names quoted and escaped as RFC 9535 section 2.7 writes them.
    public var description: String {
        var text = "$"
        for step in steps {
            switch step {
            case .index(let index): text += "[\(index)]"
            case .name(let name): text += "['" + Self.escaped(name) + "']"
            }
        }
        return text
    }

    static func escaped(_ name: String) -> String {
        var text = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "'": text += "\\'"
            case "\\": text += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}

extension Node {
    /// The node at `path`, or nil when a step names no member or element.
    public subscript(path: NormalizedPath) -> Node? {
        var node = self
        for step in path.steps {
            guard let child = node.child(step) else { return nil }
            node = child
        }
        return node
    }

    func child(_ step: NormalizedPath.Step) -> Node? {
        switch (step, content) {
        case (.name(let name), .mapping):
            return self[name]
        case (.index(let index), .sequence(let items)):
            return items.indices.contains(index) ? items[index] : nil
        default:
            return nil
        }
    }

    /// Runs `body` on the node at `steps` in place; false when the path leads nowhere.
    /// The collection on the way is taken out of `content` while it is edited, so it is never copied.
    @discardableResult
    mutating func modify(at steps: ArraySlice<NormalizedPath.Step>, _ body: (inout Node) -> Void) -> Bool {
        guard let step = steps.first else {
            body(&self)
            return true
        }
        let rest = steps.dropFirst()
        switch (step, content) {
        case (.name(let name), .mapping(var pairs)):
            guard let index = pairs.firstIndex(where: { $0.key.scalar == name }) else { return false }
            content = .sequence([])
            defer { content = .mapping(pairs) }
            return pairs[index].value.modify(at: rest, body)
        case (.index(let index), .sequence(var items)):
            guard items.indices.contains(index) else { return false }
            content = .sequence([])
            defer { content = .sequence(items) }
            return items[index].modify(at: rest, body)
        default:
            return false
        }
    }

    /// Removes the member or element at `path` from its parent; false when there is none (or it is the root).
    @discardableResult
    mutating func remove(at path: NormalizedPath) -> Bool {
        guard let last = path.steps.last else { return false }
        var removed = false
        modify(at: path.steps.dropLast()[...]) { parent in
            switch (last, parent.content) {
            case (.name(let name), .mapping(var pairs)):
                guard let index = pairs.firstIndex(where: { $0.key.scalar == name }) else { return }
                parent.content = .sequence([])
                pairs.remove(at: index)
                parent.content = .mapping(pairs)
                removed = true
            case (.index(let index), .sequence(var items)):
                guard items.indices.contains(index) else { return }
                parent.content = .sequence([])
                items.remove(at: index)
                parent.content = .sequence(items)
                removed = true
            default:
                return
            }
        }
        return removed
    }

    var isScalar: Bool {
        if case .scalar = content { return true }
        return false
    }
}
