import ClientGenCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A generated module's folder on disk. Only ClientGen's own files (those starting with its header)
/// are ever replaced or removed; anything else in the folder stops the write with an error.
///
/// A write never edits the folder in place: the new contents are built in a sibling folder
/// (`.<name>.clientgen-new-<pid>`) and swapped in with one atomic exchange, so a failed or killed run
/// leaves the previous folder exactly as it was. Files whose bytes do not change are hard links to the
/// old ones (same inode, same modification time), and when nothing changed nothing is touched at all,
/// so a null build stays null.
struct OutputFolder {
    let path: String

    private var fileManager: FileManager { .default }

    /// Files in an output folder that ClientGen keeps but never writes.
    static let keptFiles: Set<String> = [".editorconfig"]

    /// Marks the sibling folders a write works in; leftovers of killed runs are removed by the next write.
    static let workFolderMarker = ".clientgen-"

    // MARK: Safety

    /// Refuses folders whose loss would hurt: the filesystem root, the home folder, the current folder,
    /// any folder holding one of those, and any package or repository root.
    func checkSafe() throws {
        guard !path.isEmpty else { throw refusal("no folder given") }
        let resolved = Self.resolved(path)
        let home = Self.resolved(fileManager.homeDirectoryForCurrentUser.path)
        let current = Self.resolved(fileManager.currentDirectoryPath)
        func isSelfOrAncestor(_ folder: String, of other: String) -> Bool {
            folder == other || folder == "/" || other.hasPrefix(folder + "/")
        }
        if resolved == "/" { throw refusal("it is the filesystem root") }
        if isSelfOrAncestor(resolved, of: home) { throw refusal("it is or holds the home folder") }
        if isSelfOrAncestor(resolved, of: current) { throw refusal("it is or holds the current folder") }
        for marker in ["Package.swift", ".git"] where fileManager.fileExists(atPath: resolved + "/" + marker) {
            throw refusal("it holds \(marker), so it is a package or repository root")
        }
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CLIError("'\(path)' is a file, not a folder; give the module its own folder such as Generated/MyAPI")
        }
    }

    private func refusal(_ reason: String) -> CLIError {
        CLIError("refusing to write generated files into '\(path)' (\(reason)); give the module its own folder such as Generated/MyAPI")
    }

    /// The absolute path with `.`, `..` and every symlink resolved the way the kernel would (for the part
    /// that exists; missing components are appended as written).
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var current = "/"
        for component in absolute.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": current = (current as NSString).deletingLastPathComponent
            default:
                let next = current == "/" ? "/" + component : current + "/" + component
                if let real = realpath(next, nil) {
                    current = String(cString: real)
                    free(real)
                } else {
                    current = next
                }
            }
        }
        return current.isEmpty ? "/" : current
    }

    // MARK: Reading

    /// What is in the folder now.
    struct Contents {
        /// Relative path → contents of every regular file.
        var files: [String: Data] = [:]
        /// Relative paths of every subfolder (kept as they are).
        var folders: [String] = []
        /// Relative paths of entries that are neither regular files nor folders (symlinks, sockets…).
        var others: [String] = []
    }

    func contents() -> Contents {
        var contents = Contents()
        let root = Self.resolved(path)
        guard let enumerator = fileManager.enumerator(atPath: root) else { return contents }
        while let relative = enumerator.nextObject() as? String {
            let full = root + "/" + relative
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                if let data = fileManager.contents(atPath: full) { contents.files[relative] = data }
            case S_IFDIR:
                contents.folders.append(relative)
            default:
                contents.others.append(relative)
                if info.st_mode & S_IFMT == S_IFLNK { enumerator.skipDescendants() }
            }
        }
        return contents
    }

    /// Relative path → contents of every file below the folder.
    func existingFiles() -> [String: Data] { contents().files }

    private static func isGenerated(_ data: Data) -> Bool {
        data.starts(with: Data(Generator.headerPrefix.utf8))
    }

    // MARK: Writing

    /// Replaces the folder's ClientGen files by `files` in one atomic swap; unchanged files keep their
    /// bytes, inode and modification time, and nothing is touched when nothing changed.
    func write(_ files: [GeneratedFile]) throws -> String {
        try checkSafe()
        let target = Self.resolved(path)
        removeLeftovers(of: target)
        let existing = contents()
        let foreign = (existing.files.filter { !Self.isGenerated($0.value) && !Self.keptFiles.contains($0.key) }.keys
            + existing.others).sorted()
        if !foreign.isEmpty {
            throw CLIError(
                "'\(path)' holds files ClientGen did not generate: \(foreign.joined(separator: ", ")); move them out of the output folder (nothing was written)")
        }
        let new = Dictionary(files.map { ($0.path, Data($0.contents.utf8)) }, uniquingKeysWith: { _, last in last })
        for file in new.keys where !Self.isSafeRelativePath(file) {
            throw CLIError("refusing to write '\(file)': generated file paths must stay inside the output folder")
        }
        let unchanged = new.filter { existing.files[$0.key] == $0.value }.count
        let stale = Set(existing.files.keys).subtracting(new.keys).subtracting(Self.keptFiles).sorted()
        let written = new.count - unchanged
        let summary = "\(written) written, \(unchanged) unchanged, \(stale.count) removed"
        if written == 0, stale.isEmpty { return summary }

        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let work = parent + "/." + name + Self.workFolderMarker + "new-" + String(getpid())
        try? fileManager.removeItem(atPath: work)
        do {
            try fileManager.createDirectory(atPath: work, withIntermediateDirectories: false)
            for folder in existing.folders {
                try fileManager.createDirectory(atPath: work + "/" + folder, withIntermediateDirectories: true)
            }
            // Kept files and unchanged generated files: hard links, so bytes, inode and mtime stay.
            let carried = existing.files.keys.filter { Self.keptFiles.contains($0) && new[$0] == nil }
                + new.keys.filter { existing.files[$0] == new[$0] }
            for file in carried {
                try Self.carry(from: target + "/" + file, to: work + "/" + file)
            }
            let changed = new.filter { existing.files[$0.key] != $0.value }.sorted { $0.key < $1.key }
            for folder in Set(changed.map { ($0.key as NSString).deletingLastPathComponent }) where !folder.isEmpty {
                try fileManager.createDirectory(atPath: work + "/" + folder, withIntermediateDirectories: true)
            }
            try Self.writeAll(changed, into: work)
            // No fsync: the swap below is atomic against a killed or failed run, which is the promise;
            // flushing every file cost 85% of the wall time (Plaid 7.2 s → 1.2 s without it) and only
            // guards against power loss, after which the files can be regenerated from the spec.
            if fileManager.fileExists(atPath: target) {
                try Self.exchange(work, target)
                // `work` now holds the previous contents.
                try? fileManager.removeItem(atPath: work)
            } else if rename(work, target) != 0 {
                throw CLIError("cannot move the generated files into '\(path)': \(String(cString: strerror(errno)))")
            }
        } catch {
            try? fileManager.removeItem(atPath: work)
            throw error
        }
        return summary
    }

    /// Writes new files into folders that exist, with one open/write/close each (Foundation's
    /// `Data.write` and a `createDirectory` per file cost a third of Plaid's 2,300-file write).
    /// Writing from several threads was tried: the directory lock made it slower.
    private static func writeAll(_ files: [(key: String, value: Data)], into folder: String) throws {
        for file in files {
            if let failure = writeNew(folder + "/" + file.key, file.value) { throw CLIError(failure) }
        }
    }

    /// Creates `path` (it must not exist) holding `data`; an error message, or nil.
    private static func writeNew(_ path: String, _ data: Data) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return "cannot create '\(path)': \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let count = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if count < 0 {
                    if errno == EINTR { continue }
                    return "cannot write '\(path)': \(String(cString: strerror(errno)))"
                }
                offset += count
            }
            return nil
        }
    }

    /// Cleans up after a killed run: puts back a previous folder that was moved aside (only possible
    /// where the atomic exchange is unavailable), then removes work folders named by `write` that hold
    /// nothing but ClientGen files.
    func removeLeftovers(of target: String) {
        let parent = (target as NSString).deletingLastPathComponent
        let prefix = "." + (target as NSString).lastPathComponent + Self.workFolderMarker
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent) else { return }
        if !fileManager.fileExists(atPath: target), let aside = names.sorted().first(where: { $0.hasPrefix(prefix + "old-") }) {
            _ = rename(parent + "/" + aside, target)
        }
        for name in names where name.hasPrefix(prefix) && fileManager.fileExists(atPath: parent + "/" + name) {
            let leftover = OutputFolder(path: parent + "/" + name).contents()
            // A kill mid-write can leave a file cut short, even before its header is complete.
            let header = Data(Generator.headerPrefix.utf8)
            let onlyOurs = leftover.others.isEmpty
                && leftover.files.allSatisfy {
                    Self.isGenerated($0.value) || Self.keptFiles.contains($0.key) || header.starts(with: $0.value)
                }
            if onlyOurs { try? fileManager.removeItem(atPath: parent + "/" + name) }
        }
    }

    /// A relative path without `..`, empty or absolute components.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }

    /// Hard-links `source` at `destination`; copies it (keeping its modification time) where links fail.
    private static func carry(from source: String, to destination: String) throws {
        let folder = (destination as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if link(source, destination) == 0 { return }
        try FileManager.default.copyItem(atPath: source, toPath: destination)
        if let date = try FileManager.default.attributesOfItem(atPath: source)[.modificationDate] {
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: destination)
        }
    }

    /// Atomically exchanges two folders (Linux `renameat2(RENAME_EXCHANGE)`, macOS `renamex_np(RENAME_SWAP)`).
    private static func exchange(_ first: String, _ second: String) throws {
        #if canImport(Darwin)
        if renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 { return }
        #else
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let symbol = dlsym(nil, "renameat2") {  // RTLD_DEFAULT; glibc ≥ 2.28

            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 1 << 1
            if renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 { return }
        }
        #endif
        // No atomic exchange (old kernel or filesystem): move the old folder aside, then the new one in.
        // A kill between the two renames leaves the old contents in `.<name>.clientgen-old-<pid>`.
        let aside = (second as NSString).deletingLastPathComponent + "/."
            + (second as NSString).lastPathComponent + workFolderMarker + "old-" + String(getpid())
        guard rename(second, aside) == 0 else {
            throw CLIError("cannot replace '\(second)': \(String(cString: strerror(errno)))")
        }
        guard rename(first, second) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(aside, second)
            throw CLIError("cannot replace '\(second)': \(reason)")
        }
        _ = rename(aside, first)
    }

    // MARK: Checking

    /// A unified diff from what is on disk to what would be generated; empty when they match.
    func diff(against files: [GeneratedFile]) -> String {
        let existing = existingFiles().filter { !Self.keptFiles.contains($0.key) }
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
