/// Keeps generated files small, so the compiler builds a large module in parallel and no single
/// frontend process holds gigabytes: a file of request builders (`extension Namespace { … }`) that
/// would exceed `maxLines` is cut into parts, `Tag+Requests.swift`, `Tag+Requests2.swift`, …,
/// each with whole members, in order. Deterministic: the same declarations give the same parts.
enum FilePlan {
    static let maxLines = 3_000

    static func split(_ files: [SwiftFile], maxLines: Int, renderer: Renderer) -> [SwiftFile] {
        var taken = Set(files.map(\.path))
        return files.flatMap { file -> [SwiftFile] in
            guard file.declarations.count == 1, case .extension(let whole) = file.declarations[0], whole.members.count > 1,
                lineCount(renderer.render(file)) > maxLines
            else { return [file] }
            // Each member's lines, as rendered alone in the extension (less the file's own header).
            let overhead = lineCount(renderer.render(SwiftFile(path: file.path, declarations: [.extension(Extension(doc: whole.doc, name: whole.name, members: []))])))
            var parts: [[Declaration]] = [[]]
            var lines = overhead
            for member in whole.members {
                let alone = SwiftFile(path: file.path, declarations: [.extension(Extension(doc: whole.doc, name: whole.name, members: [member]))])
                let size = lineCount(renderer.render(alone)) - overhead + 1
                if lines + size > maxLines, !parts[parts.count - 1].isEmpty {
                    parts.append([])
                    lines = overhead
                }
                parts[parts.count - 1].append(member)
                lines += size
            }
            let base = String(file.path.dropLast(".swift".count))
            return parts.enumerated().map { index, members in
                var path = index == 0 ? file.path : "\(base)\(index + 1).swift"
                var suffix = index + 1
                while index > 0 && taken.contains(path) {
                    suffix += parts.count
                    path = "\(base)\(suffix).swift"
                }
                taken.insert(path)
                var doc = whole.doc
                if let first = doc.lines.first {
                    doc.lines[0] = first + " Part \(index + 1) of \(parts.count)."
                }
                return SwiftFile(path: path, declarations: [.extension(Extension(doc: doc, name: whole.name, members: members))])
            }
        }
    }

    private static func lineCount(_ text: String) -> Int {
        text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}
