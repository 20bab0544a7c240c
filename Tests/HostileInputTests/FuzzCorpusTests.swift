import ClientGenCore
import Foundation
import Testing

/// Every input of the committed fuzz corpus (Fuzz/corpus: seeds, and any reproducer the fuzzer finds)
/// goes through the whole generator in the test suite too: it must finish quickly and either generate
/// files or explain why with positioned errors.
@Suite struct FuzzCorpusTests {
    static let inputs: [String] = {
        let folder = packageRoot.appendingPathComponent("Fuzz/corpus").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }()

    @Test func corpusIsThere() {
        #expect(Self.inputs.count >= 15)
    }

    @Test(arguments: inputs)
    func corpusInputGeneratesOrExplains(_ name: String) throws {
        let url = packageRoot.appendingPathComponent("Fuzz/corpus").appendingPathComponent(name)
        let bytes = try #require(FileManager.default.contents(atPath: url.path))
        let clock = ContinuousClock()
        var result: GenerationResult?
        let elapsed = clock.measure { result = generate(Array(bytes)) }
        #expect(elapsed < .seconds(10))
        let outcome = try #require(result)
        if outcome.diagnostics.hasErrors {
            #expect(outcome.files.isEmpty)
            for diagnostic in outcome.diagnostics where diagnostic.severity == .error {
                #expect(diagnostic.mark != nil || diagnostic.pointer != nil, "\(diagnostic)")
            }
        } else {
            #expect(!outcome.files.isEmpty)
            for file in outcome.files {
                #expect(file.contents.hasPrefix(Generator.headerPrefix), "\(file.path)")
            }
        }
    }
}
