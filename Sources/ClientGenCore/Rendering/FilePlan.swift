/// Keeps generated files within a bound, so the compiler builds a large module in parallel and no
/// single frontend process holds gigabytes, without making so many files that each one's fixed cost
/// dominates. Deterministic: the same declarations give the same files.
///
/// - A file of request builders (`extension Namespace { … }`) that would exceed `maxLines` is cut
///   into parts, `Tag+Requests.swift`, `Tag+Requests2.swift`, …, each with whole members, in order.
/// - Models are packed, several types to a file, and so are the request builders of small tags (`pack`).
enum FilePlan {
    static let maxLines = 3_000
    /// The size models are packed to: half the bound, so that a large module has enough files for
    /// the driver to make even batches (it makes one per 25 files, or one per core if that is more).
    static let packedLines = 1_500

    /// Which files of one folder are packed together, and how the packed files are named.
    struct Packing {
        /// The folder, with its slash: `Models/`.
        var folder: String
        /// Files of this many lines or more (header included) stay as they are; `nil`: none do.
        var keepingFilesFrom: Int?
        /// The packed file's name in the folder, from the letter and the part number (1, 2, …).
        var name: @Sendable (String, Int) -> String

        /// Every model file: `Models/A.swift`, `Models/A2.swift`, ….
        static let models = Packing(folder: "Models/", keepingFilesFrom: nil) { letter, part in
            letter + (part == 1 ? "" : String(part)) + ".swift"
        }
        /// Operation files of fewer than 500 lines, a third of `packedLines`: `Operations/Requests+A.swift`,
        /// …; a larger tag keeps its own `<Tag>+Requests.swift` (no tag name holds a `+`).
        static let operations = Packing(folder: "Operations/", keepingFilesFrom: packedLines / 3) { letter, part in
            "Requests+" + letter + (part == 1 ? "" : String(part)) + ".swift"
        }
    }

    /// Packs the files of `packing.folder` (the models: `Models/<Type>.swift`, one type with its nested
    /// types each; small tags' request builders) into files by the first letter of their name: in name
    /// order, a file filled until the next one would take it past `maxLines`. A file larger than that
    /// stays alone in its part (it is still within the bound the translator and `split` keep to); the
    /// only file of its letter keeps its name.
    ///
    /// Why: every file is a module of its own to LLVM, with its own copies of the helpers each file
    /// needs (witness-table accessors, outlined copies, metadata lookups), and every 25 files are one
    /// more driver batch that parses and checks the whole module's declarations again. Plaid as one
    /// file per type is 2,279 files and 232 CPU-seconds of debug build; packed, 88 files and 131;
    /// okta-management with its 121 small tags in 23 files, 118 instead of 130 (Benchmarks/results.md).
    /// Bucketing by letter keeps a new or removed type from moving the other letters' types between files.
    static func pack(_ files: [SwiftFile], _ packing: Packing, maxLines: Int, renderer: Renderer) -> [SwiftFile] {
        let header = lineCount(renderer.render(SwiftFile(path: "", declarations: [])))
        var buckets: [String: [(file: SwiftFile, lines: Int)]] = [:]
        var others: [SwiftFile] = []
        for file in files {
            let name = file.path.dropFirst(packing.folder.count)
            guard file.path.hasPrefix(packing.folder), !name.contains("/"), let first = name.unicodeScalars.first else {
                others.append(file)
                continue
            }
            let lines = lineCount(renderer.render(file))
            if let limit = packing.keepingFilesFrom, lines >= limit {
                others.append(file)
                continue
            }
            let letter = ("a"..."z").contains(first) || ("A"..."Z").contains(first) ? String(first).uppercased() : "_"
            buckets[letter, default: []].append((file, lines - header))
        }
        var packed: [SwiftFile] = []
        for (letter, members) in buckets.sorted(by: { $0.key < $1.key }) {
            guard members.count > 1 else {
                // Nothing to pack it with: the file keeps its own name (`Models/Pet.swift`).
                others.append(members[0].file)
                continue
            }
            var parts: [[Declaration]] = [[]]
            var lines = header
            for (file, size) in members.sorted(by: { $0.file.path < $1.file.path }) {
                if lines + size > maxLines, !parts[parts.count - 1].isEmpty {
                    parts.append([])
                    lines = header
                }
                parts[parts.count - 1] += file.declarations
                lines += size
            }
            for (index, declarations) in parts.enumerated() {
                packed.append(SwiftFile(path: packing.folder + packing.name(letter, index + 1), declarations: declarations))
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
