/// A position in a YAML source file.
///
/// `line` and `column` are 1-based. `column` counts Unicode scalars (code points),
/// not bytes and not grapheme clusters: the first character of a line is column 1,
/// and `é: x` puts the colon at column 2 even though `é` is two UTF-8 bytes. A UTF-8
/// byte-order mark at the start of the file is not counted. Line breaks are the ones
/// libyaml recognises: LF, CR, CR LF (one break), NEL (U+0085), LS (U+2028), PS (U+2029).
///
/// `file` is whatever the caller passed to `YAMLParser.parse(_:file:limits:)`;
/// every mark of one parse shares the same `String` storage, so copying a mark is cheap.
public struct Mark: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`
    public var description: String { "\(file):\(line):\(column)" }
}
