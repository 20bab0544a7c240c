import ClientGenCore
import Foundation

/// A generated module's folder on disk. Only ClientGen's own files (those starting with its header)
/// are ever replaced or removed; anything else in the folder stops the write with an error.
struct OutputFolder {
    let path: String

    private var fileManager: FileManager { .default }

    /// Refuses folders whose loss would hurt: the filesystem root, the home folder, the current folder.
    func checkSafe() throws {
        let resolved = URL(fileURLWithPath: path).standardized.path
        let home = fileManager.homeDirectoryForCurrentUser.standardized.path
        let current = URL(fileURLWithPath: fileManager.currentDirectoryPath).standardized.path
        if resolved == "/" || resolved == home || resolved == current || path.isEmpty {
            throw CLIError("refusing to write generated files into '\(path)'; give the module its own folder such as Generated/MyAPI")
        }
    }

    /// Relative path → contents of every file below the folder.
    func existingFiles() -> [String: Data] {
        let root = URL(fileURLWithPath: path)
        guard let enumerator = fileManager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return [:]
        }
        var files: [String: Data] = [:]
        let prefix = root.standardized.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardized.path
            guard full.hasPrefix(prefix), let data = fileManager.contents(atPath: full) else { continue }
            files[String(full.dropFirst(prefix.count))] = data
        }
        return files
    }

    private static func isGenerated(_ data: Data) -> Bool {
        data.starts(with: Data(Generator.headerPrefix.utf8))
    }

    /// Writes what changed, removes ClientGen files no longer generated, and leaves unchanged files alone
    /// so a null build stays null. Each file is replaced atomically.
    func write(_ files: [GeneratedFile]) throws -> String {
        try checkSafe()
        let existing = existingFiles()
        let foreign = existing.filter { !Self.isGenerated($0.value) && $0.key != ".editorconfig" }.keys.sorted()
        if !foreign.isEmpty {
            throw CLIError(
                "'\(path)' holds files ClientGen did not generate: \(foreign.joined(separator: ", ")); move them out of the output folder (nothing was written)")
        }
        var written = 0
        var unchanged = 0
        for file in files {
            let data = Data(file.contents.utf8)
            if existing[file.path] == data {
                unchanged += 1
                continue
            }
            let url = URL(fileURLWithPath: path).appendingPathComponent(file.path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
            written += 1
        }
        let stale = Set(existing.keys).subtracting(files.map(\.path)).subtracting([".editorconfig"]).sorted()
        for file in stale {
            try fileManager.removeItem(atPath: URL(fileURLWithPath: path).appendingPathComponent(file).path)
        }
        return "\(written) written, \(unchanged) unchanged, \(stale.count) removed"
    }

    /// A unified diff from what is on disk to what would be generated; empty when they match.
    func diff(against files: [GeneratedFile]) -> String {
        let existing = existingFiles().filter { $0.key != ".editorconfig" }
        var output = ""
        for file in files {
            let old = existing[file.path].map { String(decoding: $0, as: UTF8.self) } ?? ""
            output += TextDiff.unified(
                old: old, new: file.contents,
                oldName: existing[file.path] == nil ? "/dev/null" : "\(path)/\(file.path)",
                newName: "\(path)/\(file.path) (generated)")
        }
        for stale in Set(existing.keys).subtracting(files.map(\.path)).sorted() {
            output += "--- \(path)/\(stale)\n+++ /dev/null\n(file is no longer generated)\n"
        }
        return output
    }
}
