import OpenAPI
import Synchronization
import Testing

/// `$ref`s into other files, read from an in-memory folder that counts every read.
@Suite struct ReferencedFilesTests {
    final class Folder: Sendable {
        let files: [String: String]
        let reads = Mutex<[String]>([])

        init(_ files: [String: String]) { self.files = files }

        var loader: ReferencedFiles {
            ReferencedFiles { path in
                self.reads.withLock { $0.append(path) }
                return self.files[path].map { Array($0.utf8) }
            }
        }
    }

    func read(_ root: String, _ folder: Folder, file: String = "api/openapi.yaml") -> ReadResult {
        OpenAPIReader.read(bytes: Array(root.utf8), file: file, files: folder.loader)
    }

    static let header = """
        openapi: 3.0.3
        info: {title: T, version: "1"}

        """

    @Test func eachFileIsReadOnceAndSchemasBecomeComponents() throws {
        let folder = Folder([
            "common.yaml": """
                components:
                  schemas:
                    Owner: {type: object, properties: {pet: {$ref: 'pets/pet.yaml'}}}
                """,
            "pets/pet.yaml": """
                type: object
                properties:
                  owner: {$ref: '../common.yaml#/components/schemas/Owner'}
                  same: {$ref: '../common.yaml#/components/schemas/Owner'}
                """,
        ])
        let result = read(Self.header + """
            paths: {}
            components:
              schemas:
                A: {$ref: 'common.yaml#/components/schemas/Owner'}
                B: {$ref: './common.yaml#/components/schemas/Owner'}
                C: {$ref: 'pets/../common.yaml#/components/schemas/Owner'}
            """, folder)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(folder.reads.withLock { $0 } == ["common.yaml", "pets/pet.yaml"])
        let schemas = try #require(result.document).components.schemas
        // `A` is only a `$ref` into another file, so it is that schema under its own name; `B` and `C`
        // name the same schema and stay aliases of `A`, as does every other reference to it.
        #expect(schemas.map(\.name) == ["A", "B", "C", "pet"])
        #expect(schemas[0].schema.pointer.description == "common.yaml#/components/schemas/Owner")
        #expect(schemas[0].schema.properties.first?.schema.reference == "#/components/schemas/pet")
        #expect(schemas[1...2].map(\.schema.reference) == ["#/components/schemas/A", "#/components/schemas/A"])
        #expect(schemas[3].schema.properties.map(\.schema.reference) == ["#/components/schemas/A", "#/components/schemas/A"])
        #expect(result.sources.map(\.displayPath) == ["api/openapi.yaml", "api/common.yaml", "api/pets/pet.yaml"])
    }

    @Test func aReferenceBackIntoTheRootNamesTheRootComponent() throws {
        let folder = Folder(["other.yaml": "X: {type: object, properties: {back: {$ref: 'openapi.yaml#/components/schemas/Root'}}}"])
        let result = read(Self.header + """
            paths: {}
            components:
              schemas:
                Root: {type: object, properties: {x: {$ref: 'other.yaml#/X'}}}
            """, folder)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let schemas = try #require(result.document).components.schemas
        #expect(schemas.map(\.name) == ["Root", "X"])
        #expect(schemas[1].schema.properties.first?.schema.reference == "#/components/schemas/Root")
    }

    @Test func collidingNamesTakeTheFileNameThenANumber() throws {
        let folder = Folder([
            "common.yaml": "Error: {type: string}",
            "more/common.yaml": "Error: {type: boolean}",
        ])
        let result = read(Self.header + """
            paths: {}
            components:
              schemas:
                Error: {type: object, properties: {a: {$ref: 'common.yaml#/Error'}, b: {$ref: 'more/common.yaml#/Error'}}}
            """, folder)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let schemas = try #require(result.document).components.schemas
        #expect(schemas.map(\.name) == ["Error", "common.Error", "common.Error2"])
    }

    @Test func operationsAndParametersInOtherFilesResolveTheirReferencesThere() throws {
        let folder = Folder([
            "paths/items.yaml": """
                get:
                  parameters: [{$ref: '../parameters.yaml#/Limit'}]
                  responses:
                    '200': {description: OK, content: {application/json: {schema: {$ref: '#/x-schemas/Item'}}}}
                x-schemas:
                  Item: {type: object, properties: {id: {type: string}}}
                """,
            "parameters.yaml": "Limit: {name: limit, in: query, schema: {$ref: '#/LimitValue'}}\nLimitValue: {type: integer}",
        ])
        let result = read(Self.header + "paths:\n  /items: {$ref: 'paths/items.yaml'}\n", folder)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let document = try #require(result.document)
        let operation = try #require(document.operations.first)
        #expect(operation.pointer.description == "paths/items.yaml#/get")
        #expect(operation.parameters.first?.schema.reference == "#/components/schemas/LimitValue")
        #expect(operation.responses.first?.content.first?.schema?.reference == "#/components/schemas/Item")
        #expect(document.components.schemas.map(\.name) == ["LimitValue", "Item"])
    }

    @Test func problemsInAnotherFileCarryThatFilesPosition() {
        let folder = Folder(["bad.yaml": "A:\n  type: strng\n"])
        let result = read(Self.header + "paths: {}\ncomponents: {schemas: {A: {$ref: 'bad.yaml#/A'}}}\n", folder)
        #expect(result.diagnostics.map(\.description) == [
            """
            api/bad.yaml:2:9: error: unknown type 'strng' [bad.yaml#/A/type]
              type: strng
                    ^
              hint: did you mean 'string'?
            """
        ])
    }

    @Test func withoutALoaderEveryFileIsUnreadable() {
        let result = OpenAPIReader.read(
            bytes: Array((Self.header + "paths: {}\ncomponents: {schemas: {A: {$ref: 'a.yaml'}}}\n").utf8), file: "spec.yaml")
        #expect(result.diagnostics.map(\.message) == ["cannot read 'a.yaml', named by reference 'a.yaml'"])
    }
}
