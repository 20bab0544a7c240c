/// Owns indentation and blank lines; everything else in rendering asks it to write lines.
struct CodeWriter {
    private(set) var text = ""
    private var indentation = 0
    private var pendingBlankLine = false

    mutating func line(_ content: String) {
        if pendingBlankLine {
            text += "\n"
            pendingBlankLine = false
        }
        if content.isEmpty {
            text += "\n"
        } else {
            text += String(repeating: "    ", count: indentation) + content + "\n"
        }
    }

    /// Asks for one blank line before the next line; several requests still give one, and none at a block's start.
    mutating func blankLine() {
        if !text.isEmpty && !text.hasSuffix("{\n") { pendingBlankLine = true }
    }

    mutating func block(_ opening: String, closing: String = "}", parameters: String? = nil, _ body: (inout CodeWriter) -> Void) {
        line(opening + " {" + (parameters.map { " \($0) in" } ?? ""))
        indentation += 1
        pendingBlankLine = false
        body(&self)
        indentation -= 1
        pendingBlankLine = false
        line(closing)
    }

    /// The columns the next line's indentation takes.
    var indentWidth: Int { indentation * 4 }

    /// Lines one level further in, with no braces of their own (the elements of a wrapped literal).
    mutating func indented(_ body: (inout CodeWriter) -> Void) {
        indentation += 1
        body(&self)
        indentation -= 1
    }

    /// A `switch` whose `case` lines stay at the switch's own indentation, as Swift style has it.
    mutating func switchBlock(_ opening: String, _ body: (inout CodeWriter) -> Void) {
        line(opening + " {")
        pendingBlankLine = false
        body(&self)
        pendingBlankLine = false
        line("}")
    }

    /// Every line is made safe here, whoever built the comment: spec text reaches comments through
    /// JSON pointers and names too, not only through `DocText.lines`.
    mutating func doc(_ comment: DocComment) {
        for docLine in comment.lines {
            for safe in DocText.safeLines(docLine) {
                line(safe.isEmpty ? "///" : "/// " + safe)
            }
        }
    }
}

/// Swift literal spellings, escaped so no spec text can end a literal early or interpolate.
public enum SwiftLiteral {
    public static func string(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                // Controls, line separators and every invisible scalar (bidi controls, joiners, BOM…)
                // are spelled as escapes: same string, but nothing hidden in the source.
                let properties = scalar.properties
                switch scalar.value {
                case 0x20..<0x7F:
                    result.unicodeScalars.append(scalar)
                case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                case _ where properties.generalCategory == .format || properties.isDefaultIgnorableCodePoint
                    || properties.generalCategory == .unassigned || properties.generalCategory == .privateUse:
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                default:
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    static func literal(_ value: Literal) -> String {
        switch value {
        case .string(let text): string(text)
        case .integer(let number): String(number)
        case .double(let number) where number.isNaN: ".nan"
        case .double(let number) where number.isInfinite: number < 0 ? "-.infinity" : ".infinity"
        case .double(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) + ".0" : "\(number)"
        case .bool(let flag): flag ? "true" : "false"
        case .enumCase(let name): "." + name
        case .nil: "nil"
        }
    }

    /// `name: Type = default`, as in a parameter list.
    static func parameter(_ name: String, _ type: TypeRef, default value: Literal?) -> String {
        let base = "\(name): \(self.type(type))"
        return value.map { base + " = " + literal($0) } ?? base
    }

    static func type(_ type: TypeRef) -> String {
        switch type {
        case .named(let name): name
        case .optional(let wrapped): self.type(wrapped) + "?"
        case .array(let element): "[" + self.type(element) + "]"
        case .dictionary(let value): "[String: " + self.type(value) + "]"
        case .nullable(let wrapped): "Nullable<" + self.type(wrapped) + ">"
        case .void: "Void"
        }
    }
}
