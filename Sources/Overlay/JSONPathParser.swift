/// Parses RFC 9535 query syntax (section 2 and its ABNF in appendix A) into a `Query`, checking
/// what the RFC calls validity too: integers in the I-JSON range, comparisons of singular queries
/// only, and well-typed function calls. Errors carry the column where the problem is.
struct JSONPathParser {
    let scalars: [Unicode.Scalar]
    var position = 0
    /// Where each top-level segment ends, so a hint can name the longest part of a query that matches.
    private(set) var segmentEnds: [Int] = []

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// The largest integer RFC 9535 allows in a query (I-JSON's exact range).
    static let maxInteger = (1 << 53) - 1

    mutating func parse() throws(JSONPathError) -> Query {
        guard peek == "$" else {
            if let first = peek, first == "." || first == "[" || isNameFirst(first) {
                throw fail("a JSONPath query starts with '$'", hint: "write $\(first == "." || first == "[" ? "" : ".")\(String(String.UnicodeScalarView(scalars)))")
            }
            throw fail(peek == nil ? "the query is empty" : "a JSONPath query starts with '$'", hint: "for example $.paths['/pets'].get")
        }
        position += 1
        let segments = try parseSegments(topLevel: true)
        if let next = peek {
            let hint = next == "]" ? "this ']' closes no bracket" : next == " " || next == "\t" ? "remove the blank" : nil
            throw unexpected(next, hint: hint)
        }
        return Query(isRelative: false, segments: segments)
    }

    // MARK: Segments

    mutating func parseSegments(topLevel: Bool = false) throws(JSONPathError) -> [Segment] {
        var segments: [Segment] = []
        while true {
            let start = position
            skipBlanks()
            guard let next = peek else {
                position = start
                break
            }
            if next == "[" {
                segments.append(Segment(isDescendant: false, selectors: try parseBracketed()))
            } else if next == "." && peek(1) == "." {
                position += 2
                if peek == "[" {
                    segments.append(Segment(isDescendant: true, selectors: try parseBracketed()))
                } else if peek == "*" {
                    position += 1
                    segments.append(Segment(isDescendant: true, selectors: [.wildcard]))
                } else {
                    segments.append(Segment(isDescendant: true, selectors: [.name(try parseShorthandName(after: ".."))]))
                }
            } else if next == "." {
                position += 1
                if peek == "*" {
                    position += 1
                    segments.append(Segment(isDescendant: false, selectors: [.wildcard]))
                } else {
                    segments.append(Segment(isDescendant: false, selectors: [.name(try parseShorthandName(after: "."))]))
                }
            } else {
                position = start
                break
            }
            if topLevel { segmentEnds.append(position) }
        }
        return segments
    }

    /// `name` in `.name` / `..name`: a letter, `_` or non-ASCII character, then those or digits.
    mutating func parseShorthandName(after dots: String) throws(JSONPathError) -> String {
        let start = position
        guard let first = peek, isNameFirst(first) else {
            let loose = looseName(from: start)
            if peek == nil { throw fail("expected a member name or '*' after '\(dots)'") }
            if !loose.isEmpty {
                throw fail("'\(loose)' cannot follow '\(dots)' unquoted", hint: "write \(dots == "." ? "" : "..")['\(NormalizedPath.escaped(loose))']")
            }
            throw fail("expected a member name or '*' after '\(dots)'")
        }
        var name = String.UnicodeScalarView()
        while let scalar = peek, isNameFirst(scalar) || isDigit(scalar) {
            name.append(scalar)
            position += 1
        }
        if peek == "-" {
            let loose = looseName(from: start)
            position = start
            throw fail(
                "a member name with '-' cannot follow '\(dots)' unquoted",
                hint: "write \(dots == "." ? "" : "..")['\(NormalizedPath.escaped(loose))']")
        }
        return String(name)
    }

    /// The characters from `start` up to the next delimiter, for a suggestion.
    func looseName(from start: Int) -> String {
        var index = start
        var text = String.UnicodeScalarView()
        while index < scalars.count, !".[]()=!<>&|,'\" \t\r\n".unicodeScalars.contains(scalars[index]) {
            text.append(scalars[index])
            index += 1
        }
        return String(text)
    }

    /// `[selector, selector, …]`
    mutating func parseBracketed() throws(JSONPathError) -> [Selector] {
        let open = position
        position += 1
        var selectors: [Selector] = []
        while true {
            skipBlanks()
            selectors.append(try parseSelector())
            skipBlanks()
            guard let next = peek else {
                throw JSONPathError(column: open + 1, message: "the '[' is never closed", hint: "add ']'")
            }
            if next == "," {
                position += 1
                continue
            }
            if next == "]" {
                position += 1
                return selectors
            }
            throw unexpected(next, hint: next == "=" ? "compare with '=='" : "selectors in brackets are separated by ',' and closed by ']'")
        }
    }

    mutating func parseSelector() throws(JSONPathError) -> Selector {
        guard let next = peek else { throw fail("expected a selector, found the end of the query", hint: "add a name, *, an index or a filter, then ']'") }
        switch next {
        case "'", "\"":
            return .name(try parseString())
        case "*":
            position += 1
            return .wildcard
        case "?":
            position += 1
            skipBlanks()
            return .filter(try parseLogical())
        case _ where next == "-" || next == ":" || isDigit(next):
            var start: Int?
            if peek != ":" { start = try parseInteger(what: "an index") }
            skipBlanks()
            guard peek == ":" else {
                guard let start else { throw fail("expected an index") }
                return .index(start)
            }
            position += 1
            skipBlanks()
            var end: Int?
            if let scalar = peek, scalar == "-" || isDigit(scalar) {
                end = try parseInteger(what: "a slice end")
                skipBlanks()
            }
            var step: Int?
            if peek == ":" {
                position += 1
                skipBlanks()
                if let scalar = peek, scalar == "-" || isDigit(scalar) {
                    step = try parseInteger(what: "a slice step")
                }
            }
            return .slice(start: start, end: end, step: step)
        case "]":
            throw fail("empty brackets select nothing", hint: "write a name ('name'), *, an index, a slice or a filter (?…)")
        default:
            if isNameFirst(next) {
                let name = looseName(from: position)
                throw fail("a name in brackets must be quoted", hint: "write ['\(NormalizedPath.escaped(name))']")
            }
            throw unexpected(next, hint: "expected a quoted name, *, an index, a slice or a filter (?…)")
        }
    }

    /// `0` or `-`? a non-zero digit then digits, within ±(2^53 − 1).
    mutating func parseInteger(what: String) throws(JSONPathError) -> Int {
        let start = position
        var negative = false
        if peek == "-" {
            negative = true
            position += 1
        }
        guard let first = peek, isDigit(first) else { throw fail("expected \(what) (an integer)") }
        if first == "0" {
            position += 1
            if negative { position = start; throw fail("-0 is not an integer in JSONPath", hint: "write 0") }
            if let next = peek, isDigit(next) { position = start; throw fail("integers have no leading zeros in JSONPath") }
            return 0
        }
        var value = 0
        while let digit = peek, isDigit(digit) {
            value = value * 10 + Int(digit.value - 0x30)
            position += 1
            if value > Self.maxInteger {
                position = start
                throw fail("\(what) must lie between -(2^53-1) and 2^53-1")
            }
        }
        return negative ? -value : value
    }

    // MARK: Scanning

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    mutating func skipBlanks() {
        while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { position += 1 }
    }

    func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// RFC 9535 `name-first`: ALPHA / "_" / %x80-D7FF / %xE000-10FFFF.
    func isNameFirst(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
            || (0x80...0xD7FF).contains(scalar.value) || scalar.value >= 0xE000
    }

    func fail(_ message: String, hint: String? = nil) -> JSONPathError {
        JSONPathError(column: position + 1, message: message, hint: hint)
    }

    func unexpected(_ scalar: Unicode.Scalar, hint: String? = nil) -> JSONPathError {
        fail("unexpected '\(scalar.escaped(asASCII: false))'", hint: hint)
    }
}

extension Unicode.Scalar {
    var hexDigitValue: Int? {
        switch value {
        case 0x30...0x39: Int(value - 0x30)
        case 0x41...0x46: Int(value - 0x41 + 10)
        case 0x61...0x66: Int(value - 0x61 + 10)
        default: nil
        }
    }
}
