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
