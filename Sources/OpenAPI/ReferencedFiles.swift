import Foundation

/// Reads the other files a description's `$ref`s name (`common.yaml#/components/schemas/Error`).
///
/// The reader never touches the disk itself: whoever reads the description (the CLI, a test) says
/// where a file comes from. Paths handed to `load` are relative to the root description's folder,
/// normalised (no `.` or `..` segments, never absolute), so a description cannot name a file outside
/// its own folder.
public struct ReferencedFiles: Sendable {
    /// The bytes of a file, or nil when it cannot be read.
    public var load: @Sendable (_ relativePath: String) -> [UInt8]?

    public init(load: @escaping @Sendable (_ relativePath: String) -> [UInt8]?) {
        self.load = load
    }

    /// For a description held only in memory: every referenced file is unreadable.
    public static let none = ReferencedFiles { _ in nil }

    /// How many files one description may pull in, so a hostile chain of files stays bounded.
    public static let maxFiles = 1_000
}

/// One file read for a description: the root, or one that a `$ref` names.
public struct SourceFile: Hashable, Sendable {
    /// Relative to the root description's folder (the root itself: its file name).
    public var path: String
    /// As diagnostics show it: the root's path as given, other files beside it.
    public var displayPath: String
    public var bytes: [UInt8]

    public init(path: String, displayPath: String, bytes: [UInt8]) {
        self.path = path
        self.displayPath = displayPath
        self.bytes = bytes
    }
}

/// File paths as `$ref`s write them, resolved against the file they are written in.
enum ReferencePath {
    /// The folder part of a relative path (`a/b.yaml` → `a`), empty for a file at the top.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `folder` + `relative` without `.` and `..`; nil when `..` climbs above the root folder.
    static func normalized(_ relative: String, from folder: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// `common.yaml` → `common`, for naming a schema that is a whole file.
    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.firstIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Undoes `%20`-style escapes; leaves the text as it is when they are malformed.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        return text.removingPercentEncoding ?? text
    }
}
