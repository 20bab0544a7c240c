import ClientGenCore
import Foundation
import OpenAPI

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum Console {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            write(diagnostic.description + "\n")
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors + warnings > 0 {
            write("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        }
    }

    static func error(_ message: String) { write("error: \(message)\n") }

    static func info(_ message: String) { write(message + "\n") }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
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
