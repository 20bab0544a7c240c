/// Turns spec prose into `///` lines that cannot break out of the comment or confuse a reader:
/// control characters and bidirectional overrides are dropped, blank runs collapsed.
enum DocText {
    static func lines(_ text: String?) -> [String] {
        guard let text else { return [] }
        var lines: [String] = []
        // Printable ASCII with `\n` breaks (most prose): split and trim on bytes, no per-scalar cleaning.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) {
            for rawLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
                var end = rawLine.endIndex
                while end > rawLine.startIndex, text.utf8[text.utf8.index(before: end)] == 0x20 {
                    end = text.utf8.index(before: end)
                }
                if end == rawLine.startIndex {
                    if let last = lines.last, !last.isEmpty { lines.append("") }
                } else {
                    lines.append(String(decoding: rawLine[rawLine.startIndex..<end], as: UTF8.self))
                }
            }
            while lines.last == "" { lines.removeLast() }
            return lines
        }
        return generalLines(text)
    }

    /// `lines(_:)` for any text: every line break, control and bidi character handled.
    static func generalLines(_ text: String) -> [String] {
        var lines: [String] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let cleaned = clean(String(rawLine))
            if cleaned.isEmpty {
                if let last = lines.last, !last.isEmpty { lines.append("") }
            } else {
                lines.append(cleaned)
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// One `///` line's text as safe lines: split at every line break Swift or an editor honours
    /// (a break would end the comment and start code), each line cleaned like `lines(_:)`.
    static func safeLines(_ line: String) -> [String] {
        guard line.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value >= 0x7F }) else { return [line] }
        let parts = line.unicodeScalars.split(omittingEmptySubsequences: false) { scalar in
            [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains(scalar.value)
        }
        return parts.map { clean(String(String.UnicodeScalarView($0))) }
    }

    /// Paragraphs joined by one blank line.
    static func comment(_ paragraphs: [[String]]) -> DocComment {
        var lines: [String] = []
        for paragraph in paragraphs where !paragraph.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines += paragraph
        }
        return DocComment(lines: lines)
    }

    /// Summary and description, skipping the description when it only repeats the summary.
    static func summaryAndDescription(_ summary: String?, _ description: String?) -> [[String]] {
        let summaryLines = lines(summary)
        let descriptionLines = lines(description)
        if descriptionLines == summaryLines { return [summaryLines] }
        return [summaryLines, descriptionLines]
    }

    private static func clean(_ line: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(line.unicodeScalars.count)
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x09: result.unicodeScalars.append(" ")
            case 0x00...0x1F, 0x7F, 0x80...0x9F: continue
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        while result.last == " " { result.removeLast() }
        return result
    }
}
