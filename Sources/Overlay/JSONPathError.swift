/// Why a string is not a valid RFC 9535 query: where (a 1-based column inside the expression,
/// counted in Unicode scalars), what is wrong, and what to write instead.
public struct JSONPathError: Error, Hashable, Sendable, CustomStringConvertible {
    public var column: Int
    public var message: String
    public var hint: String?

    public init(column: Int, message: String, hint: String? = nil) {
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `column 7: expected ']' to close the brackets opened at column 3`
    public var description: String {
        "column \(column): \(message)" + (hint.map { " (\($0))" } ?? "")
    }
}
