import OpenAPI
import Testing

@Suite struct ReaderTests {
    func read(_ yaml: String) -> ReadResult {
        OpenAPIReader.read(bytes: Array(yaml.utf8), file: "spec.yaml")
    }

    @Test func unquotedStatusKeysAndTimestampsStayStrings() throws {
        let result = read("""
            openapi: 3.0.3
            info: {title: T, version: 2024-01-01}
            paths:
              /a:
                get:
                  operationId: a
                  responses:
                    200:
                      description: OK
                    4XX:
                      description: client error
            """)
        #expect(result.diagnostics.isEmpty)
        let document = try #require(result.document)
        #expect(document.info.version == "2024-01-01")
        #expect(document.operations.first?.responses.map(\.status) == ["200", "4XX"])
        #expect(document.operations.first?.responses.map(\.isSuccess) == [true, false])
    }

    @Test func bothNullableStylesReadAsNullType() throws {
        let result = read("""
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    old: {type: integer, nullable: true}
                    new: {type: [string, "null"]}
                    plain: {type: string}
            """)
        let schema = try #require(result.document?.components.schemas.first?.schema)
        #expect(schema.properties.map(\.schema.isNullable) == [true, true, false])
        #expect(schema.properties.map(\.schema.nonNullTypes) == [[.integer], [.string], [.string]])
    }

    @Test func marksAndPointersAreKept() throws {
        let result = read("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /processes/{processId}:
                get:
                  operationId: getProcess
                  parameters:
                    - {name: processId, in: path, required: true, schema: {type: integer, format: int64}}
                  responses:
                    '200': {description: OK}
            """)
        let operation = try #require(result.document?.operations.first)
        #expect(operation.pointer.description == "#/paths/~1processes~1{processId}/get")
        // The operation's mark is where its mapping starts: the first key under `get:`.
        #expect(operation.mark.line == 6 && operation.mark.column == 7)
        #expect(operation.parameters.first?.pointer.description == "#/paths/~1processes~1{processId}/get/parameters/0")
    }

    @Test func everyProblemIsReportedInOneRun() {
        let result = read("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /a/{id}:
                get:
                  operationId: same
                  responses:
                    '200':
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Missing'}
              /b:
                post:
                  operationId: same
                  parameters:
                    - {name: q, in: body}
                  responses:
                    '20x': {description: nope}
            """)
        #expect(result.diagnostics.map(\.description) == [
            """
            spec.yaml:6:7: warning: path parameter 'id' is not declared; it is generated as a String [#/paths/~1a~1{id}/get]
                  operationId: same
                  ^
              hint: add `- {name: id, in: path, required: true, schema: {type: string}}` to 'parameters'
            """,
            """
            spec.yaml:11:30: error: unresolved reference '#/components/schemas/Missing' [#/paths/~1a~1{id}/get/responses/200/content/application~1json/schema/$ref]
                          schema: {$ref: '#/components/schemas/Missing'}
                                         ^
              hint: check that the schema exists at that path
            """,
            """
            spec.yaml:14:20: error: duplicate operationId 'same' (first used at 6:20) [#/paths/~1b/post/operationId]
                  operationId: same
                               ^
              hint: operationIds must be unique in a document
            """,
            """
            spec.yaml:16:25: error: parameter 'q' has unknown location 'body' [#/paths/~1b/post/parameters/0/in]
                    - {name: q, in: body}
                                    ^
              hint: use query, path, header or cookie
            """,
            """
            spec.yaml:18:9: error: '20x' is not a response status [#/paths/~1b/post/responses/20x]
                    '20x': {description: nope}
                    ^
              hint: use a code such as 200, a range such as 2XX, or 'default'
            """,
        ])
    }

    @Test func swaggerTwoIsRefusedWithAHint() {
        let result = read("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n")
        #expect(result.document == nil)
        #expect(result.diagnostics.map(\.description) == [
            """
            spec.yaml:1:1: error: Swagger 2.0 documents are not supported [#]
            swagger: '2.0'
            ^
              hint: convert the description to OpenAPI 3 (for example with swagger2openapi)
            """,
        ])
    }

    @Test func yamlSyntaxErrorsBecomeDiagnostics() {
        let result = read("openapi: 3.0.3\ninfo:\n\ttitle: T\n")
        #expect(result.document == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.diagnostics.first?.mark?.line == 3)
    }

    @Test func requiredTrueOnASchemaIsAWarningNotAFailure() throws {
        let result = read("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                A: {type: object, required: true, properties: {a: {type: string}}}
            """)
        #expect(result.document != nil)
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.message.hasPrefix("'required' in a schema must be a list") == true)
    }
}
