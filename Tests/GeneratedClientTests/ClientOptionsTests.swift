import ClientOptionsAPI
import FixtureSupport
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// ClientOptionsAPI (`Fixtures/client-options.yaml`) is generated with `access: package`,
/// `additionalImports: [FixtureSupport]` and `typeOverrides: {schemas: {Money: FixtureSupport.Money}}`:
/// the test reaches its `package` declarations from the same package, and every amount is the
/// user's own Decimal-backed `Money`, exactly as it travels.
@Suite("Client options: access, imports, type overrides")
struct ClientOptionsTests {
    @Test func theOverriddenTypeDecodesAndReEncodesUnchanged() throws {
        let json = #"{"id":"inv-1","total":"12.50","lines":[{"label":"tea","amount":"2.05"}],"discounts":{"loyal":"0.10"}}"#
        let invoice = try JSONDecoder().decode(Invoice.self, from: Data(json.utf8))
        #expect(invoice.total == Money(Decimal(string: "12.50")!))
        #expect(invoice.lines?.first?.amount.amount == Decimal(string: "2.05"))
        #expect(invoice.discounts?["loyal"] == Money(Decimal(string: "0.1")!))
        let reencoded = try JSONEncoder().encode(invoice)
        #expect(try JSONSerialization.jsonObject(with: reencoded) as? NSDictionary
            == JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary)
    }

    @Test func theOverriddenTypeTravelsInBodiesOverHTTP() async throws {
        try await TestServer.run(routes: { router in
            router.post("/invoices") { request, _ in
                let body = try await request.body.collect(upTo: 1 << 16)
                return TestServer.json(String(buffer: body), status: 201)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let created = try await client.send(ClientOptions.createInvoice(body: Invoice(id: "inv-2", total: Money(Decimal(string: "99.9")!))))
            #expect(created.total.amount == Decimal(string: "99.90"))
            let sent = try #require(await server.lastRequest?.body)
            let object = try #require(try JSONSerialization.jsonObject(with: sent) as? [String: Any])
            #expect(object["total"] as? String == "99.90")
        }
    }
}
