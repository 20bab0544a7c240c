import ClientGenCore
import Foundation
import Testing

/// The file plan: untagged operations are grouped by their path's resource, a file of request
/// builders over 3,000 lines is cut into parts, and models and small groups of operations are packed
/// by first letter into files of up to 1,500 lines, deterministically.
@Suite struct FilePlanTests {
    /// `count` untagged operations under `/v1/customers/...`, each with its own inline response (the
    /// `note` descriptions differ, so no response is a typealias of another), and a few under `/v1/charges`.
    static func spec(customers count: Int) -> String {
        var paths = ""
        for index in 0..<count {
            paths += """
                  /v1/customers/{id}/action\(index):
                    post:
                      operationId: customerAction\(index)
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                        - {name: limit, in: query, schema: {type: integer}}
                      responses:
                        '200':
                          description: Done
                          content:
                            application/json:
                              schema:
                                type: object
                                properties:
                                  id: {type: string}
                                  count: {type: integer}
                                  note: {type: string, description: What action \(index) did}

                """
        }
        return """
            openapi: 3.0.3
            info: {title: Payments, version: "1"}
            paths:
              /v1/charges:
                get:
                  operationId: listCharges
                  responses:
                    '204': {description: None}
              /v2/2024-01/refunds/{id}:
                get:
                  operationId: getRefund
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '204': {description: None}
              /{id}:
                get:
                  operationId: getAnything
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '204': {description: None}
            \(paths)
            """
    }

    func generate(_ spec: String) -> GenerationResult {
        Generator.generate(spec: Array(spec.utf8), options: GeneratorOptions(moduleName: "PaymentsAPI", specPath: "p.yaml"))
    }

    @Test func untaggedOperationsAreGroupedByResource() throws {
        let files = generate(Self.spec(customers: 2)).files.filter { $0.path.hasPrefix("Operations/") }
        // Small groups of one letter share a file (`charges` and `customers`); a group alone in its
        // letter keeps its name.
        #expect(files.map(\.path) == [
            "Operations/Operations+Requests.swift", "Operations/Refunds+Requests.swift", "Operations/Requests+C.swift",
        ])
        let shared = try #require(files.last?.contents)
        let charges = try #require(shared.range(of: "/// Requests for the untagged operations under `charges`.\nextension"))
        let customers = try #require(shared.range(of: "/// Requests for the untagged operations under `customers`.\nextension"))
        #expect(charges.lowerBound < customers.lowerBound)
        #expect(shared.components(separatedBy: "public static func customerAction").count == 3)
        // A group of 500 lines or more keeps its own file.
        let large = generate(Self.spec(customers: 40)).files.map(\.path).filter { $0.hasPrefix("Operations/") }
        #expect(large.contains("Operations/Customers+Requests.swift"))
        #expect(large.contains("Operations/Charges+Requests.swift"))
    }

    @Test func aLargeGroupIsSplitIntoPartsUnderTheBound() throws {
        let result = generate(Self.spec(customers: 300))
        #expect(result.succeeded)
        let parts = result.files.filter { $0.path.hasPrefix("Operations/Customers+Requests") }
        #expect(parts.count > 3)
        #expect(parts.map(\.path).contains("Operations/Customers+Requests2.swift"))
        for part in parts {
            let lines = part.contents.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(lines <= 3_000, "\(part.path) has \(lines) lines")
            #expect(part.contents.contains("Part "))
        }
        // Every builder and its response type is in exactly one part.
        let all = parts.map(\.contents).joined()
        for index in [0, 150, 299] {
            #expect(all.components(separatedBy: "public static func customerAction\(index)(").count == 2)
            #expect(all.components(separatedBy: "public struct CustomerAction\(index)Response:").count == 2)
        }
        // The same description gives the same parts, byte for byte.
        #expect(generate(Self.spec(customers: 300)).files == result.files)
    }

    /// `count` component schemas named `<letter>Model<index>`, each of a few described properties.
    static func models(_ letters: [String], count: Int) -> String {
        var schemas = ""
        for letter in letters {
            for index in 0..<count {
                schemas += """
                        \(letter)Model\(index):
                          description: Model \(index) of \(letter)
                          type: object
                          properties:
                            id: {type: string, description: The id of \(letter)\(index)}
                            size: {type: integer, description: How large \(letter)\(index) is}
                            note: {type: string}

                    """
            }
        }
        return """
            openapi: 3.0.3
            info: {title: Payments, version: "1"}
            paths: {}
            components:
              schemas:
            \(schemas)
            """
    }

    @Test func modelsArePackedByFirstLetterUnderTheBound() throws {
        let result = generate(Self.models(["A", "b", "Z"], count: 60))
        #expect(result.succeeded)
        let models = result.files.filter { $0.path.hasPrefix("Models/") }
        // 60 models of ~40 lines each make two files per letter (`bModel0` is the type `BModel0`).
        #expect(models.map(\.path) == [
            "Models/A.swift", "Models/A2.swift", "Models/B.swift", "Models/B2.swift", "Models/Z.swift", "Models/Z2.swift",
        ])
        for file in models {
            let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(lines <= 1_500, "\(file.path) has \(lines) lines")
            #expect(lines > 700, "\(file.path) has only \(lines) lines")
            #expect(file.contents.hasPrefix("// Generated by ClientGen from p.yaml. Do not edit."))
            #expect(file.contents.components(separatedBy: "import Foundation").count == 2)
        }
        // Every model is declared exactly once, in name order within its letter.
        let all = models.map(\.contents).joined()
        for name in ["AModel0", "AModel59", "BModel7", "ZModel30"] {
            #expect(all.components(separatedBy: "public struct \(name):").count == 2, "\(name)")
        }
        let a = try #require(models.first?.contents)
        let first = try #require(a.range(of: "public struct AModel0:"))
        let second = try #require(a.range(of: "public struct AModel1:"))
        #expect(first.lowerBound < second.lowerBound)
        // Deterministic, and a new type of one letter leaves the other letters' files as they were.
        #expect(generate(Self.models(["A", "b", "Z"], count: 60)).files == result.files)
        let grown = generate(Self.models(["A", "b", "Z"], count: 60) + "    AModel60a: {type: string}\n")
        let unchanged = grown.files.filter { !$0.path.hasPrefix("Models/A") }
        #expect(unchanged == result.files.filter { !$0.path.hasPrefix("Models/A") })
    }
}
