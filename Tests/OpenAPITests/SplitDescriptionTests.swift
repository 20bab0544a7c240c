import OpenAPI
import Testing

/// Split descriptions as Lichess and DigitalOcean publish them: path items and operations given as
/// `$ref`s into other files, and `$ref`s that stand for a whole map (`schemas: {$ref: _index.yaml}`).
@Suite struct SplitDescriptionTests {
    typealias Folder = ReferencedFilesTests.Folder

    func read(_ root: String, _ files: [String: String]) -> ReadResult {
        OpenAPIReader.read(bytes: Array(root.utf8), file: "api/openapi.yaml", files: Folder(files).loader)
    }

    static let header = ReferencedFilesTests.header

    @Test func operationsInOtherFilesResolveTheirReferencesFromTheirOwnFile() throws {
        let result = read(Self.header + """
            paths:
              /v2/account:
                get: {$ref: 'resources/account/account_get.yml'}
              /v2/droplets:
                get: {$ref: '#/x-operations/listDroplets'}
            x-operations:
              listDroplets:
                operationId: listDroplets
                responses: {'200': {description: OK}}
            """, [
            "resources/account/account_get.yml": """
                operationId: getAccount
                parameters: [{$ref: 'parameters.yml#/Verbose'}]
                responses:
                  '200': {$ref: 'responses/account.yml'}
                """,
            "resources/account/parameters.yml": "Verbose: {name: verbose, in: query, schema: {type: boolean}}",
            "resources/account/responses/account.yml": """
                description: The account.
                content: {application/json: {schema: {$ref: '../models/account.yml'}}}
                """,
            "resources/account/models/account.yml": "type: object\nproperties: {uuid: {type: string}}",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(document.operations.map(\.operationID) == ["getAccount", "listDroplets"])
        let account = document.operations[0]
        #expect(account.pointer.description == "resources/account/account_get.yml#")
        #expect(account.mark.file == "api/resources/account/account_get.yml")
        #expect(account.parameters.map(\.name) == ["verbose"])
        #expect(account.responses.first?.content.first?.schema?.reference == "#/components/schemas/account")
        #expect(document.operations[1].pointer.description == "#/x-operations/listDroplets")
        #expect(document.components.schemas.map(\.name) == ["account"])
    }

    @Test func aSchemasMapRefReadsTheIndexEntriesAsComponents() throws {
        let result = read(Self.header + """
            paths:
              /pets:
                get:
                  responses:
                    '200': {description: OK, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
            components:
              schemas:
                $ref: './schemas/_index.yaml'
            """, [
            "schemas/_index.yaml": """
                Pet: {$ref: './Pet.yaml'}
                Owner:
                  type: object
                  properties:
                    pet: {$ref: '#/Pet'}
                    tag: {$ref: './Tag.yaml'}
                """,
            "schemas/Pet.yaml": """
                type: object
                properties:
                  owner: {$ref: '_index.yaml#/Owner'}
                  self: {$ref: './Pet.yaml'}
                  back: {$ref: '../openapi.yaml#/components/schemas/Owner'}
                """,
            "schemas/Tag.yaml": "type: string",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let document = try #require(result.document)
        let schemas = document.components.schemas
        // Each entry once, under its index name; a file that no index entry names keeps its own.
        #expect(schemas.map(\.name) == ["Pet", "Owner", "Tag"])
        #expect(schemas[0].schema.pointer.description == "schemas/Pet.yaml#")
        #expect(schemas[0].schema.properties.map(\.schema.reference) == [
            "#/components/schemas/Owner", "#/components/schemas/Pet", "#/components/schemas/Owner",
        ])
        #expect(schemas[1].schema.pointer.description == "schemas/_index.yaml#/Owner")
        #expect(schemas[1].schema.properties.map(\.schema.reference) == ["#/components/schemas/Pet", "#/components/schemas/Tag"])
        #expect(document.operations.first?.responses.first?.content.first?.schema?.reference == "#/components/schemas/Pet")
    }

    @Test func parameterAndResponseMapRefsAreFollowedByLocalReferences() throws {
        let result = read(Self.header + """
            paths:
              /items/{id}:
                $ref: 'paths/item.yaml'
            components:
              parameters: {$ref: 'components/parameters.yaml'}
              responses: {$ref: 'components/responses.yaml'}
            """, [
            "paths/item.yaml": """
                get:
                  parameters: [{$ref: '../openapi.yaml#/components/parameters/ItemID'}]
                  responses:
                    $ref: '../components/item-responses.yaml'
                """,
            "components/item-responses.yaml": "'200': {$ref: '../openapi.yaml#/components/responses/Item'}",
            "components/parameters.yaml": "ItemID: {name: id, in: path, required: true, schema: {$ref: 'id.yaml'}}",
            "components/id.yaml": "type: integer\nformat: int64",
            "components/responses.yaml": "Item: {description: The item., content: {application/json: {schema: {type: object}}}}",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let operation = try #require(result.document?.operations.first)
        #expect(operation.parameters.first?.pointer.description == "components/parameters.yaml#/ItemID")
        #expect(operation.parameters.first?.schema.reference == "#/components/schemas/id")
        #expect(operation.responses.map(\.status) == ["200"])
        #expect(operation.responses.first?.pointer.description == "components/responses.yaml#/Item")
    }

    @Test func aMissingOrScalarOperationFileIsAnErrorWhereItIs() {
        let result = read(Self.header + """
            paths:
              /a:
                get: {$ref: 'ops/missing.yaml'}
                put: {$ref: 'ops/scalar.yaml'}
                post: {operationId: ok, responses: {'204': {description: Done.}}}
            """, ["ops/scalar.yaml": "# nothing here yet\nTODO\n"])
        #expect(result.diagnostics.map { "\($0.mark!): \($0.message)" } == [
            "api/openapi.yaml:5:17: cannot read 'api/ops/missing.yaml', named by reference 'ops/missing.yaml'",
            "api/ops/scalar.yaml:2:1: expected operation PUT /a to be a mapping, found a scalar",
        ])
        #expect(result.document?.operations.map(\.operationID) == ["ok"])
    }

    @Test func aPathItemWhereAnOperationBelongsIsAnError() {
        let result = read(Self.header + "paths:\n  /a:\n    get: {$ref: 'a.yaml'}\n  /b:\n    get: {operationId: b, responses: {'200': {description: OK}}}\n",
                          ["a.yaml": "get: {operationId: a, responses: {'200': {description: OK}}}"])
        #expect(result.diagnostics.map(\.message) == ["expected operation GET /a, found a path item (it has 'get')"])
        #expect(result.diagnostics.first?.mark?.file == "api/a.yaml")
    }

    @Test func pathsWithOperationsButNoneReadIsAnErrorNamingTheFile() {
        let result = read(Self.header + "paths:\n  /a:\n    get: {$ref: 'a.yaml'}\n  /b:\n    post: {}\n", ["a.yaml": "[]"])
        #expect(result.diagnostics.map(\.message) == [
            "none of the 2 operations under 'paths' in api/openapi.yaml could be read; no client would be generated",
            "operation POST /b is empty: it has no 'responses' and nothing else an operation holds",
            "expected operation GET /a to be a mapping, found a sequence",
        ])
    }

    @Test func noResponsesIsAnErrorIn30AndAWarningIn31() {
        let paths = "paths:\n  /a:\n    get: {operationId: a}\n  /b:\n    get: {operationId: b, responses: {'200': {description: OK}}}\n"
        let old = read(Self.header + paths, [:])
        #expect(old.diagnostics.map(\.severity) == [.error])
        #expect(old.document?.operations.map(\.operationID) == ["b"])
        let new = read(Self.header.replacingOccurrences(of: "3.0.3", with: "3.1.0") + paths, [:])
        #expect(new.diagnostics.map(\.severity) == [.warning])
        #expect(new.document?.operations.map(\.operationID) == ["a", "b"])
    }

    @Test func aMapRefThatNamesItselfStops() {
        let result = read(Self.header + """
            paths:
              /a:
                get:
                  parameters: [{$ref: '#/components/parameters/P'}]
                  responses: {'200': {description: OK}}
            components:
              parameters: {$ref: 'loop.yaml'}
              schemas: {$ref: 'self.yaml'}
            """, ["loop.yaml": "$ref: 'loop2.yaml'", "loop2.yaml": "$ref: 'loop.yaml'", "self.yaml": "$ref: '#'"])
        #expect(result.diagnostics.map { "\($0.mark!.file): \($0.message)" } == [
            "api/openapi.yaml: unresolved reference '#/components/parameters/P'",
            "api/self.yaml: reference cycle through '#'",
        ])
    }

    @Test func aDuplicateOperationIdInAnotherFileSaysWhichFileHasTheFirst() {
        let result = read(Self.header + """
            paths:
              /a: {get: {$ref: 'a.yaml'}}
              /b: {get: {operationId: same, responses: {'200': {description: OK}}}}
            """, ["a.yaml": "operationId: same\nresponses: {'200': {description: OK}}"])
        #expect(result.diagnostics.map(\.message) == ["duplicate operationId 'same' (first used at api/a.yaml:1:14)"])
    }
}
