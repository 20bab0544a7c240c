import Foundation
import Testing

/// The real `clientgen` with a description split over files: it reads them relative to the spec,
/// says which it read, lists them as the build plugin's inputs, and never reads outside the folder.
@Suite struct ReferencedFilesCLITests {
    /// Runs `clientgen` in `folder`; returns the exit status, standard output and standard error.
    func run(_ arguments: [String], in folder: URL) throws -> (Int32, String, String) {
        let clientgen = try #require(KillTests.clientgen, "clientgen binary not found next to the tests")
        let process = Process()
        process.executableURL = clientgen
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }

    func write(_ files: [String: String], in folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    static let files = [
        "api/openapi.yaml": spec("""
            paths:
              /pets:
                get:
                  responses:
                    '200': {description: OK, content: {application/json: {schema: {$ref: 'schemas/pet.yaml'}}}}
            """),
        "api/schemas/pet.yaml": "type: object\nproperties:\n  owner: {$ref: '../common.yaml#/Owner'}\n",
        "api/common.yaml": "Owner: {type: object, properties: {name: {type: string}}}\n",
    ]

    @Test func generateSaysWhichFilesItRead() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(Self.files, in: folder)
        let (status, _, errors) = try run(["generate", "--spec", "api/openapi.yaml", "--module", "PetsAPI", "--output", "Out"], in: folder)
        #expect(status == 0, "\(errors)")
        #expect(errors.contains("PetsAPI: read api/openapi.yaml, api/schemas/pet.yaml and api/common.yaml; 4 files in Out"), "\(errors)")
        let models = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Out/Models").path)
        #expect(models.sorted() == ["Owner.swift", "Pet.swift"])
    }

    @Test func planListsReferencedFilesAsInputs() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(Self.files.merging(["api/clientgen.yaml": "clients:\n  - spec: openapi.yaml\n    namespace: Pets\n"]) { $1 }, in: folder)
        let api = folder.appendingPathComponent("api").standardized.path
        let (status, output, errors) = try run(
            ["plan", "--config", "api/clientgen.yaml", "--module", "PetsClient", "--output-root", "Plugin"], in: folder)
        #expect(status == 0, "\(errors)")
        let inputs = output.split(separator: "\n").filter { $0.hasPrefix("input ") }
        #expect(inputs.dropFirst().map { String($0.dropFirst(6)) }
            == ["\(api)/openapi.yaml", "\(api)/schemas/pet.yaml", "\(api)/common.yaml"], "\(output)")
    }

    @Test func aReferenceLeavingTheFolderIsRefusedAndNothingIsWritten() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write([
            "secret.yaml": "Secret: {type: string}\n",
            "api/openapi.yaml": spec("paths: {}\ncomponents: {schemas: {S: {$ref: '../secret.yaml#/Secret'}}}\n"),
        ], in: folder)
        let (status, _, errors) = try run(["generate", "--spec", "api/openapi.yaml", "--module", "PetsAPI", "--output", "Out"], in: folder)
        #expect(status != 0)
        #expect(errors.contains("api/openapi.yaml:4:34: error: reference '../secret.yaml#/Secret' leaves the folder of the description"), "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
    }

    @Test func specsOfOneTargetThatDeclareTheSameModelAreNamedByType() throws {
        // Models are packed by letter (`Models/P.swift` holds Pet and Price): the clash is reported
        // with the type names, not the file's letter.
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let models = "paths: {}\ncomponents:\n  schemas:\n    Pet: {type: object, properties: {name: {type: string}}}\n"
        try write([
            "a.yaml": spec(models + "    Price: {type: number}\n"),
            "b.yaml": spec(models + "    Plan: {type: string}\n"),
            "clientgen.yaml": "clients:\n  - spec: a.yaml\n    namespace: A\n  - spec: b.yaml\n    namespace: B\n",
        ], in: folder)
        let (status, _, errors) = try run(
            ["generate-target", "--config", "clientgen.yaml", "--module", "Pets", "--output-root", "Out"], in: folder)
        #expect(status != 0)
        #expect(errors.contains("'b.yaml' and 'a.yaml' both declare the top-level type Pet; in one module (Pets) they would clash"), "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
    }
}
