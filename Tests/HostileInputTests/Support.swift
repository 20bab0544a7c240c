import ClientGenCore
import Foundation
import OpenAPI
import YAML

/// The error a parse throws, as the CLI prints it; nil when the text parses.
func yamlError(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> YAMLError? {
    do {
        _ = try YAMLParser.parse(bytes, file: "hostile.yaml", limits: limits)
        return nil
    } catch {
        return error
    }
}

func yamlError(_ text: String, limits: YAMLLimits = YAMLLimits()) -> YAMLError? {
    yamlError(Array(text.utf8), limits: limits)
}

/// Runs the whole generator on a spec held in memory.
func generate(_ text: String, module: String = "HostileAPI") -> GenerationResult {
    generate(Array(text.utf8), module: module)
}

func generate(_ bytes: [UInt8], module: String = "HostileAPI") -> GenerationResult {
    Generator.generate(spec: bytes, options: GeneratorOptions(moduleName: module, specPath: "hostile.yaml"))
}

/// `file:line:column: severity: message [pointer]` of every diagnostic, without source lines and hints.
func summaries(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { diagnostic in
        var text = ""
        if let mark = diagnostic.mark { text += "\(mark.line):\(mark.column): " }
        text += "\(diagnostic.severity.rawValue): \(diagnostic.message)"
        if let pointer = diagnostic.pointer { text += " [\(pointer)]" }
        return text
    }
}

/// The package root, found from this file's path.
let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("no Package.swift above \(#filePath)")
}()

/// A fresh folder under the system's temporary folder, removed by the caller.
func makeTemporaryFolder(_ name: String = #function) throws -> URL {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("hostile-\(safe)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A minimal valid description with `body` appended under the top level.
func spec(_ body: String) -> String {
    """
    openapi: 3.0.3
    info: {title: Hostile, version: "1"}
    \(body)
    """
}
