import ClientGenCore
import Foundation
import OpenAPI
import Testing

/// Jobs and pagination inferred from descriptions without vendor extensions, from strings: the
/// explanation lines, the configuration's corrections, and what wins over what.
@Suite struct InferenceTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: T, version: "1"}
        paths:
          /exports:
            post:
              operationId: startExport
              responses:
                '202':
                  description: Started
                  content:
                    application/json:
                      schema: {type: object, required: [id], properties: {id: {type: string}}}
          /exports/{id}:
            get:
              operationId: getExport
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: The export
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [status]
                        properties:
                          status: {type: string, description: "The state: queued, running, finished or aborted."}
                          download_url: {type: string}
          /events:
            get:
              operationId: listEvents
              parameters:
                - {name: cursor, in: query, schema: {type: string}}
              responses:
                '200':
                  description: A page
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data: {type: array, items: {type: string}}
                          meta: {type: object, properties: {next_cursor: {type: string}}}
        """

    func generate(_ spec: String = spec, inference: InferenceSettings = InferenceSettings()) -> GenerationResult {
        Generator.generate(
            spec: Array(spec.utf8), options: GeneratorOptions(moduleName: "TestAPI", specPath: "t.yaml", inference: inference))
    }

    func settings(_ yaml: String) -> (InferenceSettings, [String]) {
        let (configuration, diagnostics) = Configuration.read(bytes: Array("""
            clients:
              - spec: t.yaml
                module: TestAPI
                output: Out
                inference:
            \(yaml.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            """.utf8), file: "clientgen.yaml")
        return (configuration?.clients.first?.inference ?? InferenceSettings(), diagnostics.map(\.description))
    }

    @Test func statusValuesComeFromProseWhenThereIsNoEnum() {
        let lines = generate().inferences.map(\.line)
        #expect(lines == [
            "job startExport → getExport by id; status finished ✓, aborted ✗ (from the description); result download_url",
            "job getExport by id; status finished ✓, aborted ✗ (from the description); result download_url",
            "paged listEvents: cursor cursor ← meta.next_cursor",
        ])
        let swift = generate().files.map(\.contents).joined()
        #expect(swift.contains("public static func job(for started: StartExportResponse) -> Job<GetExportResponse>"))
        #expect(swift.contains(#"case "finished": return .succeeded(status: status)"#))
        #expect(swift.contains("cursor: { page in page.meta?.nextCursor }"))
    }

    @Test func proseListsAndQuotedWordsAreStatusWords() {
        #expect(Inference.statusWords(in: "One of `pending`, `done` or `error`.") == ["pending", "done", "error"])
        #expect(Inference.statusWords(in: "Possible values are queued, processing, completed, or error.") == ["queued", "processing", "completed", "error"])
        #expect(Inference.statusWords(in: "Once it is done, download the file.") == [])
    }

    @Test func skipTurnsInferenceOffForOneOperation() {
        let (inference, diagnostics) = settings("skip: [startExport, listEvents]")
        #expect(diagnostics.isEmpty)
        let lines = generate(inference: inference).inferences.map(\.line)
        // getExport is still a job by itself (its path names an export), but nothing starts it any more.
        #expect(lines == ["job getExport by id; status finished ✓, aborted ✗ (from the description); result download_url"])
    }

    @Test func aCorrectionWinsAndIsExplained() {
        let (inference, diagnostics) = settings("""
            x-job-status:
              startExport: {operation: getExport, parameter: id, id: id, status: status, success: [finished, done], failure: [aborted]}
            x-pagination:
              listEvents: {style: cursor, cursor: cursor, next: meta.next_cursor, items: data}
            """)
        #expect(diagnostics.isEmpty)
        let result = generate(inference: inference)
        #expect(result.inferences.map(\.line).contains("job startExport → getExport by id (configuration)"))
        #expect(result.inferences.map(\.line).contains("paged listEvents: cursor cursor ← meta.next_cursor; items data (configuration)"))
        #expect(result.files.map(\.contents).joined().contains(#"case "finished", "done": return .succeeded(status: status)"#))
    }

    @Test func aCorrectionForAnUnknownOperationIsAnErrorWithASuggestion() {
        let (inference, _) = settings("skip: [startExprot]")
        let result = generate(inference: inference)
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.description).contains { $0.contains("'inference' names the operation 'startExprot', which the spec does not have") && $0.contains("did you mean 'startExport'?") })
    }

    @Test func aCorrectionThatDoesNotFitWarns() {
        let (inference, _) = settings("x-pagination: {listEvents: {style: cursor, cursor: after, next: next}}")
        let result = generate(inference: inference)
        #expect(result.diagnostics.map(\.description).contains { $0.contains("the pagination given for 'listEvents'") })
    }

    @Test func theExtensionWinsOverInference() {
        let spec = Self.spec.replacingOccurrences(of: "      operationId: startExport\n", with: """
                  operationId: startExport
                  x-job-status: {operation: getExport, parameter: id, id: id, status: status, success: [finished]}

            """)
        let lines = generate(spec).inferences.map(\.line)
        #expect(lines.first == "job startExport → getExport by id (x-job-status)")
    }

    @Test func inferenceCanBeTurnedOff() {
        let (inference, _) = settings("jobs: false\npagination: false")
        #expect(generate(inference: inference).inferences.isEmpty)
        #expect(!generate(inference: inference).files.map(\.contents).joined().contains("Paginated"))
    }

    @Test func aReadOfOneResourceIsNotPagedEvenWithANextLink() {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /exports/{id}:
                get:
                  operationId: getExport
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: One export, its file URLs and a link
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              urls: {type: array, items: {type: string}}
                              _metadata: {type: object, properties: {next: {type: string}}}
            """
        #expect(generate(spec).inferences.allSatisfy { $0.kind != .paged })
    }
}
