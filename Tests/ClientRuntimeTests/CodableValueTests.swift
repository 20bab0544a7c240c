import ClientRuntime
import Foundation
import Testing

@Suite struct CodableValueTests {
    /// Request bodies and responses use the client's coders: ISO 8601 in UTC, fraction only when
    /// there is one, and either form (or an offset) accepted back.
    @Test func jsonDatesRoundTripWithAndWithoutFractionalSeconds() throws {
        let encoder = APIClient.Configuration.defaultEncoder()
        let decoder = APIClient.Configuration.defaultDecoder()
        let whole = Date(timeIntervalSince1970: 1_704_164_645)
        let fraction = Date(timeIntervalSince1970: 1_704_164_645.125)
        let encoded = String(decoding: try encoder.encode([whole, fraction]), as: UTF8.self)
        #expect(encoded == #"["2024-01-02T03:04:05Z","2024-01-02T03:04:05.125Z"]"#)
        #expect(try decoder.decode([Date].self, from: Data(encoded.utf8)) == [whole, fraction])
        let offset = try decoder.decode([Date].self, from: Data(#"["2024-01-02T05:04:05+02:00","2024-01-02T05:04:05.125+02:00"]"#.utf8))
        #expect(offset == [whole, fraction])
        #expect(throws: DecodingError.self) { try decoder.decode([Date].self, from: Data(#"["2024-01-02 03:04:05"]"#.utf8)) }
    }

    /// What an API sends comes back to the digit (found by scripts/examples on resend.yaml:
    /// `.678` was stored as 0.677999973… and written back truncated as `.677`).
    @Test func jsonDatesKeepTheirFractionToTheMicrosecond() throws {
        let encoder = APIClient.Configuration.defaultEncoder()
        let decoder = APIClient.Configuration.defaultDecoder()
        let sent = #"["2023-10-06T23:47:56.678Z","2023-10-06T23:47:56.100Z","2023-10-06T23:47:56.123456Z","1969-12-31T23:59:59.999Z","2023-10-06T23:47:56.999999Z"]"#
        let dates = try decoder.decode([Date].self, from: Data(sent.utf8))
        #expect(String(decoding: try encoder.encode(dates), as: UTF8.self) == sent)
        // A fraction that rounds up to the next second carries into it.
        let carried = String(decoding: try encoder.encode([Date(timeIntervalSince1970: 1_696_636_076.999_999_7)]), as: UTF8.self)
        #expect(carried == #"["2023-10-06T23:47:57Z"]"#)
        // RFC 3339 allows lower-case `t` and `z`, and any number of fraction digits (nanoseconds are rounded).
        let lower = try decoder.decode([Date].self, from: Data(#"["2023-10-06t23:47:56.5z","2023-10-06T23:47:56.123456789Z"]"#.utf8))
        #expect(String(decoding: try encoder.encode(lower), as: UTF8.self) == #"["2023-10-06T23:47:56.500Z","2023-10-06T23:47:56.123457Z"]"#)
        #expect(throws: DecodingError.self) { try decoder.decode([Date].self, from: Data(#"["2023-10-06T23:47:56.Z"]"#.utf8)) }
    }

    @Test func openEnumDecodesKnownAndUnknown() throws {
        let decoded = try JSONDecoder().decode([Sort].self, from: Data(#"["asc","desc","shuffled"]"#.utf8))
        #expect(decoded == [.asc, .desc, .unknown("shuffled")])
    }

    @Test func openEnumEncodesUnknownByteForByte() throws {
        let input = Data(#"["desc","shuffled \u00e9"]"#.utf8)
        let decoded = try JSONDecoder().decode([Sort].self, from: input)
        let reencoded = try JSONEncoder().encode(decoded)
        let again = try JSONDecoder().decode([Sort].self, from: reencoded)
        #expect(again == decoded)
        #expect(String(decoding: try JSONEncoder().encode(Sort.unknown("new-value")), as: UTF8.self) == #""new-value""#)
        #expect(String(decoding: reencoded, as: UTF8.self) == #"["desc","shuffled é"]"#)
    }

    @Test func openEnumRejectsWrongType() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Sort.self, from: Data("12".utf8))
        }
    }

    @Test func jsonValueRoundTrip() throws {
        let text = #"{"a":[1,2.5,"x",true,null,{"b":{}}],"big":9007199254740993,"neg":-3,"s":"é\n"}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let expected: JSONValue = [
            "a": [1, 2.5, "x", true, nil, ["b": [:]]],
            "big": .integer(9_007_199_254_740_993),
            "neg": -3,
            "s": "é\n",
        ]
        #expect(value == expected)
        #expect(value["a"]?[1] == .number(2.5))
        #expect(value["a"]?[9] == nil)
        #expect(value["big"]?.int64Value == 9_007_199_254_740_993)
        #expect(value["s"]?.stringValue == "é\n")

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let reencoded = try encoder.encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: reencoded) == value)
        #expect(String(decoding: reencoded, as: UTF8.self).contains("9007199254740993"))
    }
}
