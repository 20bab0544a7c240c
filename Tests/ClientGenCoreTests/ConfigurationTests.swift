import ClientGenCore
import Testing

/// `clientgen.yaml` with a `names:` table under a client.
@Suite struct ConfigurationTests {
    func read(_ text: String) -> (Configuration?, [String]) {
        let (configuration, diagnostics) = Configuration.read(bytes: Array(text.utf8), file: "clientgen.yaml")
        return (configuration, diagnostics.map(\.description))
    }

    @Test func namesReachTheGeneratorOptions() throws {
        let (configuration, diagnostics) = read("""
            clients:
              - spec: api.yaml
                module: MyAPI
                output: Generated/MyAPI
                names:
                  schemas: {GetProcesses_200_response: ProcessPage}
                  operations: {getProcess: fetchProcess}
                  properties: {Process.id: identifier}
            """)
        #expect(diagnostics.isEmpty)
        let names = try #require(configuration?.clients.first?.options.names)
        #expect(names.schemas.map { "\($0.specName)=\($0.swiftName)@\($0.mark)" } == ["GetProcesses_200_response=ProcessPage@clientgen.yaml:6:17"])
        #expect(names.operations.map(\.swiftName) == ["fetchProcess"])
        #expect(names.properties.map(\.specName) == ["Process.id"])
    }

    @Test func namesThatCannotBeSwiftAreErrorsAtTheirPosition() {
        let (configuration, diagnostics) = read("""
            clients:
              - spec: api.yaml
                module: MyAPI
                output: Generated/MyAPI
                names:
                  operations: {getProcess: get process}
            """)
        #expect(configuration == nil)
        #expect(diagnostics == [
            """
            clientgen.yaml:6:32: error: 'get process' cannot be the Swift name of operation 'getProcess': it is not a Swift identifier
              hint: try 'getProcess'
            """
        ])
    }

    @Test func generatingWithAnOverrideThatNamesNothingWarnsAtTheConfigurationEntry() throws {
        let (configuration, _) = read("""
            clients:
              - spec: api.yaml
                module: MyAPI
                output: Generated/MyAPI
                names: {schemas: {Procss: Workflow}}
            """)
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components: {schemas: {Process: {type: object, properties: {id: {type: string}}}}}
            """
        let options = try #require(configuration).clients[0].options
        let result = Generator.generate(spec: Array(spec.utf8), options: options)
        #expect(result.succeeded)
        #expect(result.diagnostics.map(\.description) == [
            """
            clientgen.yaml:5:23: warning: 'names.schemas' renames 'Procss', which the spec does not have
              hint: did you mean 'Process'?
            """
        ])
    }

    @Test func overlaysAreReadInOrderWithTheirPositions() throws {
        let (configuration, diagnostics) = read("""
            clients:
              - spec: api.yaml
                module: MyAPI
                output: Generated/MyAPI
                overlays:
                  - fixes/names.overlay.yaml
                  - fixes/types.overlay.yaml
            """)
        #expect(diagnostics.isEmpty)
        let overlays = try #require(configuration?.clients.first?.overlays)
        #expect(overlays.map { "\($0.path)@\($0.mark!)" } == [
            "fixes/names.overlay.yaml@clientgen.yaml:6:9", "fixes/types.overlay.yaml@clientgen.yaml:7:9",
        ])
    }

    @Test func overlaysMustBeAListOfPaths() {
        let (configuration, diagnostics) = read("""
            clients:
              - spec: api.yaml
                module: MyAPI
                output: Generated/MyAPI
                overlays: fix.overlay.yaml
            """)
        #expect(configuration == nil)
        #expect(diagnostics == [
            """
            clientgen.yaml:5:15: error: 'overlays' must be a list of overlay files, found a scalar
              hint: write `overlays: [api.overlay.yaml]` (paths relative to this file, applied in order)
            """
        ])
    }
}
