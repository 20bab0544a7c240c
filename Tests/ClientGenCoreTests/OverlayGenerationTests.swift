import ClientGenCore
import OpenAPI
import Testing

/// Overlays in the pipeline: applied to the description's nodes before the OpenAPI reader, with
/// diagnostics that still point into the file each value came from.
@Suite struct OverlayGenerationTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: Leads, version: "1"}
        paths:
          /leads/move:
            post:
              operationId: moveLeads
              responses:
                '200':
                  description: moved
                  content:
                    application/json:
                      schema: {type: object, properties: {id: {type: string}}}
        """

    func generate(_ overlays: [String]) -> GenerationResult {
        Generator.generate(
            spec: Array(Self.spec.utf8),
            overlays: overlays.enumerated().map { OverlaySource(path: "fix\($0.offset + 1).overlay.yaml", bytes: Array($0.element.utf8)) },
            options: GeneratorOptions(moduleName: "LeadsAPI", specPath: "leads.yaml"))
    }

    @Test func anOverlayChangesTheGeneratedCodeAndIsAnInput() throws {
        let plain = generate([])
        let result = generate(["""
            overlay: 1.0.0
            info: {title: Names, version: 1.0.0}
            actions:
              - target: $.paths[*][?(@.operationId == 'moveLeads')]
                update: {operationId: moveLeadsToCampaign}
            """])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.inputs == ["leads.yaml", "fix1.overlay.yaml"])
        let requests = try #require(result.files.first { $0.path.hasPrefix("Operations/") }).contents
        #expect(requests.contains("static func moveLeadsToCampaign()"))
        #expect(!requests.contains("static func moveLeads()"))
        #expect(plain.files.first { $0.path.hasPrefix("Operations/") }?.contents.contains("static func moveLeads()") == true)
    }

    @Test func overlaysApplyInTheOrderGiven() throws {
        let first = "overlay: 1.0.0\ninfo: {title: A, version: 1.0.0}\nactions: [{target: '$.paths.*.post', update: {operationId: first}}]\n"
        let second = "overlay: 1.0.0\ninfo: {title: B, version: 1.0.0}\nactions: [{target: '$.paths.*[?@.operationId == \"first\"]', update: {operationId: second}}]\n"
        let result = generate([first, second])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.files.contains { $0.contents.contains("static func second()") })
    }

    @Test func aValueTheOverlaySetIsReportedAtTheOverlaysLineAndColumn() {
        let result = generate(["""
            overlay: 1.1.0
            info: {title: Types, version: 1.0.0}
            actions:
              - target: $..properties.id
                update:
                  type: strin
            """])
        #expect(result.files.isEmpty)
        #expect(result.diagnostics.map(\.description) == [
            """
            fix1.overlay.yaml:6:13: error: unknown type 'strin' [#/paths/~1leads~1move/post/responses/200/content/application~1json/schema/properties/id/type]
                  type: strin
                        ^
              hint: did you mean 'string'?
            """
        ])
    }

    @Test func aBrokenOverlayStopsGenerationWithItsPositionAndSourceLine() {
        let result = generate([
            "overlay: 1.1.0\ninfo: {title: Fine, version: 1.0.0}\nactions: [{target: $.info, update: {x-a: 1}}]\n",
            "overlay: 1.1.0\ninfo: {title: Broken, version: 1.0.0}\nactions:\n  - target: $.paths[?@.x =]\n    remove: true\n",
        ])
        #expect(result.files.isEmpty)
        #expect(result.inputs == ["leads.yaml", "fix1.overlay.yaml", "fix2.overlay.yaml"])
        #expect(result.diagnostics.map(\.description) == [
            """
            fix2.overlay.yaml:4:26: error: 'target' is not a valid JSONPath query: unexpected '=' [#/actions/0/target]
              - target: $.paths[?@.x =]
                                     ^
              hint: compare with '=='
            """
        ])
    }

    @Test func anOverlayThatIsNotYAMLIsAYAMLError() {
        let result = generate(["overlay: 1.1.0\ninfo: {title: 'unclosed\n"])
        #expect(result.files.isEmpty)
        #expect(result.diagnostics.first?.mark?.file == "fix1.overlay.yaml")
        #expect(result.diagnostics.hasErrors)
    }
}
