import CYAML

/// Parses YAML text into a ``Node`` tree using libyaml's event API.
public enum YAMLParser {
    /// Parses the first document of `bytes` (UTF-8, optionally starting with a UTF-8
    /// byte-order mark; other encodings are rejected). Later documents in the stream are
    /// not read. An empty stream (or one holding only comments) gives a null plain
    /// scalar node at 1:1.
    ///
    /// `file` is only used in marks and error messages.
    public static func parse(
        _ bytes: [UInt8],
        file: String,
        limits: YAMLLimits = YAMLLimits()
    ) throws(YAMLError) -> Node {
        try checkSize(bytes.count, file: file, limits: limits)
        let loader = Loader(copying: bytes, file: file)
        return try loader.load(limits: limits)
    }

    /// Parses the first document of `text`. See the `[UInt8]` overload.
    public static func parse(
        _ text: String,
        file: String,
        limits: YAMLLimits = YAMLLimits()
    ) throws(YAMLError) -> Node {
        try checkSize(text.utf8.count, file: file, limits: limits)
        let loader = Loader(copying: text.utf8, file: file)
        return try loader.load(limits: limits)
    }

    private static func checkSize(_ count: Int, file: String, limits: YAMLLimits) throws(YAMLError) {
        if count > limits.maxBytes {
            throw YAMLError(
                mark: makeMark(file: file, line0: 0, column0: 0),
                message: "input too large (\(count) bytes, limit \(limits.maxBytes))")
        }
    }
}

/// Owns one libyaml parser, its current event and the input buffer the parser reads
/// from (which therefore outlives the parser); everything is released in `deinit`.
/// Used by exactly one `parse` call.
final class Loader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    /// The input without a leading UTF-8 BOM; libyaml reads straight from here.
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let parserInitialized: Bool
    private let file: String

    init<Bytes: Collection<UInt8>>(copying bytes: Bytes, file: String) {
        self.file = file
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // Allocate at least one byte so the base address is never nil.
        input = .allocate(capacity: Swift.max(body.count, 1))
        _ = input.initialize(fromContentsOf: body)
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        if yaml_parser_initialize(parser) == 1 {
            parserInitialized = true
            // Force UTF-8 so positions and byte offsets are always UTF-8 based; the
            // BOM was removed above (libyaml would otherwise count it as a column).
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, input.baseAddress, body.count)
        } else {
            parserInitialized = false
        }
    }

    deinit {
        if parserInitialized { yaml_parser_delete(parser) }
        parser.deinitialize(count: 1)
        parser.deallocate()
        event.deinitialize(count: 1)
        event.deallocate()
        input.deallocate()
    }

    /// Runs the event loop, feeding each event to a ``Composer``. Every event is
    /// deleted after use, on success and error paths alike.
    func load(limits: YAMLLimits) throws(YAMLError) -> Node {
        var composer = Composer(file: file, source: SourceText(input), limits: limits)
        guard parserInitialized else {
            throw composer.error(at: composer.mark(line0: 0, column0: 0), "out of memory (libyaml)")
        }
        while true {
            guard yaml_parser_parse(parser, event) == 1 else {
                // On failure libyaml leaves the event zeroed: nothing to delete.
                throw composer.libyamlError(parser.pointee)
            }
            defer { yaml_event_delete(event) }
            if let document = try composer.handle(event) { return document }
        }
    }
}

/// The one place where libyaml's 0-based line/column become a 1-based ``Mark``.
/// libyaml's column counts Unicode scalars (characters), not bytes.
@inline(__always)
private func makeMark(file: String, line0: Int, column0: Int) -> Mark {
    Mark(file: file, line: line0 + 1, column: column0 + 1)
}

/// Builds the node tree from libyaml events. A struct (not class state) so the hot
/// path has no dynamic exclusivity checks.
private struct Composer {
    let file: String
    let source: SourceText
    let limits: YAMLLimits

    private struct Frame {
        var isMapping: Bool
        var mark: Mark
        var anchor: String?
        var items: [Node] = []
        var pairs: [Node.Pair] = []
        var pendingKey: Node?
        /// Scalar key → index in `pairs`; only maintained once the mapping is large.
        var keyIndex: [String: Int] = [:]
        var hasMerge = false
        /// Nodes in this subtree (counting alias expansions), including this one.
        var count = 1
        /// Height of this subtree (a leaf has height 1).
        var height = 1

        init(isMapping: Bool, mark: Mark, anchor: String?) {
            self.isMapping = isMapping
            self.mark = mark
            self.anchor = anchor
        }
    }

    private struct Anchored {
        var node: Node
        var count: Int
        var height: Int
    }

    /// Mappings with at least this many pairs use a dictionary for duplicate detection.
    private static let indexThreshold = 12

    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var root: Node?
    private var aliasExpansions = 0
    /// Nodes created so far, alias expansions included.
    private var nodes = 0

    init(file: String, source: SourceText, limits: YAMLLimits) {
        self.file = file
        self.source = source
        self.limits = limits
    }

    @inline(__always)
    func mark(line0: Int, column0: Int) -> Mark {
        makeMark(file: file, line0: line0, column0: column0)
    }

    @inline(__always)
    func mark(_ m: yaml_mark_t) -> Mark {
        makeMark(file: file, line0: Int(m.line), column0: Int(m.column))
    }

    /// Handles one event; returns the finished document's root when done.
    mutating func handle(_ event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) -> Node? {
        switch event.pointee.type {
        case YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT:
            return nil

        case YAML_SCALAR_EVENT:
            let m = mark(event.pointee.start_mark)
            try checkDepth(stack.count + 1, at: m)
            try countNodes(1, at: m)
            let data = event.pointee.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let style: ScalarStyle
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let tag = data.tag.map { String(cString: $0) }
            let anchor = data.anchor.map { String(cString: $0) }
            let node = Node(content: .scalar(Node.Scalar(value: value, style: style, tag: tag)), mark: m, anchor: anchor)
            if let anchor { anchors[anchor] = Anchored(node: node, count: 1, height: 1) }
            try add(node, count: 1, height: 1)
            return nil

        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let m = mark(event.pointee.start_mark)
            try checkDepth(stack.count + 1, at: m)
            try countNodes(1, at: m)
            let isMapping = event.pointee.type == YAML_MAPPING_START_EVENT
            let anchorPointer = isMapping ? event.pointee.data.mapping_start.anchor : event.pointee.data.sequence_start.anchor
            let anchor = anchorPointer.map { String(cString: $0) }
            // While this node is open, `*anchor` refers to it (an error), not to an
            // earlier node with the same anchor name.
            if let anchor { anchors.removeValue(forKey: anchor) }
            stack.append(Frame(isMapping: isMapping, mark: m, anchor: anchor))
            return nil

        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard var frame = stack.popLast() else {
                throw internalError("unbalanced collection end event", event)
            }
            let node: Node
            if frame.isMapping {
                if frame.pendingKey != nil {
                    throw internalError("mapping ended after a key without a value", event)
                }
                if frame.hasMerge { frame.pairs = try applyMerges(frame.pairs) }
                node = Node(content: .mapping(frame.pairs), mark: frame.mark, anchor: frame.anchor)
            } else {
                node = Node(content: .sequence(frame.items), mark: frame.mark, anchor: frame.anchor)
            }
            if let anchor = frame.anchor {
                anchors[anchor] = Anchored(node: node, count: frame.count, height: frame.height)
            }
            try add(node, count: frame.count, height: frame.height)
            return nil

        case YAML_ALIAS_EVENT:
            let m = mark(event.pointee.start_mark)
            let name = event.pointee.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let target = anchors[name] else {
                if stack.contains(where: { $0.anchor == name }) {
                    throw error(at: m, "alias *\(name) refers to a node that contains it")
                }
                throw error(at: m, "undefined alias *\(name)")
            }
            aliasExpansions += target.count
            if aliasExpansions > limits.maxAliasExpansions {
                throw error(at: m, "too many alias expansions (limit \(limits.maxAliasExpansions))")
            }
            try checkDepth(stack.count + target.height, at: m)
            try countNodes(target.count, at: m)
            try add(target.node, count: target.count, height: target.height)
            return nil

        case YAML_DOCUMENT_END_EVENT:
            return root ?? nullNode(at: mark(event.pointee.start_mark))

        case YAML_STREAM_END_EVENT:
            // No document at all (empty input or only comments).
            return nullNode(at: mark(line0: 0, column0: 0))

        default:
            throw internalError("unexpected libyaml event type \(event.pointee.type.rawValue)", event)
        }
    }

    private func nullNode(at mark: Mark) -> Node {
        Node(content: .scalar(Node.Scalar(value: "", style: .plain, tag: nil)), mark: mark)
    }

    @inline(__always)
    private func checkDepth(_ depth: Int, at m: Mark) throws(YAMLError) {
        if depth > limits.maxDepth {
            throw error(at: m, "too deeply nested (limit \(limits.maxDepth))")
        }
    }

    @inline(__always)
    private mutating func countNodes(_ count: Int, at m: Mark) throws(YAMLError) {
        nodes += count
        if nodes > limits.maxNodes {
            throw error(at: m, "too many nodes (limit \(limits.maxNodes))")
        }
    }

    /// Attaches a finished node to the open collection, or makes it the root.
    private mutating func add(_ node: consuming Node, count: Int, height: Int) throws(YAMLError) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].count += count
        if height >= stack[top].height { stack[top].height = height + 1 }
        if !stack[top].isMapping {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey.take() {
            if case .scalar(let s) = key.content, !stack[top].keyIndex.isEmpty {
                stack[top].keyIndex[s.value] = stack[top].pairs.count
            }
            stack[top].pairs.append(Node.Pair(key: key, value: node))
            if stack[top].pairs.count == Self.indexThreshold, stack[top].keyIndex.isEmpty {
                var index: [String: Int] = [:]
                index.reserveCapacity(Self.indexThreshold * 2)
                for (i, pair) in stack[top].pairs.enumerated() {
                    if case .scalar(let s) = pair.key.content, index[s.value] == nil { index[s.value] = i }
                }
                stack[top].keyIndex = index
            }
            return
        }
        // `node` is a key: reject duplicates among the scalar keys seen so far.
        if case .scalar(let s) = node.content {
            var firstIndex: Int?
            if stack[top].keyIndex.isEmpty {
                for (i, pair) in stack[top].pairs.enumerated() {
                    if case .scalar(let other) = pair.key.content, other.value == s.value {
                        firstIndex = i
                        break
                    }
                }
            } else {
                firstIndex = stack[top].keyIndex[s.value]
            }
            if let firstIndex {
                let first = stack[top].pairs[firstIndex].key.mark
                throw error(
                    at: node.mark,
                    "duplicate key \(quoted(s.value)) (first defined at line \(first.line), column \(first.column))")
            }
            if isMergeKey(node) { stack[top].hasMerge = true }
        }
        stack[top].pendingKey = node
    }

    // MARK: Merge keys

    /// `<<` as an untagged plain scalar, or any scalar tagged `!!merge`.
    private func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let s) = key.content else { return false }
        if let tag = s.tag { return tag == CoreTag.merge }
        return s.style == .plain && s.value == "<<"
    }

    /// Replaces each `<<` pair by the pairs of the mapping(s) it names, skipping keys
    /// already defined explicitly in this mapping or by an earlier merge source.
    private func applyMerges(_ pairs: [Node.Pair]) throws(YAMLError) -> [Node.Pair] {
        var seen = Set<String>()
        for pair in pairs where !isMergeKey(pair.key) {
            if case .scalar(let s) = pair.key.content { seen.insert(s.value) }
        }
        var result: [Node.Pair] = []
        result.reserveCapacity(pairs.count)
        for pair in pairs {
            guard isMergeKey(pair.key) else {
                result.append(pair)
                continue
            }
            let sources: [Node]
            switch pair.value.content {
            case .mapping: sources = [pair.value]
            case .sequence(let items): sources = items
            case .scalar:
                throw error(at: pair.value.mark, "merge key value must be a mapping or a sequence of mappings, found a scalar")
            }
            for source in sources {
                guard case .mapping(let merged) = source.content else {
                    throw error(at: source.mark, "merge key sequence must contain only mappings, found a \(source.kindName)")
                }
                for mergedPair in merged {
                    if case .scalar(let s) = mergedPair.key.content {
                        if seen.insert(s.value).inserted { result.append(mergedPair) }
                    } else {
                        result.append(mergedPair)
                    }
                }
            }
        }
        return result
    }

    // MARK: Errors

    func error(at m: Mark, _ message: String) -> YAMLError {
        var e = YAMLError(mark: m, message: message)
        attachSource(to: &e)
        return e
    }

    private func internalError(_ what: String, _ event: UnsafeMutablePointer<yaml_event_t>) -> YAMLError {
        error(at: mark(event.pointee.start_mark), "internal error: \(what)")
    }

    /// Converts the parser's error state into a `YAMLError`.
    func libyamlError(_ p: yaml_parser_t) -> YAMLError {
        let problem = p.problem.map { String(cString: $0) }
        switch p.error {
        case YAML_MEMORY_ERROR:
            return error(at: mark(line0: 0, column0: 0), "out of memory (libyaml)")
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset into the input instead of a mark.
            let position = source.position(ofByteOffset: p.problem_offset)
            var message = problem ?? "cannot read input"
            if p.problem_value != -1 {
                let value = UInt32(bitPattern: p.problem_value)
                message += (message.contains("octet") ? " (0x" + hex(value, 2) : " (U+" + hex(value, 4)) + ")"
            }
            return error(at: mark(line0: position.line0, column0: position.column0), message)
        default:
            // Scanner and parser errors.
            let context = p.context.map { String(cString: $0) }
            let contextMark = context == nil ? nil : mark(p.context_mark)
            let m = problem == nil ? (contextMark ?? mark(p.problem_mark)) : mark(p.problem_mark)
            var e = YAMLError(
                mark: m, message: problem ?? context ?? "unknown libyaml error",
                context: context, contextMark: contextMark)
            attachSource(to: &e)
            return e
        }
    }

    private func attachSource(to e: inout YAMLError) {
        guard let snippet = source.snippet(line: e.mark.line, column: e.mark.column) else { return }
        e.sourceLine = snippet.text
        e.caretColumn = snippet.caretColumn == e.mark.column ? nil : snippet.caretColumn
    }
}

private func hex(_ value: UInt32, _ width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
}

/// `"text"` with backslash, quote and control characters escaped.
private func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{" + hex(scalar.value, 1) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// Line lookups over the raw input, used only on error paths. Line breaks match
/// libyaml's: LF, CR, CR LF, NEL (C2 85), LS (E2 80 A8), PS (E2 80 A9).
struct SourceText {
    let bytes: UnsafeMutableBufferPointer<UInt8>

    init(_ bytes: UnsafeMutableBufferPointer<UInt8>) { self.bytes = bytes }

    /// Length of the line break starting at `i`, or 0 if there is none.
    private func breakLength(at i: Int) -> Int {
        let n = bytes.count
        switch bytes[i] {
        case 0x0A: return 1
        case 0x0D: return i + 1 < n && bytes[i + 1] == 0x0A ? 2 : 1
        case 0xC2: return i + 1 < n && bytes[i + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// 0-based line and column (in Unicode scalars) of a byte offset.
    func position(ofByteOffset offset: Int) -> (line0: Int, column0: Int) {
        let end = Swift.min(Swift.max(offset, 0), bytes.count)
        var line = 0
        var column = 0
        var i = 0
        while i < end {
            let b = breakLength(at: i)
            if b > 0 {
                line += 1
                column = 0
                i += b
            } else {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        return (line, column)
    }

    /// The text of 1-based `line` (without its line break), cut to a window around
    /// `column` if very long, and the 1-based caret column within that text.
    func snippet(line: Int, column: Int) -> (text: String, caretColumn: Int)? {
        guard line >= 1 else { return nil }
        var start = 0
        var current = 1
        while current < line {
            guard start < bytes.count else { return nil }
            let b = breakLength(at: start)
            if b > 0 { current += 1 }
            start += Swift.max(b, 1)
        }
        if start > bytes.count { return nil }
        var end = start
        while end < bytes.count, breakLength(at: end) == 0 { end += 1 }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        // Control characters (other than tab) would garble a terminal; show each as
        // U+FFFD so the caret stays aligned (one scalar for one scalar).
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(end - start)
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            let isControl = (v < 0x20 && v != 0x09) || (v >= 0x7F && v < 0xA0)
            scalars.append(isControl ? "\u{FFFD}" : scalar)
        }
        let maxWidth = 160
        guard scalars.count > maxWidth else {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            return (text, column)
        }
        let half = maxWidth / 2
        let lower = Swift.max(0, Swift.min(column - 1 - half, scalars.count - maxWidth))
        let upper = Swift.min(scalars.count, lower + maxWidth)
        var window = lower > 0 ? "..." : ""
        window.unicodeScalars.append(contentsOf: scalars[lower..<upper])
        if upper < scalars.count { window += "..." }
        return (window, column - lower + (lower > 0 ? 3 : 0))
    }
}
