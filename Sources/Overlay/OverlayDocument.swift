import YAML

/// An OpenAPI Overlay (Overlay Specification 1.0.0 and 1.1.0): an ordered list of actions, each a
/// JSONPath `target` with an `update`, a `remove: true` or (1.1) a `copy`, applied to a
/// description's node tree. Read from the overlay's own nodes, so every node it adds keeps the
/// overlay file's marks and later diagnostics about those values point into the overlay.
public struct OverlayDocument: Hashable, Sendable {
    public enum Version: String, Hashable, Sendable, CaseIterable {
        case v1_0 = "1.0"
        case v1_1 = "1.1"
    }

    public struct Action: Hashable, Sendable {
        public enum Change: Hashable, Sendable {
            /// Merged into each target: mappings key by key, sequences appended, scalars replaced.
            case update(Node)
            /// Each target leaves the mapping or sequence that holds it.
            case remove
            /// 1.1: the one node the query selects (in the document as the earlier actions left it)
            /// is merged into each target like an update. `mark` is the `copy` value in the overlay.
            case copy(JSONPath, mark: Mark)
        }

        public var target: JSONPath
        /// The `target` value in the overlay.
        public var targetMark: Mark
        public var description: String?
        public var change: Change
        /// `#/actions/3`
        public var pointer: String
    }

    public var version: Version
    public var title: String
    /// `info.version`: the overlay's own version.
    public var infoVersion: String
    /// The description the overlay was written for, as written (a URI reference); informative only.
    public var extends: String?
    public var actions: [Action]

    public init(version: Version, title: String, infoVersion: String, extends: String? = nil, actions: [Action]) {
        self.version = version
        self.title = title
        self.infoVersion = infoVersion
        self.extends = extends
        self.actions = actions
    }

    static let topLevelKeys = ["overlay", "info", "extends", "actions"]
    static let infoKeys = ["title", "version", "description"]
    static let actionKeys = ["target", "description", "update", "remove", "copy"]

    /// Reads an overlay document; every problem is reported at its position in the overlay file.
    /// Nil when there is an error (nothing should then be applied).
    public static func read(_ root: Node) -> (OverlayDocument?, [OverlayDiagnostic]) {
        var diagnostics: [OverlayDiagnostic] = []
        func fail(_ message: String, _ node: Node, _ pointer: String? = nil, hint: String? = nil) {
            diagnostics.append(OverlayDiagnostic(.error, message, at: node.mark, pointer: pointer, hint: hint))
        }
        guard let pairs = root.mapping else {
            fail("an overlay is a mapping, found a \(root.kindName)", root, hint: "start with `overlay: 1.1.0`, then `info:` and `actions:`")
            return (nil, diagnostics)
        }
        if root["overlay"] == nil, root["openapi"] != nil || root["swagger"] != nil {
            fail("this is an OpenAPI description, not an overlay (it has no 'overlay' key)", root,
                 hint: "pass the description with --spec (or `spec:`) and the overlay file with --overlay (or `overlays:`)")
            return (nil, diagnostics)
        }
        checkKeys(pairs, allowed: topLevelKeys, in: "an overlay", pointer: "#", &diagnostics)

        let version = readVersion(root, &diagnostics)
        var title = "", infoVersion = ""
        if let info = root["info"] {
            if let infoPairs = info.mapping {
                checkKeys(infoPairs, allowed: infoKeys, in: "'info'", pointer: "#/info", &diagnostics)
                title = requiredText("title", in: info, pointer: "#/info", &diagnostics) ?? ""
                infoVersion = requiredText("version", in: info, pointer: "#/info", &diagnostics) ?? ""
            } else {
                fail("'info' must be a mapping, found a \(info.kindName)", info, "#/info", hint: "write `info: {title: …, version: 1.0.0}`")
            }
        } else {
            fail("the overlay is missing 'info'", root, hint: "add `info: {title: What this overlay changes, version: 1.0.0}`")
        }
        var extends: String?
        if let node = root["extends"] {
            if let text = node.scalar { extends = text } else { fail("'extends' must be a string (a URI reference)", node, "#/extends") }
        }

        var actions: [Action] = []
        if let list = root["actions"] {
            if let items = list.sequence {
                if items.isEmpty {
                    fail("'actions' is empty", list, "#/actions", hint: "an overlay lists at least one action: `- target: $.info` then `update: …`")
                }
                for (index, item) in items.enumerated() {
                    if let action = readAction(item, pointer: "#/actions/\(index)", version: version, &diagnostics) {
                        actions.append(action)
                    }
                }
            } else {
                fail("'actions' must be a list, found a \(list.kindName)", list, "#/actions", hint: "write `actions:` followed by `- target: …` items")
            }
        } else {
            fail("the overlay is missing 'actions'", root, hint: "add `actions:` with at least one `- target: $.… update: …`")
        }
        guard let version, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (OverlayDocument(version: version, title: title, infoVersion: infoVersion, extends: extends, actions: actions), diagnostics)
    }

    private static func readVersion(_ root: Node, _ diagnostics: inout [OverlayDiagnostic]) -> Version? {
        let supported = "ClientGen reads Overlay 1.0.x and 1.1.x"
        guard let node = root["overlay"] else {
            diagnostics.append(OverlayDiagnostic(
                .error, "the overlay is missing 'overlay' (the Overlay Specification version)", at: root.mark,
                hint: "start the file with `overlay: 1.1.0`"))
            return nil
        }
        let text = node.scalar ?? ""
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
           let version = Version(rawValue: "\(Int(parts[0]) ?? -1).\(Int(parts[1]) ?? -1)") {
            return version
        }
        let written = node.scalar.map { "'\($0)'" } ?? "a \(node.kindName)"
        let hint = Version(rawValue: text) != nil
            ? "write the full version: `overlay: \(text).0`"
            : "\(supported); write `overlay: 1.1.0` (or 1.0.0) if the document follows one of them"
        diagnostics.append(OverlayDiagnostic(
            .error, "overlay version \(written) is not supported (\(supported))", at: node.mark, pointer: "#/overlay", hint: hint))
        return nil
    }

    private static func readAction(
        _ item: Node, pointer: String, version: Version?, _ diagnostics: inout [OverlayDiagnostic]
    ) -> Action? {
        func fail(_ message: String, _ node: Node, _ pointer: String, hint: String? = nil) {
            diagnostics.append(OverlayDiagnostic(.error, message, at: node.mark, pointer: pointer, hint: hint))
        }
        guard let pairs = item.mapping else {
            fail("an action is a mapping with 'target' and one of update, remove or copy; found a \(item.kindName)", item, pointer,
                 hint: "write `- target: $.info` with `update: {…}` below it")
            return nil
        }
        let errorsBefore = diagnostics.filter { $0.severity == .error }.count
        checkKeys(pairs, allowed: actionKeys, in: "an action", pointer: pointer, &diagnostics)

        var target: JSONPath?
        var targetMark = item.mark
        if let node = item["target"] {
            targetMark = node.mark
            target = query(node, field: "target", pointer: pointer + "/target", &diagnostics)
        } else {
            fail("the action is missing 'target'", item, pointer, hint: "add `target: $.…`, an RFC 9535 JSONPath selecting the nodes to change")
        }
        var description: String?
        if let node = item["description"] {
            if let text = node.scalar { description = text } else { fail("'description' must be a string", node, pointer + "/description") }
        }
        var remove = false
        if let node = item["remove"] {
            if let value = node.bool { remove = value } else {
                fail("'remove' must be true or false, found \(node.scalar.map { "'\($0)'" } ?? "a \(node.kindName)")", node, pointer + "/remove")
            }
        }
        var copy: (JSONPath, Mark)?
        if let node = item["copy"] {
            if version == .v1_0 {
                fail("'copy' is an Overlay 1.1 action; this overlay declares 1.0", node, pointer + "/copy",
                     hint: "change the first line to `overlay: 1.1.0`")
            } else if let query = query(node, field: "copy", pointer: pointer + "/copy", &diagnostics) {
                copy = (query, node.mark)
            }
        }
        let update = item["update"]
        let given = [update != nil ? "update" : nil, remove ? "remove: true" : nil, item["copy"] != nil ? "copy" : nil].compactMap { $0 }
        if given.count > 1 {
            let second = [update, remove ? item["remove"] : nil, item["copy"]].compactMap { $0 }[1]
            fail("an action does one thing, this one has \(given.joined(separator: " and "))", second, pointer,
                 hint: "split it into one action per change (actions apply in order)")
        } else if given.isEmpty {
            fail("the action has no 'update', 'remove: true' or 'copy', so it would change nothing", item, pointer,
                 hint: "add `update: …` to merge a value into the target, or `remove: true` to delete it")
        }
        guard diagnostics.filter({ $0.severity == .error }).count == errorsBefore, let target else { return nil }
        let change: Action.Change
        if let update {
            change = .update(update)
        } else if let copy {
            change = .copy(copy.0, mark: copy.1)
        } else {
            change = .remove
        }
        return Action(target: target, targetMark: targetMark, description: description, change: change, pointer: pointer)
    }

    private static func query(_ node: Node, field: String, pointer: String, _ diagnostics: inout [OverlayDiagnostic]) -> JSONPath? {
        guard let text = node.scalar, !text.isEmpty else {
            diagnostics.append(OverlayDiagnostic(
                .error, "'\(field)' must be a JSONPath query (a string), found \(node.scalar == nil ? "a \(node.kindName)" : "an empty string")",
                at: node.mark, pointer: pointer, hint: "for example `\(field): $.paths['/pets'].get`"))
            return nil
        }
        do {
            return try JSONPath(text)
        } catch {
            diagnostics.append(OverlayDiagnostic(
                .error, "'\(field)' is not a valid JSONPath query: \(error.message)", at: mark(of: error, in: node),
                pointer: pointer, hint: error.hint))
            return nil
        }
    }

    /// The file position of a column inside a query: exact for plain and quoted one-line scalars
    /// without escapes before it, the scalar's start otherwise.
    static func mark(of error: JSONPathError, in node: Node) -> Mark {
        guard case .scalar(let scalar) = node.content, !scalar.value.contains("\n") else { return node.mark }
        let before = scalar.value.unicodeScalars.prefix(error.column - 1)
        var mark = node.mark
        switch scalar.style {
        case .plain:
            mark.column += error.column - 1
        case .singleQuoted:
            mark.column += error.column + before.filter { $0 == "'" }.count
        case .doubleQuoted:
            guard !before.contains(where: { $0 == "\"" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) else { return node.mark }
            mark.column += error.column
        case .literal, .folded:
            return node.mark
        }
        return mark
    }

    private static func requiredText(_ key: String, in node: Node, pointer: String, _ diagnostics: inout [OverlayDiagnostic]) -> String? {
        guard let value = node[key] else {
            diagnostics.append(OverlayDiagnostic(
                .error, "'info' is missing '\(key)'", at: node.mark, pointer: pointer,
                hint: key == "title" ? "add `title:` saying what the overlay changes" : "add `version: 1.0.0`, the overlay's own version"))
            return nil
        }
        guard let text = value.scalar, !text.isEmpty else {
            diagnostics.append(OverlayDiagnostic(.error, "'info.\(key)' must be a non-empty string", at: value.mark, pointer: pointer + "/" + key))
            return nil
        }
        return text
    }

    /// Unknown keys are errors (a misspelt `updates:` would otherwise do nothing); `x-` extensions are allowed.
    private static func checkKeys(
        _ pairs: [Node.Pair], allowed: [String], in place: String, pointer: String, _ diagnostics: inout [OverlayDiagnostic]
    ) {
        for pair in pairs {
            let key = pair.key.scalar ?? ""
            guard !allowed.contains(key), !key.hasPrefix("x-") else { continue }
            let close = allowed.first { editDistance($0, key) <= 2 }
            diagnostics.append(OverlayDiagnostic(
                .error, "unknown key '\(key)' in \(place)", at: pair.key.mark, pointer: pointer,
                hint: close.map { "did you mean '\($0)'?" } ?? "use \(allowed.joined(separator: ", ")) (or an x- extension)"))
        }
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
