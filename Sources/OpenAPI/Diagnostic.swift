import YAML

/// A problem found while reading or translating a description: what, where, and what to change.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var message: String
    /// Where in the file; nil only for problems that belong to no node (an unreadable file).
    public var mark: Mark?
    /// The JSON pointer of the node, e.g. `#/paths/~1processes/get`.
    public var pointer: String?
    /// What to change, in the user's terms.
    public var hint: String?
    /// The source line at `mark`, for the caret snippet.
    public var sourceLine: String?

    public init(
        _ severity: Severity,
        _ message: String,
        at mark: Mark? = nil,
        pointer: String? = nil,
        hint: String? = nil,
        sourceLine: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.mark = mark
        self.pointer = pointer
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// `file:line:column: error: message [#/pointer]`, then the source line with a caret and the hint.
    public var description: String {
        var text = ""
        if let mark { text += "\(mark): " }
        text += "\(severity.rawValue): \(message)"
        if let pointer { text += " [\(pointer)]" }
        if let sourceLine, let mark {
            text += "\n" + sourceLine + "\n" + String(repeating: " ", count: max(0, mark.column - 1)) + "^"
        }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

extension Diagnostic {
    /// Turns a YAML syntax error into a diagnostic so the CLI prints both kinds the same way.
    public init(_ error: YAMLError) {
        var context = error.context
        if let start = error.contextMark, start != error.mark, let text = context {
            context = "\(text) that starts at line \(start.line), column \(start.column)"
        }
        let message = context.map { "\(error.message) (\($0))" } ?? error.message
        var hint: String?
        if error.sourceLine?.contains("\t") == true, error.message.contains("cannot start any token") || error.message.contains("tab") {
            hint = "YAML is indented with spaces; replace the tab characters"
        } else if error.message.contains("end of stream"), error.context?.contains("quoted scalar") == true {
            hint = "close the quoted string"
        }
        self.init(.error, message, at: error.mark, hint: hint, sourceLine: error.sourceLine)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
