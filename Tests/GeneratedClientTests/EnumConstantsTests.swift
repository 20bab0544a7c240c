import EnumConstantsAPI
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// Enums above `enumCaseLimit` generated as structs of constants (EnumConstantsAPI, from
/// `Fixtures/enum-constants.yaml` with `enumCaseLimit: 5`): they must behave as the enums do for a
/// user — decode, match, keep unlisted values, re-encode unchanged, travel as parameters.
@Suite("Enums generated as constants")
struct EnumConstantsTests {
    @Test func listedAndUnlistedValuesDecodeMatchAndReEncodeUnchanged() throws {
        let json = #"{"currency":"NOK","value":1.5,"region":"offshore","code":-1}"#
        let rate = try JSONDecoder().decode(Rate.self, from: Data(json.utf8))
        #expect(rate.currency == Currency(rawValue: "NOK"))
        #expect(rate.currency != .eur)
        #expect(rate.region == .offshore)
        #expect(rate.code == .minus1)
        let reencoded = try JSONEncoder().encode(rate)
        #expect(try JSONSerialization.jsonObject(with: reencoded) as? NSDictionary
            == JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary)
    }

    @Test func switchMatchesTheConstants() {
        func label(_ currency: Currency) -> String {
            switch currency {
            case .eur: "euro"
            case .usd, .gbp: "dollar or pound"
            default: "other: \(currency.rawValue)"
            }
        }
        #expect(label(Currency(rawValue: "EUR")) == "euro")
        #expect(label(.gbp) == "dollar or pound")
        #expect(label(Currency(rawValue: "SEK")) == "other: SEK")
        // Values named like the struct's own members are still plain constants.
        #expect(Currency.rawValue2.rawValue == "rawValue")
        #expect(Currency.unknown2.rawValue == "unknown")
    }

    @Test func constantsGoIntoTheQueryWithTheirDefaults() async throws {
        try await TestServer.run(routes: { router in
            router.get("/rates") { _, _ in TestServer.json(#"{"currency":"CHF","value":0.95}"#) }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let rate = try await client.send(EnumConstants.getRates(currency: .chf))
            #expect(rate.currency == .chf)
            let query = try #require(await server.lastRequest?.query)
            // `base` defaults to XAU, which the enum does not list; TimeZone (5 values) is still an enum.
            #expect(query == "currency=CHF&base=XAU&timezone=Europe%2FParis")
        }
    }

    @Test func belowTheLimitAnEnumIsKept() {
        let zone = EnumConstantsTimeZone(rawValue: "Mars/Olympus")
        guard case .unknown(let raw) = zone else {
            Issue.record("expected .unknown, got \(zone)")
            return
        }
        #expect(raw == "Mars/Olympus")
    }
}
