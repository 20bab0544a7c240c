/// String and number literals: JSON syntax, with single quotes allowed for strings.
extension JSONPathParser {
    /// A single- or double-quoted string with JSON escapes (`\'` in single quotes).
    mutating func parseString() throws(JSONPathError) -> String {
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
    mutating func parseUnicodeEscape() throws(JSONPathError) -> Unicode.Scalar {
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
    mutating func parseNumber() throws(JSONPathError) -> Double {
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
}
