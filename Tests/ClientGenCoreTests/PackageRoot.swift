import ClientGenCore
import Foundation
import OpenAPI

/// The repository root, found from this file's path so tests run from any directory.
enum PackageRoot {
    static let url: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ClientGenCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url.appendingPathComponent(relativePath)))
    }

    static func text(_ relativePath: String) throws -> String {
        String(decoding: try bytes(relativePath), as: UTF8.self)
    }

    /// Reads the files a description's `$ref`s name from `folder` (the description's own folder).
    static func referencedFiles(in folder: URL) -> ReferencedFiles {
        ReferencedFiles { path in
            FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map { Array($0) }
        }
    }

    /// The `names:` table of `<folder>/<name>.names.yaml` (as `clientgen --names` reads it), its
    /// diagnostics, or nothing when there is no such file.
    static func nameOverrides(_ name: String, in folder: URL) -> (NameOverrides, [Diagnostic]) {
        let file = name + ".names.yaml"
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
            return (NameOverrides(), [])
        }
        return NameOverrides.read(bytes: Array(data), file: file)
    }

    /// The client settings of `<folder>/<name>.settings.yaml` (the keys of a client entry), with the
    /// names of `<name>.names.yaml`, their diagnostics, and the files read (for source lines).
    static func settings(_ name: String, in folder: URL) -> (ClientSettings, [Diagnostic], [SourceFile]) {
        var (names, diagnostics) = nameOverrides(name, in: folder)
        var sources: [SourceFile] = []
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name + ".names.yaml").path) {
            sources.append(SourceFile(path: name + ".names.yaml", displayPath: name + ".names.yaml", bytes: Array(data)))
        }
        var settings = ClientSettings()
        let file = name + ".settings.yaml"
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) {
            let (read, found) = ClientSettings.read(bytes: Array(data), file: file)
            settings = read
            diagnostics += found
            sources.append(SourceFile(path: file, displayPath: file, bytes: Array(data)))
        }
        if settings.names == NameOverrides() { settings.names = names }
        return (settings, diagnostics, sources)
    }

    /// Relative path → text of every file below a folder of the repository.
    static func files(under relativePath: String) -> [String: String] {
        let root = url.appendingPathComponent(relativePath).standardized
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [:] }
        var files: [String: String] = [:]
        for case let file as URL in enumerator where !file.hasDirectoryPath {
            let path = file.standardized.path
            guard path.hasPrefix(root.path + "/"), let data = FileManager.default.contents(atPath: path) else { continue }
            files[String(path.dropFirst(root.path.count + 1))] = String(decoding: data, as: UTF8.self)
        }
        return files
    }
}
