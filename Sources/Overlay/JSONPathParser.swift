/// Parses RFC 9535 query syntax (section 2 and its ABNF in appendix A) into a `Query`, checking
/// what the RFC calls validity too: integers in the I-JSON range, comparisons of singular queries
/// only, and well-typed function calls. Errors carry the column where the problem is.
struct JSONPathParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
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

    private mutating func parseSegments(topLevel: Bool = false) throws(JSONPathError) -> [Segment] {
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
    private mutating func parseShorthandName(after dots: String) throws(JSONPathError) -> String {
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
    private func looseName(from start: Int) -> String {
        var index = start
        var text = String.UnicodeScalarView()
        while index < scalars.count, !".[]()=!<>&|,'\" \t\r\n".unicodeScalars.contains(scalars[index]) {
            text.append(scalars[index])
            index += 1
        }
        return String(text)
    }

    /// `[selector, selector, …]`
    private mutating func parseBracketed() throws(JSONPathError) -> [Selector] {
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

    private mutating func parseSelector() throws(JSONPathError) -> Selector {
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
    private mutating func parseInteger(what: String) throws(JSONPathError) -> Int {
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

    // MARK: Filters

    private mutating func parseLogical() throws(JSONPathError) -> LogicalExpression {
        var terms = [try parseAnd()]
        while true {
            let start = position
            skipBlanks()
            guard peek == "|", peek(1) == "|" else {
                position = start
                break
            }
            position += 2
            skipBlanks()
            terms.append(try parseAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func parseAnd() throws(JSONPathError) -> LogicalExpression {
        var terms = [try parseBasic()]
        while true {
            let start = position
            skipBlanks()
            guard peek == "&", peek(1) == "&" else {
                position = start
                break
            }
            position += 2
            skipBlanks()
            terms.append(try parseBasic())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private mutating func parseBasic() throws(JSONPathError) -> LogicalExpression {
        if peek == "!" {
            let bang = position
            position += 1
            skipBlanks()
            if peek == "(" { return .not(try parseParenthesised()) }
            let start = position
            let operand = try parseOperand()
            let afterOperand = position
            skipBlanks()
            if comparisonOperator() != nil {
                position = bang
                throw fail("'!' negates a parenthesised expression or a query, not a comparison", hint: "write !(… == …), or use !=")
            }
            position = afterOperand
            return .not(try test(operand, at: start))
        }
        if peek == "(" { return try parseParenthesised() }
        let start = position
        let left = try parseOperand()
        let afterLeft = position
        skipBlanks()
        guard let op = comparisonOperator() else {
            position = afterLeft
            return try test(left, at: start)
        }
        position += op.rawValue.unicodeScalars.count
        skipBlanks()
        let rightStart = position
        let right = try parseOperand()
        return .comparison(try comparable(left, at: start), op, try comparable(right, at: rightStart))
    }

    private mutating func parseParenthesised() throws(JSONPathError) -> LogicalExpression {
        let open = position
        position += 1
        skipBlanks()
        let inner = try parseLogical()
        skipBlanks()
        guard peek == ")" else {
            if let next = peek {
                throw unexpected(next, hint: next == "=" ? "compare with '=='" : "expected ')' to close the '(' at column \(open + 1)")
            }
            throw JSONPathError(column: open + 1, message: "the '(' is never closed", hint: "add ')'")
        }
        position += 1
        return inner
    }

    private func comparisonOperator() -> ComparisonOperator? {
        switch (peek, peek(1)) {
        case ("=", "="): .equal
        case ("!", "="): .notEqual
        case ("<", "="): .lessOrEqual
        case (">", "="): .greaterOrEqual
        case ("<", _): .less
        case (">", _): .greater
        default: nil
        }
    }

    /// What may stand on either side of a comparison, in a test, or as a function argument.
    private enum Operand {
        case literal(PathValue)
        case query(Query)
        case function(FunctionCall)
    }

    private mutating func parseOperand() throws(JSONPathError) -> Operand {
        guard let next = peek else { throw fail("expected a query, a literal or a function, found the end of the query", hint: "complete the filter, then close it with ']'") }
        switch next {
        case "@", "$":
            position += 1
            return .query(Query(isRelative: next == "@", segments: try parseSegments()))
        case "'", "\"":
            return .literal(.string(try parseString()))
        case _ where next == "-" || isDigit(next):
            return .literal(.number(try parseNumber()))
        case _ where next.properties.isLowercase && next.isASCII:
            let start = position
            var name = String.UnicodeScalarView()
            while let scalar = peek, scalar.isASCII && (scalar.properties.isLowercase || isDigit(scalar) || scalar == "_") {
                name.append(scalar)
                position += 1
            }
            let word = String(name)
            if peek != "(" {
                switch word {
                case "true": return .literal(.bool(true))
                case "false": return .literal(.bool(false))
                case "null": return .literal(.null)
                default:
                    position = start
                    throw fail("unexpected '\(word)'", hint: "a member of the current node is @.\(word); a string is quoted: '\(word)'")
                }
            }
            guard let function = PathFunction(rawValue: word) else {
                position = start
                throw fail(
                    "unknown function '\(word)'",
                    hint: "RFC 9535 defines \(PathFunction.allCases.map { $0.rawValue + "()" }.joined(separator: ", "))")
            }
            return .function(try parseArguments(of: function, at: start))
        default:
            if next == "(" {
                throw fail("a parenthesised expression cannot be compared", hint: "compare a query, a literal or a function")
            }
            if isNameFirst(next) {
                let word = looseName(from: position)
                throw fail("unexpected '\(word)'", hint: "a member of the current node is @.\(word); true, false and null are lower case")
            }
            throw unexpected(next, hint: "expected a query (@… or $…), a literal or a function")
        }
    }

    private mutating func parseArguments(of function: PathFunction, at start: Int) throws(JSONPathError) -> FunctionCall {
        position += 1
        var arguments: [FunctionArgument] = []
        var index = 0
        skipBlanks()
        if peek == ")" {
            position += 1
        } else {
            while true {
                skipBlanks()
                let argumentStart = position
                let operand = try parseOperand()
                guard index < function.parameters.count else {
                    position = argumentStart
                    throw fail("\(function.rawValue)() takes \(function.parameters.count) argument\(function.parameters.count == 1 ? "" : "s")")
                }
                arguments.append(try argument(operand, for: function.parameters[index], of: function, at: argumentStart))
                index += 1
                skipBlanks()
                if peek == "," {
                    position += 1
                    continue
                }
                guard peek == ")" else {
                    if let next = peek { throw unexpected(next, hint: "arguments are separated by ',' and closed by ')'") }
                    throw JSONPathError(column: start + 1, message: "the call of \(function.rawValue)() is never closed", hint: "add ')'")
                }
                position += 1
                break
            }
        }
        guard arguments.count == function.parameters.count else {
            throw JSONPathError(
                column: start + 1,
                message: "\(function.rawValue)() takes \(function.parameters.count) argument\(function.parameters.count == 1 ? "" : "s"), not \(arguments.count)")
        }
        return FunctionCall(function: function, arguments: arguments)
    }

    /// Checks an argument against its parameter type (RFC 9535 section 2.4.3, well-typedness).
    private func argument(
        _ operand: Operand, for kind: PathFunction.Kind, of function: PathFunction, at column: Int
    ) throws(JSONPathError) -> FunctionArgument {
        switch (kind, operand) {
        case (.value, .literal(let value)): return .literal(value)
        case (.value, .query(let query)):
            guard query.isSingular else {
                throw JSONPathError(
                    column: column + 1, message: "\(function.rawValue)() takes a value, and this query may select several nodes",
                    hint: "use a query of names and indices only, such as @.name")
            }
            return .query(query)
        case (.value, .function(let call)):
            guard call.function.result == .value else {
                throw JSONPathError(column: column + 1, message: "\(call.function.rawValue)() gives a logical result, not a value")
            }
            return .function(call)
        case (.nodes, .query(let query)): return .query(query)
        case (.nodes, _):
            throw JSONPathError(column: column + 1, message: "\(function.rawValue)() takes a query (@… or $…)")
        case (.logical, .query(let query)): return .logical(.exists(query))
        case (.logical, .function(let call)) where call.function.result != .value: return .logical(.function(call))
        case (.logical, _):
            throw JSONPathError(column: column + 1, message: "\(function.rawValue)() takes a logical expression")
        }
    }

    /// An operand standing alone in a filter: an existence test or a logical function.
    private func test(_ operand: Operand, at column: Int) throws(JSONPathError) -> LogicalExpression {
        switch operand {
        case .query(let query): return .exists(query)
        case .function(let call):
            guard call.function.result != .value else {
                throw JSONPathError(
                    column: column + 1, message: "\(call.function.rawValue)() gives a value, which is not a test on its own",
                    hint: "compare it, e.g. \(call.function.rawValue)(…) > 0")
            }
            return .function(call)
        case .literal:
            throw JSONPathError(column: column + 1, message: "a literal on its own is not a test", hint: "compare it with a query, e.g. @.name == 'x'")
        }
    }

    private func comparable(_ operand: Operand, at column: Int) throws(JSONPathError) -> Comparable {
        switch operand {
        case .literal(let value): return .literal(value)
        case .query(let query):
            guard query.isSingular else {
                throw JSONPathError(
                    column: column + 1, message: "only a singular query (names and indices, no '*', '..', slices or filters) can be compared",
                    hint: "compare one node, such as @.name, or test that a match exists: [?@.items[?@ == 'x']]")
            }
            return .query(query)
        case .function(let call):
            guard call.function.result == .value else {
                throw JSONPathError(column: column + 1, message: "\(call.function.rawValue)() gives a logical result, which cannot be compared", hint: "use it as a test on its own")
            }
            return .function(call)
        }
    }

    // MARK: Literals

    /// A single- or double-quoted string with JSON escapes (`\'` in single quotes).
    private mutating func parseString() throws(JSONPathError) -> String {
        let open = position
        let quote = scalars[position]
        position += 1
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = peek else {
                throw JSONPathError(column: open + 1, message: "the string is never closed", hint: "add \(quote) at its end")
            }
            if scalar == quote {
                position += 1
                return String(text)
            }
            if scalar.value < 0x20 {
                throw fail("a control character cannot appear in a string", hint: "write it as an escape such as \\n or \\u0009")
            }
            guard scalar == "\\" else {
                text.append(scalar)
                position += 1
                continue
            }
            position += 1
            guard let escaped = peek else { continue }
            switch escaped {
            case "b": text.append("\u{08}")
            case "f": text.append("\u{0C}")
            case "n": text.append("\n")
            case "r": text.append("\r")
            case "t": text.append("\t")
            case "/", "\\": text.append(escaped)
            case _ where escaped == quote: text.append(escaped)
            case "u":
                position += 1
                text.append(try parseUnicodeEscape())
                continue
            default:
                position -= 1
                throw fail(
                    "'\\\(escaped)' is not an escape in a \(quote == "'" ? "single" : "double")-quoted string",
                    hint: "escapes are \\b \\f \\n \\r \\t \\/ \\\\ \\\(quote) and \\uXXXX")
            }
            position += 1
        }
    }

    /// The `XXXX` after `\u`, with a following `\uXXXX` when it is a high surrogate.
    private mutating func parseUnicodeEscape() throws(JSONPathError) -> Unicode.Scalar {
        let start = position - 2
        func hex() throws(JSONPathError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let scalar = peek, let digit = scalar.hexDigitValue else {
                    throw JSONPathError(column: start + 1, message: "\\u needs four hexadecimal digits")
                }
                value = value * 16 + UInt32(digit)
                position += 1
            }
            return value
        }
        let first = try hex()
        if (0xDC00...0xDFFF).contains(first) {
            throw JSONPathError(column: start + 1, message: "\\u\(String(first, radix: 16, uppercase: true)) is a low surrogate without a high one")
        }
        guard (0xD800...0xDBFF).contains(first) else { return Unicode.Scalar(first)! }
        guard peek == "\\", peek(1) == "u" else {
            throw JSONPathError(column: start + 1, message: "a high surrogate escape must be followed by a low one (\\uDC00-\\uDFFF)")
        }
        position += 2
        let second = try hex()
        guard (0xDC00...0xDFFF).contains(second) else {
            throw JSONPathError(column: start + 1, message: "a high surrogate escape must be followed by a low one (\\uDC00-\\uDFFF)")
        }
        return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
    }

    /// A JSON number (`-0` allowed here, unlike in indices).
    private mutating func parseNumber() throws(JSONPathError) -> Double {
        let start = position
        var text = ""
        func digits() -> Int {
            var count = 0
            while let scalar = peek, isDigit(scalar) {
                text.unicodeScalars.append(scalar)
                position += 1
                count += 1
            }
            return count
        }
        if peek == "-" {
            text += "-"
            position += 1
        }
        guard let first = peek, isDigit(first) else { throw fail("expected a digit after '-'") }
        if first == "0", let next = peek(1), isDigit(next) {
            throw fail("numbers have no leading zeros in JSONPath")
        }
        _ = digits()
        if peek == "." {
            text += "."
            position += 1
            guard digits() > 0 else { throw fail("expected a digit after the decimal point") }
        }
        if peek == "e" || peek == "E" {
            text += "e"
            position += 1
            if let sign = peek, sign == "+" || sign == "-" {
                text.unicodeScalars.append(sign)
                position += 1
            }
            guard digits() > 0 else { throw fail("expected the exponent's digits") }
        }
        guard let value = Double(text) else {
            position = start
            throw fail("'\(text)' is not a number")
        }
        return value
    }

    // MARK: Scanning

    private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private mutating func skipBlanks() {
        while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { position += 1 }
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// RFC 9535 `name-first`: ALPHA / "_" / %x80-D7FF / %xE000-10FFFF.
    private func isNameFirst(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
            || (0x80...0xD7FF).contains(scalar.value) || scalar.value >= 0xE000
    }

    private func fail(_ message: String, hint: String? = nil) -> JSONPathError {
        JSONPathError(column: position + 1, message: message, hint: hint)
    }

    private func unexpected(_ scalar: Unicode.Scalar, hint: String? = nil) -> JSONPathError {
        fail("unexpected '\(scalar.escaped(asASCII: false))'", hint: hint)
    }
}

extension Unicode.Scalar {
    fileprivate var hexDigitValue: Int? {
        switch value {
        case 0x30...0x39: Int(value - 0x30)
        case 0x41...0x46: Int(value - 0x41 + 10)
        case 0x61...0x66: Int(value - 0x61 + 10)
        default: nil
        }
    }
}
