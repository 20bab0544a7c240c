import ClientGenCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Shapes that are small to write but could make a naive generator recurse deeply or expand
/// exponentially. Each must finish quickly with a definite result.
@Suite struct ComplexityTests {
    func timed(_ text: String, limit: Duration = .seconds(10)) -> GenerationResult {
        let clock = ContinuousClock()
        var result: GenerationResult?
        let elapsed = clock.measure { result = generate(text) }
        #expect(elapsed < limit, "took \(elapsed)")
        return result!
    }

    @Test func deeplyNestedArraySchemasGenerate() {
        // 250 levels of `items:` (the YAML depth limit allows about that many inside components).
        var schema = "{type: string}"
        for _ in 0..<250 { schema = "{type: array, items: \(schema)}" }
        let result = timed(spec("paths: {}\ncomponents:\n  schemas:\n    Deep: \(schema)\n"))
        #expect(!result.diagnostics.hasErrors, "\(summaries(result.diagnostics).prefix(3))")
        let model = result.files.first { $0.path == "Models/Deep.swift" }?.contents ?? ""
        #expect(model.contains("public typealias Deep = " + String(repeating: "[", count: 250) + "String" + String(repeating: "]", count: 250)))
    }

    @Test func deeplyNestedInlineObjectsGenerate() {
        var schema = "{type: string}"
        for level in 0..<120 { schema = "{type: object, properties: {p\(level): \(schema)}}" }
        let result = timed(spec("paths: {}\ncomponents:\n  schemas:\n    Deep: \(schema)\n"))
        #expect(!result.diagnostics.hasErrors, "\(summaries(result.diagnostics).prefix(3))")
        #expect(result.files.map(\.path).contains("Models/Deep.swift"))
    }

    @Test func nestingPastTheDepthLimitIsOneError() {
        var schema = "{type: string}"
        for _ in 0..<600 { schema = "{items: \(schema)}" }
        let result = timed(spec("paths: {}\ncomponents:\n  schemas:\n    Deep: \(schema)\n"))
        #expect(summaries(result.diagnostics).count == 1)
        #expect(summaries(result.diagnostics).first?.hasSuffix("error: too deeply nested (limit 512)") == true)
    }

    /// S0 = allOf [S1, S1, {p0}], S1 = allOf [S2, S2, {p1}], …: 2^depth paths if members are merged
    /// without memoizing. Run in a child `clientgen validate` with a deadline, so a hang fails the test
    /// instead of stalling the suite.
    static func diamondSpec(depth: Int) -> String {
        var schemas = ""
        for level in 0..<depth {
            let next = "{$ref: '#/components/schemas/S\(level + 1)'}"
            schemas += "    S\(level): {allOf: [\(next), \(next), {type: object, properties: {p\(level): {type: string}}}]}\n"
        }
        schemas += "    S\(depth): {type: object, properties: {last: {type: string}}}\n"
        return spec("paths: {}\ncomponents:\n  schemas:\n" + schemas)
    }

    @Test func allOfDiamondsDoNotExpandExponentially() throws {
        let clientgen = try #require(KillTests.clientgen)
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.diamondSpec(depth: 40).utf8).write(to: folder.appendingPathComponent("diamond.yaml"))
        let process = Process()
        process.executableURL = clientgen
        process.arguments = ["validate", "--spec", "diamond.yaml", "--module", "DiamondAPI", "--output", "Out"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        let finished = exited.wait(timeout: .now() + 20) == .success
        if !finished {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
        // Before `flattenedObject` (Translator+Composition.swift) was memoized, each level doubled the
        // work: depth 16 took ~36 s, depth 40 never ended.
        #expect(finished, "clientgen validate did not finish within 20 s")
    }

    @Test func propertyReferenceFanOutDoesNotExpand() {
        var schemas = ""
        for level in 0..<40 {
            let next = "{$ref: '#/components/schemas/F\(level + 1)'}"
            schemas += "    F\(level): {type: object, properties: {a: \(next), b: \(next), c: {type: array, items: \(next)}}}\n"
        }
        schemas += "    F40: {type: string}\n"
        let result = timed(spec("paths: {}\ncomponents:\n  schemas:\n" + schemas))
        #expect(!result.diagnostics.hasErrors)
        // One declaration per schema (F0…F39 structs, F40 an alias), packed into one file of models.
        let models = result.files.filter { $0.path.hasPrefix("Models/") }
        #expect(models.map(\.path) == ["Models/F.swift"])
        let text = models.map(\.contents).joined()
        #expect(text.components(separatedBy: "public struct F").count - 1 == 40)
        #expect(text.contains("public typealias F40 = String"))
    }

    @Test func aliasFanOutInsideTheLimitStaysFast() {
        // An object with 9 properties of an object with 9 properties … (9^3 inline objects via aliases):
        // within the alias limit, so it is generated, and it must stay quick downstream.
        var text = spec("paths: {}\n") + "x-a: &a {type: object, properties: {id: {type: string}}}\n"
        for (previous, name) in zip("abc", "bcd") {
            let properties = (1...9).map { "\(name)\($0): *\(previous)" }.joined(separator: ", ")
            text += "x-\(name): &\(name) {type: object, properties: {\(properties)}}\n"
        }
        text += "components:\n  schemas:\n    Many: *d\n"
        let result = timed(text)
        #expect(!result.diagnostics.hasErrors, "\(summaries(result.diagnostics))")
        let model = result.files.first { $0.path == "Models/Many.swift" }?.contents ?? ""
        // The nine objects at each level are the same shape: one struct per level, and a typealias to
        // it for each of the other eight (9^3 declarations before inline objects were shared).
        #expect(model.components(separatedBy: "public struct ").count - 1 == 1 + 3)
        #expect(model.components(separatedBy: "public typealias ").count - 1 == 3 * 8)
    }
}
