import ClientGenCore
import Testing

/// The type map names, from the module's top level, the type each part of a description decodes into.
@Suite struct TypeMapTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: Shop, version: '1'}
        paths:
          /orders:
            post:
              operationId: createOrder
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Order'}
              responses:
                '201':
                  description: created
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          id: {type: string}
                '4XX':
                  description: bad
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Problem'}
        components:
          schemas:
            Order:
              type: object
              required: [status]
              properties:
                status: {type: string, enum: [open, closed]}
                lines:
                  type: array
                  items:
                    type: object
                    properties:
                      sku: {type: string}
                placedAt: {type: string, format: date-time}
            Problem:
              type: object
              properties:
                detail: {type: string}
            Orders:
              type: array
              items: {$ref: '#/components/schemas/Order'}
            Pick:
              oneOf:
                - {$ref: '#/components/schemas/Order'}
                - {$ref: '#/components/schemas/Problem'}
        """

    @Test func namesEveryComponentOperationAndMember() throws {
        let result = Generator.generate(
            spec: Array(Self.spec.utf8), options: GeneratorOptions(moduleName: "ShopAPI", specPath: "shop.yaml"))
        #expect(result.succeeded)
        let map = TypeMap(module: "ShopAPI", files: result.declarations)
        #expect(map.schemas["#/components/schemas/Order"] == "Order")
        #expect(map.schemas["#/components/schemas/Orders"] == "Orders")
        #expect(map.aliases["Orders"] == "[Order]")
        #expect(map.oneOfs["Pick"] == ["Order", "Problem"])
        #expect(map.structs["Order"]?.properties["status"] == "Order.Status")
        #expect(map.structs["Order"]?.properties["lines"] == "[Order.LinesItem]?")
        #expect(map.structs["Order"]?.properties["placedAt"] == "Date?")
        #expect(map.structs["Order.LinesItem"]?.properties["sku"] == "String?")
        #expect(map.enums["Order.Status"] == "String")
        let operation = try #require(map.operations["#/paths/~1orders/post"])
        #expect(operation.body == "Order")
        #expect(operation.bodyEncoding == "json")
        // The inline response type is declared in the namespace, and spelled from the top level.
        #expect(operation.response == "Shop.CreateOrderResponse")
        #expect(map.structs["Shop.CreateOrderResponse"]?.properties["id"] == "String?")
        #expect(operation.errors == ["4XX": "Problem"])
    }
}
