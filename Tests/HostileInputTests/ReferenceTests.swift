import ClientGenCore
import Foundation
import OpenAPI
import Testing

/// `$ref` cycles never hang the reader or the translator; references to URLs, absolute paths and
/// files outside the description's folder are refused.
@Suite struct ReferenceTests {
    /// Generation must finish quickly, whatever it decides.
    func generateQuickly(files: ReferencedFiles = .none, _ text: String) -> GenerationResult {
        let clock = ContinuousClock()
        var result: GenerationResult?
        let elapsed = clock.measure {
            result = Generator.generate(
                spec: Array(text.utf8), options: GeneratorOptions(moduleName: "HostileAPI", specPath: "hostile.yaml"), files: files)
        }
        #expect(elapsed < .seconds(5))
        return result!
    }

    @Test func schemaCycleThroughPropertiesTerminates() {
        let result = generateQuickly(spec("""
            paths: {}
            components:
              schemas:
                A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
                B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}}
            """))
        #expect(!result.diagnostics.hasErrors, "\(summaries(result.diagnostics))")
        #expect(result.files.map(\.path).contains("Models/A.swift"))
        #expect(result.files.map(\.path).contains("Models/B.swift"))
    }

    @Test func schemaCycleThroughAllOfTerminates() {
        let result = generateQuickly(spec("""
            paths: {}
            components:
              schemas:
                A: {allOf: [{$ref: '#/components/schemas/B'}]}
                B: {allOf: [{$ref: '#/components/schemas/A'}]}
            """))
        #expect(result.files.count + result.diagnostics.count > 0)
    }

    @Test func selfReferencingSchemaTerminates() {
        let result = generateQuickly(spec("""
            paths: {}
            components:
              schemas:
                Node: {type: object, properties: {children: {type: array, items: {$ref: '#/components/schemas/Node'}}}}
                Loop: {$ref: '#/components/schemas/Loop'}
            """))
        #expect(result.files.map(\.path).contains("Models/Node.swift") || result.diagnostics.hasErrors)
    }

    /// A component that is only a `$ref` to itself (or to a component that refers back) has no shape;
    /// generating `typealias Loop = Loop` or `A = B; B = A` makes the module fail to compile.
    @Test func aliasOnlyReferenceCyclesDoNotBecomeCyclicTypealiases() {
        let result = generateQuickly(spec("""
            paths: {}
            components:
              schemas:
                Loop: {$ref: '#/components/schemas/Loop'}
                A: {allOf: [{$ref: '#/components/schemas/B'}]}
                B: {allOf: [{$ref: '#/components/schemas/A'}]}
            """))
        let text = result.files.map(\.contents).joined()
        #expect(!text.contains("public typealias Loop = Loop"))
        #expect(!(text.contains("public typealias A = B") && text.contains("public typealias B = A")))
        #expect(text.contains("public typealias Loop = JSONValue"))
        #expect(summaries(result.diagnostics) == [
            "6:11: warning: 'Loop' only refers to itself through $ref; generated as JSONValue [#/components/schemas/Loop]",
            "7:8: warning: 'A' only refers to itself through $ref; generated as JSONValue [#/components/schemas/A]",
            "8:8: warning: 'B' only refers to itself through $ref; generated as JSONValue [#/components/schemas/B]",
        ])
    }

    @Test func referenceToTheWholeDocumentIsNotASchema() {
        let result = generateQuickly(spec("""
            paths: {}
            components:
              schemas:
                Root: {type: object, properties: {everything: {$ref: '#'}}}
            """))
        #expect(summaries(result.diagnostics).contains(
            "6:51: warning: reference '#' does not name a component schema; the value is decoded as JSONValue [#/components/schemas/Root/properties/everything]"))
    }

    @Test func parameterReferenceCycleIsReported() {
        let result = generateQuickly(spec("""
            paths:
              /items:
                get:
                  parameters: [{$ref: '#/components/parameters/P'}]
                  responses: {'204': {description: none}}
            components:
              parameters:
                P: {$ref: '#/components/parameters/Q'}
                Q: {$ref: '#/components/parameters/P'}
            """))
        #expect(summaries(result.diagnostics).contains(
            "11:15: error: reference cycle through '#/components/parameters/P' [#/components/parameters/Q/$ref]"))
    }

    @Test func pathItemReferencingTheDocumentTerminates() {
        let result = generateQuickly(spec("""
            paths:
              /loop: {$ref: '#'}
            """))
        #expect(result.files.count + result.diagnostics.count > 0)
    }

    @Test func referenceToAFileOutsideTheSpecFolderIsRefused() {
        let result = generate(spec("""
            paths: {}
            components:
              schemas:
                Secret: {$ref: '../../etc/passwd#/x'}
            """))
        #expect(summaries(result.diagnostics) == [
            "6:20: error: reference '../../etc/passwd#/x' leaves the folder of the description [#/components/schemas/Secret/$ref]"
        ])
        #expect(result.files.isEmpty)
    }

    @Test func referenceToAnAbsolutePathIsRefused() {
        let result = generate(spec("""
            paths: {}
            components:
              schemas:
                Secret: {$ref: '/etc/passwd'}
            """))
        #expect(summaries(result.diagnostics) == [
            "6:20: error: absolute file reference '/etc/passwd' is not supported [#/components/schemas/Secret/$ref]"
        ])
    }

    @Test func referenceToAURLIsRefused() {
        let result = generate(spec("""
            paths:
              /items:
                get:
                  parameters: [{$ref: 'https://evil.example/params.yaml#/P'}]
                  responses: {'204': {description: none}}
            """))
        #expect(summaries(result.diagnostics).contains(
            "6:27: error: reference to a URL 'https://evil.example/params.yaml#/P' is not supported [#/paths/~1items/get/parameters/0/$ref]"))
        #expect(result.files.isEmpty)
    }

    /// `A` in the description is `B` in another file, which is `A` again: no `typealias A = A`.
    @Test func aliasCycleAcrossFilesIsNotACyclicTypealias() {
        let files = ReferencedFiles { path in
            path == "b.yaml" ? Array("B: {$ref: 'hostile.yaml#/components/schemas/A'}\n".utf8) : nil
        }
        let result = Generator.generate(
            spec: Array(spec("paths: {}\ncomponents: {schemas: {A: {$ref: 'b.yaml#/B'}}}\n").utf8),
            options: GeneratorOptions(moduleName: "HostileAPI", specPath: "hostile.yaml"), files: files)
        // `A` is only a `$ref` into b.yaml, so it takes `B`'s schema, which is `A` again.
        #expect(summaries(result.diagnostics) == [
            "1:4: warning: 'A' only refers to itself through $ref; generated as JSONValue [b.yaml#/B]"
        ])
        #expect(result.files.map(\.path).filter { $0.hasPrefix("Models/") } == ["Models/A.swift"])
    }

    /// Each file names the next one: reading stops at `ReferencedFiles.maxFiles` with an error.
    @Test func anEndlessChainOfFilesStopsAtTheLimit() {
        let files = ReferencedFiles { path in
            guard path.hasPrefix("f"), let number = Int(path.dropFirst().dropLast(5)) else { return nil }
            return Array("{type: object, properties: {next: {$ref: 'f\(number + 1).yaml'}}}\n".utf8)
        }
        let result = generateQuickly(files: files, spec("paths: {}\ncomponents: {schemas: {A: {$ref: 'f0.yaml'}}}\n"))
        #expect(summaries(result.diagnostics).filter { $0.contains("error") } == [
            "1:42: error: reference 'f999.yaml' would read more than 1000 files [f998.yaml#/properties/next/$ref]"
        ])
        #expect(result.files.isEmpty)
    }

    @Test func invalidUTF8InASpecIsAPositionedDiagnostic() {
        let bytes = Array(spec("paths: {}\n").utf8) + Array("x-note: ".utf8) + [0xFE]
        let result = generate(bytes)
        #expect(summaries(result.diagnostics) == ["4:9: error: invalid leading UTF-8 octet (0xFE)"])
        #expect(result.files.isEmpty)
    }

    @Test func billionLaughsInASpecIsAPositionedDiagnostic() {
        var text = spec("paths: {}\n") + #"x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"# + "\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            text += "x-\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let result = generate(text)
        #expect(summaries(result.diagnostics) == ["9:10: error: too many alias expansions (limit 100000)"])
    }
}
