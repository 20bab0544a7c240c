import ClientGenCore
import Foundation
import OpenAPI

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum Console {
    static func print(_ diagnostics: [Diagnostic]) {
        var diagnostics = diagnostics
        attachConfigurationLines(&diagnostics)
        for diagnostic in diagnostics {
            write(diagnostic.description + "\n")
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors + warnings > 0 {
            write("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        }
    }

    /// Problems in clientgen.yaml or a `--names` file come without their source line (the
    /// generator never reads those files); the CLI, which read them, adds it for the caret snippet.
    private static func attachConfigurationLines(_ diagnostics: inout [Diagnostic]) {
        let files = Set(diagnostics.filter { $0.sourceLine == nil }.compactMap(\.mark?.file))
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        let sources = files.sorted().compactMap { file in
            FileManager.default.contents(atPath: file).map { SourceFile(path: file, displayPath: file, bytes: Array($0)) }
        }
        OpenAPIReader.attachSourceLines(&diagnostics, sources: sources)
    }

    static func error(_ message: String) { write("error: \(message)\n") }

    static func info(_ message: String) { write(message + "\n") }

    /// `a.yaml`, `a.yaml and b.yaml`, `a.yaml, b.yaml and c.yaml`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "nothing" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension ReferencedFiles {
    /// Reads the files `$ref`s name from the description's folder. The reader hands over only
    /// normalised relative paths that stay inside it.
    static func folder(_ folder: URL) -> ReferencedFiles {
        ReferencedFiles { path in
            FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map { Array($0) }
        }
    }
}

extension URL {
    /// The path relative to the current directory when the URL is below it, so messages stay short.
    var relativePathIfPossible: String {
        let current = FileManager.default.currentDirectoryPath
        let path = self.path
        if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
        return path
    }
}

/// An overlay named in a configuration or on the command line, with the file to read it from.
struct ResolvedOverlay {
    var reference: OverlayReference
    /// Where to read it (relative to the current directory, or absolute); diagnostics name it so.
    var file: String

    /// Reads every overlay; one that cannot be read is an error at its configuration entry (or, given
    /// on the command line, by its path), and `failure` is thrown once all of them were tried.
    static func read(_ overlays: [ResolvedOverlay], configuration: String, failure: () -> Error) throws -> [OverlaySource] {
        var sources: [OverlaySource] = []
        var diagnostics: [Diagnostic] = []
        for overlay in overlays {
            guard let data = FileManager.default.contents(atPath: overlay.file) else {
                let expected = overlay.file == overlay.reference.path ? "" : " (expected at \(overlay.file))"
                diagnostics.append(Diagnostic(
                    .error, "cannot read overlay '\(overlay.reference.path)'\(expected)", at: overlay.reference.mark,
                    hint: overlay.reference.mark == nil
                        ? "--overlay takes the path of an OpenAPI Overlay file"
                        : "overlay paths are relative to the folder of \(URL(fileURLWithPath: configuration).lastPathComponent)"))
                continue
            }
            sources.append(OverlaySource(path: overlay.file, bytes: Array(data)))
        }
        guard diagnostics.isEmpty else {
            Console.print(diagnostics)
            throw failure()
        }
        return sources
    }
}
