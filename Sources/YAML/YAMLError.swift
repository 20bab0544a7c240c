/// An error found while reading a YAML document: a libyaml reader/scanner/parser error,
/// or one detected while building the node tree (duplicate key, alias problems, limits).
public struct YAMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var mark: Mark
    /// What the problem is, e.g. libyaml's `found character that cannot start any token`
    /// or `duplicate key "name" (first defined at line 3, column 5)`.
    public var message: String
    /// libyaml's context, e.g. `while scanning a quoted scalar`, if it gave one.
    public var context: String?
    /// Where the `context` starts (e.g. the opening quote of an unclosed string), if known.
    public var contextMark: Mark?
    /// The source line containing `mark`, used for the caret snippet in `description`.
    /// Very long lines are cut to a window around the column, with `...` at the cut ends.
    public var sourceLine: String?
    /// 1-based position of the caret within `sourceLine` (differs from `mark.column`
    /// only when the line was cut to a window).
    var caretColumn: Int?

    public init(
        mark: Mark,
        message: String,
        context: String? = nil,
        contextMark: Mark? = nil,
        sourceLine: String? = nil
    ) {
        self.mark = mark
        self.message = message
        self.context = context
        self.contextMark = contextMark
        self.sourceLine = sourceLine
        self.caretColumn = nil
    }

    /// `file:line:column: error: message`, then — if `sourceLine` is known — a newline,
    /// the source line, a newline and a caret under the column. The caret is indented
    /// with spaces, except that tabs in the source line before the column are repeated
    /// as tabs so the caret lines up in a terminal.
    public var description: String {
        var text = "\(mark): error: \(message)"
        guard let sourceLine else { return text }
        text += "\n"
        text += sourceLine
        text += "\n"
        let column = caretColumn ?? mark.column
        var padding = ""
        var remaining = max(column - 1, 0)
        for scalar in sourceLine.unicodeScalars where remaining > 0 {
            padding.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
            remaining -= 1
        }
        if remaining > 0 { padding += String(repeating: " ", count: remaining) }
        text += padding
        text += "^"
        return text
    }
}
