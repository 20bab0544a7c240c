import ClientRuntime
import Foundation
import Testing

@Suite struct ParameterEncodingTests {
    @Test func parameterValues() {
        #expect(true.parameterValue == "true")
        #expect(false.parameterValue == "false")
        #expect(Int64(-42).parameterValue == "-42")
        #expect(Int32(7).parameterValue == "7")
        #expect(1.5.parameterValue == "1.5")
        #expect(URL(string: "https://x.test/a?b=c")!.parameterValue == "https://x.test/a?b=c")
        // Lower case (RFC 9562), not Foundation's upper-case `uuidString`.
        #expect(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!.parameterValue == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
        #expect(Sort.desc.parameterValue == "desc")
        #expect(Sort.unknown("random").parameterValue == "random")
    }

    @Test func dateParameterIsISO8601UTC() {
        #expect(Date(timeIntervalSince1970: 1_700_000_000).parameterValue == "2023-11-14T22:13:20Z")
        #expect(Date(timeIntervalSince1970: 1_700_000_000.25).parameterValue == "2023-11-14T22:13:20.250Z")
    }

    @Test func pathSegmentEncodesEverythingButUnreserved() {
        #expect(PathSegment.encode("../a b/?#") == "..%2Fa%20b%2F%3F%23")
        #expect(PathSegment.encode("100%+é") == "100%25%2B%C3%A9")
        #expect(PathSegment.encode("A-z_0.9~") == "A-z_0.9~")
        #expect(PathSegment.encode(12) == "12")
    }

    @Test func dotSegmentsCannotTraverse() {
        #expect(PathSegment.encode("..") == "%2E%2E")
        #expect(PathSegment.encode(".") == "%2E")
        #expect(PathSegment.encode("...") == "...")
    }

    @Test func queryItemsKeepOrderAndSkipNil() {
        var query = QueryItems()
        query.append("limit", Int64(20))
        query.append("missing", Optional<String>.none)
        query.append("q", "a b+c&d=e")
        query.append("sort", Sort.asc)
        #expect(query.items.map(\.name) == ["limit", "q", "sort"])
        #expect(query["q"] == "a b+c&d=e")
        #expect(query.percentEncoded == "limit=20&q=a%20b%2Bc%26d%3De&sort=asc")
    }

    @Test func queryArraysExplodeOrJoin() {
        var query = QueryItems()
        query.append("tag", ["x", "y,z"])
        query.append("id", [1, 2], explode: false)
        query.append("none", Optional<[String]>.none, explode: false)
        #expect(query.percentEncoded == "tag=x&tag=y%2Cz&id=1,2")
        #expect(query.items.last?.value == "1,2")
    }

    @Test func headerFieldsAreOrderedAndCaseInsensitive() {
        var headers = HeaderFields()
        headers.append("X-Trace", "abc")
        headers.append("X-Absent", Optional<Int>.none)
        headers.append("X-Ids", [1, 2, 3])
        #expect(headers.fields == [HeaderField(name: "X-Trace", value: "abc"), HeaderField(name: "X-Ids", value: "1,2,3")])
        #expect(headers["x-trace"] == "abc")
        #expect(headers["X-IDS"] == "1,2,3")
        #expect(headers["x-absent"] == nil)
    }

    @Test func httpMethodIsOpen() {
        let custom: HTTPMethod = "PROPFIND"
        #expect(custom.rawValue == "PROPFIND")
        #expect(HTTPMethod.patch == HTTPMethod(rawValue: "PATCH"))
    }

    @Test func responseStatusPrecedence() {
        #expect(ResponseStatus.code(404).matches(404))
        #expect(!ResponseStatus.code(404).matches(400))
        #expect(ResponseStatus.range(4).matches(418))
        #expect(!ResponseStatus.range(4).matches(500))
        #expect(ResponseStatus.default.matches(500))
    }
}
