import YAML

/// What reading a description produced: the document (nil when it could not be built at all) and
/// every problem found on the way, in document order.
public struct ReadResult: Sendable {
    public var document: Document?
    public var diagnostics: [Diagnostic]
}

/// Reads an OpenAPI 3.0/3.1 description from YAML (or JSON, which is YAML) into a `Document`.
/// The whole document is checked in one pass: problems are collected, not thrown.
public enum OpenAPIReader {
    public static func read(bytes: [UInt8], file: String) -> ReadResult {
        let root: Node
        do {
            root = try YAMLParser.parse(bytes, file: file)
        } catch {
            return ReadResult(document: nil, diagnostics: [Diagnostic(error)])
        }
        return read(root: root, source: bytes)
    }

    public static func read(root: Node, source: [UInt8]? = nil) -> ReadResult {
        var reader = DocumentReader(root: root)
        let document = reader.readDocument()
        // In file order, so the printed list reads top to bottom.
        var diagnostics = reader.diagnostics.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.mark?.line ?? 0, lhs.element.mark?.column ?? 0, lhs.offset)
            let right = (rhs.element.mark?.line ?? 0, rhs.element.mark?.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
        if let source { attachSourceLines(&diagnostics, source: source) }
        return ReadResult(document: document, diagnostics: diagnostics)
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
