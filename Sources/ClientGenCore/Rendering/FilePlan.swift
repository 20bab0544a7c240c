/// Keeps generated files within a bound, so the compiler builds a large module in parallel and no
/// single frontend process holds gigabytes, without making so many files that each one's fixed cost
/// dominates. Deterministic: the same declarations give the same files.
///
/// - A file of request builders (`extension Namespace { … }`) that would exceed `maxLines` is cut
///   into parts, `Tag+Requests.swift`, `Tag+Requests2.swift`, …, each with whole members, in order.
/// - Models are packed, several types to a file (`pack`).
enum FilePlan {
    static let maxLines = 3_000
    /// The size models are packed to: half the bound, so that a large module has enough files for
    /// the driver to make even batches (it makes one per 25 files, or one per core if that is more).
    static let packedLines = 1_500

    /// Packs the model files (`Models/<Type>.swift`, one type with its nested types each) into files
    /// by the first letter of the type's name, `Models/A.swift`, `Models/A2.swift`, …: types in name
    /// order, a file filled until the next type would take it past `maxLines`. A type larger than
    /// that has a file of its own (it is still within the bound the translator keeps types to).
    ///
    /// Why: every file is a module of its own to LLVM, with its own copies of the helpers each file
    /// needs (witness-table accessors, outlined copies, metadata lookups). Plaid as one file per type
    /// is 2,279 files and 232 CPU-seconds of debug build; packed, 139. Bucketing by letter keeps a
    /// new or removed type from moving types of other letters between files.
    static func pack(_ files: [SwiftFile], maxLines: Int, renderer: Renderer) -> [SwiftFile] {
        let prefix = "Models/"
        var buckets: [String: [SwiftFile]] = [:]
        var others: [SwiftFile] = []
        for file in files {
            let name = file.path.dropFirst(prefix.count)
            guard file.path.hasPrefix(prefix), !name.contains("/"), let first = name.unicodeScalars.first else {
                others.append(file)
                continue
            }
            let letter = ("a"..."z").contains(first) || ("A"..."Z").contains(first) ? String(first).uppercased() : "_"
            buckets[letter, default: []].append(file)
        }
        let header = lineCount(renderer.render(SwiftFile(path: "", declarations: [])))
        var packed: [SwiftFile] = []
        for (letter, members) in buckets.sorted(by: { $0.key < $1.key }) {
            var parts: [[Declaration]] = [[]]
            var lines = header
            for file in members.sorted(by: { $0.path < $1.path }) {
                let size = lineCount(renderer.render(file)) - header
                if lines + size > maxLines, !parts[parts.count - 1].isEmpty {
                    parts.append([])
                    lines = header
                }
                parts[parts.count - 1] += file.declarations
                lines += size
            }
            for (index, declarations) in parts.enumerated() {
                let path = prefix + letter + (index == 0 ? "" : String(index + 1)) + ".swift"
                packed.append(SwiftFile(path: path, declarations: declarations))
            }
        }
        return others + packed
    }

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
