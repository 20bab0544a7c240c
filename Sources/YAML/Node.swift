/// How a scalar was written in the source.
public enum ScalarStyle: Hashable, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One node of a parsed YAML document. Scalars stay strings exactly as written
/// (after YAML unescaping/folding); nothing is converted while parsing. The typed
/// accessors (`isNull`, `bool`, `int`, `double`) apply the YAML 1.2 core schema on demand.
public struct Node: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case scalar(Scalar)
        case sequence([Node])
        /// Key/value pairs in document order.
        case mapping([Pair])
    }

    public struct Scalar: Hashable, Sendable {
        public var value: String
        public var style: ScalarStyle
        /// Explicit tag, fully expanded (`!!str` → `tag:yaml.org,2002:str`); nil if none.
        public var tag: String?

        public init(value: String, style: ScalarStyle = .plain, tag: String? = nil) {
            self.value = value
            self.style = style
            self.tag = tag
        }
    }

    public struct Pair: Hashable, Sendable {
        public var key: Node
        public var value: Node

        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    public var content: Content
    /// Where the node starts. A node produced by expanding an alias keeps the marks
    /// of the anchored node it copies.
    public var mark: Mark
    /// The anchor name (`&name`) on this node, if any.
    public var anchor: String?

    public init(content: Content, mark: Mark, anchor: String? = nil) {
        self.content = content
        self.mark = mark
        self.anchor = anchor
    }
}

// MARK: - Convenience

extension Node {
    /// The value for the first pair whose key is a scalar equal to `key`; nil if this
    /// is not a mapping or has no such key. Linear scan.
    public subscript(key: String) -> Node? {
        guard case .mapping(let pairs) = content else { return nil }
        for pair in pairs {
            if case .scalar(let s) = pair.key.content, s.value == key { return pair.value }
        }
        return nil
    }

    /// The scalar's string value (any style); nil for collections.
    public var scalar: String? {
        if case .scalar(let s) = content { return s.value }
        return nil
    }

    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// `"scalar"`, `"sequence"` or `"mapping"`, for diagnostics.
    public var kindName: String {
        switch content {
        case .scalar: "scalar"
        case .sequence: "sequence"
        case .mapping: "mapping"
        }
    }

    /// The scalar text if the core schema may resolve it as the type with core tag
    /// `coreTag`: an untagged plain scalar, or any scalar explicitly tagged `coreTag`.
    private func resolvable(_ coreTag: String) -> Substring.UTF8View? {
        guard case .scalar(let s) = content else { return nil }
        if let tag = s.tag {
            guard tag == coreTag else { return nil }
        } else if s.style != .plain {
            return nil
        }
        return Substring(s.value).utf8
    }

    /// True for an untagged plain scalar `""`, `~`, `null`, `Null` or `NULL`
    /// (or one explicitly tagged `!!null`). Quoted `"null"` is not null.
    public var isNull: Bool {
        guard let v = resolvable(CoreTag.null) else { return false }
        switch String(Substring(v)) {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// `true`/`True`/`TRUE`/`false`/`False`/`FALSE` as an untagged plain scalar
    /// (or tagged `!!bool`). `yes`/`no`/`on`/`off` are strings (YAML 1.2).
    public var bool: Bool? {
        guard let v = resolvable(CoreTag.bool) else { return nil }
        switch String(Substring(v)) {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// Core-schema integer: `[-+]?[0-9]+`, `[-+]?0x[0-9a-fA-F]+`, `[-+]?0o[0-7]+`.
    /// Nil if it does not fit in `Int`, is quoted, or is tagged other than `!!int`.
    public var int: Int? {
        guard let v = resolvable(CoreTag.int) else { return nil }
        return CoreSchema.int(v)
    }

    /// Core-schema float (`1.5`, `-2e3`, `.5`, `.inf`, `-.Inf`, `.nan`, ...) or any
    /// core-schema integer. Nil if quoted or tagged other than `!!float`/`!!int`.
    public var double: Double? {
        guard case .scalar(let s) = content else { return nil }
        let v: Substring.UTF8View
        if let tag = s.tag {
            guard tag == CoreTag.float || tag == CoreTag.int else { return nil }
            v = Substring(s.value).utf8
        } else {
            guard s.style == .plain else { return nil }
            v = Substring(s.value).utf8
        }
        return CoreSchema.double(v)
    }
}

enum CoreTag {
    static let null = "tag:yaml.org,2002:null"
    static let bool = "tag:yaml.org,2002:bool"
    static let int = "tag:yaml.org,2002:int"
    static let float = "tag:yaml.org,2002:float"
    static let merge = "tag:yaml.org,2002:merge"
}

enum CoreSchema {
    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    static func int(_ text: Substring.UTF8View) -> Int? {
        var bytes = text[...]
        guard let first = bytes.first else { return nil }
        var negative = false
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var radix = 10
        if bytes.count > 2, bytes.first == UInt8(ascii: "0") {
            let second = bytes[bytes.index(after: bytes.startIndex)]
            if second == UInt8(ascii: "x") {
                radix = 16
                bytes = bytes.dropFirst(2)
            } else if second == UInt8(ascii: "o") {
                radix = 8
                bytes = bytes.dropFirst(2)
            }
        }
        guard !bytes.isEmpty else { return nil }
        var result = 0
        for c in bytes {
            let digit: Int
            switch c {
            case 0x30...0x39: digit = Int(c - 0x30)
            case 0x61...0x66: digit = Int(c - 0x61 + 10)
            case 0x41...0x46: digit = Int(c - 0x41 + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            // Accumulate negatively so Int.min is representable.
            let (m, o1) = result.multipliedReportingOverflow(by: radix)
            let (s, o2) = m.subtractingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            result = s
        }
        if negative { return result }
        let (r, o) = (0).subtractingReportingOverflow(result)
        return o ? nil : r
    }

    static func double(_ text: Substring.UTF8View) -> Double? {
        if let i = int(text) { return Double(i) }
        let s = String(Substring(text))
        switch s {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        let b = Array(text)
        var i = 0
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        var intDigits = 0
        while i < b.count, isDigit(b[i]) { i += 1; intDigits += 1 }
        var fracDigits = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, isDigit(b[i]) { i += 1; fracDigits += 1 }
        }
        guard intDigits > 0 || fracDigits > 0 else { return nil }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            var expDigits = 0
            while i < b.count, isDigit(b[i]) { i += 1; expDigits += 1 }
            guard expDigits > 0 else { return nil }
        }
        guard i == b.count else { return nil }
        // Swift's parser accepts every string of this form ("1.", ".5", "+1e3").
        return Double(s)
    }
}
