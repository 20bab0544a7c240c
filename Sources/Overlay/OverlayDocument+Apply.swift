import YAML

extension OverlayDocument {
    /// Applies the actions in order, each to the result of the previous one, and returns the new
    /// root. A target that matches nothing is a warning; an action that cannot be applied (a copy
    /// whose source is not exactly one node, a value that cannot merge into its target) is an error
    /// and changes nothing, and the following actions still run so every problem is reported.
    public func apply(to root: Node) -> (root: Node, diagnostics: [OverlayDiagnostic]) {
        var document = root
        var diagnostics: [OverlayDiagnostic] = []
        for action in actions {
            let targets = action.target.locations(in: document)
            guard !targets.isEmpty else {
                diagnostics.append(Self.noMatch(action, in: document))
                continue
            }
            switch action.change {
            case .remove:
                // Last first: removing an element never moves one still to be removed, and a
                // node's descendants go before the node.
                for path in targets.reversed() {
                    if path.steps.isEmpty {
                        diagnostics.append(OverlayDiagnostic(
                            .error, "'remove' cannot remove the whole document ($)", at: action.targetMark,
                            pointer: action.pointer + "/target", hint: "target the members to remove, e.g. $.paths['/internal']"))
                        continue
                    }
                    document.remove(at: path)
                }
            case .update(let value):
                merge(value, into: targets, of: &document, action: action, errorMark: nil, &diagnostics)
            case .copy(let source, let mark):
                let sources = source.locations(in: document)
                guard sources.count == 1, let value = document[sources[0]] else {
                    diagnostics.append(OverlayDiagnostic(
                        .error,
                        "'copy' must select exactly one node; '\(source)' selects \(sources.isEmpty ? "nothing" : "\(sources.count) nodes")",
                        at: mark, pointer: action.pointer + "/copy",
                        hint: sources.isEmpty
                            ? "check the query against the description (as the earlier actions left it)"
                            : "narrow the query to one node, e.g. by name or index"))
                    continue
                }
                merge(value, into: targets, of: &document, action: action, errorMark: mark, &diagnostics)
            }
        }
        return (document, diagnostics)
    }

    private func merge(
        _ value: Node, into targets: [NormalizedPath], of document: inout Node, action: Action, errorMark: Mark?,
        _ diagnostics: inout [OverlayDiagnostic]
    ) {
        for path in targets {
            document.modify(at: path.steps[...]) { target in
                Self.merge(value, into: &target, at: path, topLevel: true, action: action, errorMark: errorMark, &diagnostics)
            }
        }
    }

    /// The Overlay Specification's merge: a member only in the target stays, one only in the value
    /// is inserted (with the value's marks), and one in both merges again: scalar replaces scalar,
    /// sequence is appended to sequence, mapping merges into mapping. At the target itself a
    /// sequence also takes a single value appended. A null target takes any value and a null value
    /// leaves a collection as it is (the specification's structured example writes `tags:` empty).
    private static func merge(
        _ value: Node, into target: inout Node, at path: NormalizedPath, topLevel: Bool, action: Action, errorMark: Mark?,
        _ diagnostics: inout [OverlayDiagnostic]
    ) {
        switch (target.content, value.content) {
        case (.mapping(var pairs), .mapping(let additions)):
            target.content = .sequence([])
            for addition in additions {
                if let name = addition.key.scalar, let index = pairs.firstIndex(where: { $0.key.scalar == name }) {
                    var step = path
                    step.steps.append(.name(name))
                    merge(addition.value, into: &pairs[index].value, at: step, topLevel: false, action: action, errorMark: errorMark, &diagnostics)
                } else {
                    pairs.append(addition)
                }
            }
            target.content = .mapping(pairs)
        case (.sequence(var items), .sequence(let additions)):
            target.content = .sequence([])
            items += additions
            target.content = .sequence(items)
        case (.sequence(var items), _) where topLevel:
            target.content = .sequence([])
            items.append(value)
            target.content = .sequence(items)
        case (.scalar, .scalar) where !value.isNull || target.isNull,
             (.scalar, _) where target.isNull:
            target = value
        case (_, .scalar) where value.isNull:
            break
        default:
            let verb = action.change == .remove ? "remove" : errorMark == nil ? "update" : "copy"
            diagnostics.append(OverlayDiagnostic(
                .error, "\(verb) cannot merge a \(value.kindName) into the \(target.kindName) at \(path)",
                at: errorMark ?? value.mark, pointer: action.pointer + (errorMark == nil ? "/update" : "/copy"),
                hint: target.isScalar
                    ? "a scalar is replaced only by a scalar; to put a \(value.kindName) there, remove the value in an earlier action and add it to its parent"
                    : "a mapping merges into a mapping and a sequence appends to a sequence; to replace the \(target.kindName), remove it in an earlier action, then add the new value to its parent"))
        }
    }

    private static func noMatch(_ action: Action, in document: Node) -> OverlayDiagnostic {
        var hint = "check the names against the description (JSONPath names are case-sensitive; the overlay applies to the description as the earlier actions left it)"
        if let prefix = action.target.longestMatchingPrefix(in: document) {
            hint = "'\(prefix.expression)' selects \(prefix.count == 1 ? "a node" : "\(prefix.count) nodes"), but nothing in \(prefix.count == 1 ? "it" : "them") matches the rest of the query"
        }
        return OverlayDiagnostic(
            .warning, "target '\(action.target)' matches nothing; the action changes nothing", at: action.targetMark,
            pointer: action.pointer + "/target", hint: hint)
    }
}
