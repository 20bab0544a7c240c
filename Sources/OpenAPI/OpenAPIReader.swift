import YAML

/// What reading a description produced: the document (nil when it could not be built at all),
/// every problem found on the way (file by file, in document order), and every file read.
public struct ReadResult: Sendable {
    public var document: Document?
    public var diagnostics: [Diagnostic]
    /// The root description first, then each file its `$ref`s named, in the order they were read.
    public var sources: [SourceFile] = []

    public init(document: Document?, diagnostics: [Diagnostic], sources: [SourceFile] = []) {
        self.document = document
        self.diagnostics = diagnostics
        self.sources = sources
    }
}

/// Reads an OpenAPI 3.0/3.1 description from YAML (or JSON, which is YAML) into a `Document`.
/// The whole document is checked in one pass: problems are collected, not thrown.
public enum OpenAPIReader {
    /// - Parameters:
    ///   - file: the root description's path as diagnostics show it; other files are shown beside it.
    ///   - files: where the files that `$ref`s name are read from (by default: nowhere).
    public static func read(bytes: [UInt8], file: String, files: ReferencedFiles = .none) -> ReadResult {
        let root: Node
        do {
            root = try YAMLParser.parse(bytes, file: file)
        } catch {
            return ReadResult(document: nil, diagnostics: [Diagnostic(error)])
        }
        return read(root: root, source: bytes, file: file, files: files)
    }

    public static func read(
        root: Node, source: [UInt8]? = nil, file: String? = nil, files: ReferencedFiles = .none
    ) -> ReadResult {
        var reader = DocumentReader(root: root, file: file, files: files)
        if let source {
            reader.sources.append(SourceFile(path: reader.rootPath, displayPath: reader.rootDisplayPath, bytes: source))
        }
        let document = reader.readDocument()
        // File by file, each in line order, so the printed list reads top to bottom.
        let order = Dictionary(
            reader.sources.enumerated().map { ($1.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
        var diagnostics = reader.diagnostics.enumerated().sorted { lhs, rhs in
            let left = (order[lhs.element.mark?.file ?? ""] ?? 0, lhs.element.mark?.line ?? 0, lhs.element.mark?.column ?? 0, lhs.offset)
            let right = (order[rhs.element.mark?.file ?? ""] ?? 0, rhs.element.mark?.line ?? 0, rhs.element.mark?.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
        attachSourceLines(&diagnostics, sources: reader.sources)
        return ReadResult(document: document, diagnostics: diagnostics, sources: reader.sources)
    }

    /// Gives each diagnostic that has a position the text of its line, for the caret snippet.
    public static func attachSourceLines(_ diagnostics: inout [Diagnostic], source: [UInt8]) {
        guard diagnostics.contains(where: { $0.sourceLine == nil && $0.mark != nil }) else { return }
        let lines = SourceLines(source)
        for index in diagnostics.indices where diagnostics[index].sourceLine == nil {
            if let mark = diagnostics[index].mark {
                diagnostics[index].sourceLine = lines.line(mark.line)
            }
        }
    }

    /// The same for diagnostics in several files: each gets its line from the file its position names.
    public static func attachSourceLines(_ diagnostics: inout [Diagnostic], sources: [SourceFile]) {
        guard diagnostics.contains(where: { $0.sourceLine == nil && $0.mark != nil }) else { return }
        var lines: [String: SourceLines] = [:]
        for source in sources where lines[source.displayPath] == nil {
            lines[source.displayPath] = SourceLines(source.bytes)
        }
        for index in diagnostics.indices where diagnostics[index].sourceLine == nil {
            if let mark = diagnostics[index].mark, let file = lines[mark.file] {
                diagnostics[index].sourceLine = file.line(mark.line)
            }
        }
    }
}

/// The text of a line by number, from an index of line starts built in one pass; only used on
/// the diagnostics path, where a large document may carry hundreds of warnings.
struct SourceLines {
    let bytes: [UInt8]
    /// Offset of the first byte of each line; line 1 starts at 0.
    let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == UInt8(ascii: "\n") {
                starts.append(index + 1)
            }
        }
        lineStarts = starts
    }

    func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
