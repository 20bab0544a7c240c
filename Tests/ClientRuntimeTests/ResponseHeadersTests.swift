@testable import ClientRuntime
import Foundation
import Testing

/// Reading typed values back from response headers, and JSON-or-empty bodies.
@Suite struct ResponseHeadersTests {
    let headers: HeaderFields = [
        "x-count": " 12 ", "X-Flag": "TRUE", "X-When": "2024-01-02T03:04:05Z", "X-Tags": "a, b,c",
        "X-Order": "shuffled", "X-Bad": "twelve",
    ]

    @Test func valuesOfEachTypeAreReadCaseInsensitively() throws {
        #expect(try headers.value("X-Count", as: Int.self) == 12)
        #expect(try headers.value("x-flag", as: Bool.self) == true)
        #expect(try headers.value("X-When", as: Date.self) == Date(timeIntervalSince1970: 1_704_164_645))
        #expect(try headers.values("X-Tags", as: String.self) == ["a", "b", "c"])
        #expect(try headers.value("X-Order", as: Sort.self) == .unknown("shuffled"))
        #expect(try headers.value("X-Absent", as: Int.self) == nil)
    }

    @Test func aValueOfTheWrongTypeOrAMissingRequiredHeaderThrowsWithoutTheValue() {
        #expect(throws: ResponseHeaderError(name: "X-Bad", expectedType: "Int64")) {
            try headers.value("X-Bad", as: Int64.self)
        }
        #expect(throws: ResponseHeaderError(name: "X-Absent", expectedType: nil)) {
            try headers.required("X-Absent", headers.value("X-Absent", as: String.self))
        }
        #expect("\(ResponseHeaderError(name: "X-Bad", expectedType: "Int"))" == #"Response header "X-Bad" is not a valid Int"#)
    }

    @Test func jsonOrEmptyIsNilForAnEmptyOrBlankBodyOnly() throws {
        let decoder = ResponseDecoder<[Int]?>.jsonOrEmpty()
        #expect(decoder.accept == "application/json")
        let client = APIClient.Configuration.defaultDecoder()
        #expect(try decoder.decode(Data(), client) == nil)
        #expect(try decoder.decode(Data(" \n".utf8), client) == nil)
        #expect(try decoder.decode(Data("[1]".utf8), client) == [1])
        #expect(throws: DecodingError.self) { try decoder.decode(Data("{".utf8), client) }
    }
}
