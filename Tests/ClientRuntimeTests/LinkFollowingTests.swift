@testable import ClientRuntime
import Foundation
import Testing

/// RFC 8288 `Link` values and following a link to the next page.
@Suite struct LinkFollowingTests {
    @Test func linkHeaderTargetsAreFoundByRelation() {
        #expect(LinkHeader.target(rel: "next", in: [#"<https://a.example/x?page=2>; rel="next", <https://a.example/x?page=9>; rel="last""#]) == "https://a.example/x?page=2")
        #expect(LinkHeader.target(rel: "next", in: [#"<https://a.example/x?a=1,2>; rel="prev next"; title="a, b""#]) == "https://a.example/x?a=1,2")
        #expect(LinkHeader.target(rel: "next", in: [#"<https://a.example/x>; rel=NEXT"#]) == "https://a.example/x")
        #expect(LinkHeader.target(rel: "next", in: [#"<https://a.example/x>; rel="prev""#, #"<https://a.example/y>; rel="next""#]) == "https://a.example/y")
        #expect(LinkHeader.target(rel: "next", in: [#"<https://a.example/x>; rel="self""#]) == nil)
    }

    func request(_ path: String, _ query: QueryItems = QueryItems()) -> Request<JSONValue> {
        Request(operationID: "list", method: .get, path: path, query: query, response: .json)
    }

    @Test func aLinkUnderTheServerURLBecomesThePathAndQuery() throws {
        let server = URL(string: "https://api.example.com/v2")!
        let next = try #require(try request("/items").following("https://api.example.com/v2/items?after=b%20c&limit=3", serverURL: server))
        #expect(next.path == "/items")
        #expect(next.query.percentEncoded == "after=b%20c&limit=3")
        #expect(next.query["after"] == "b c")
        let relative = try #require(try request("/items").following("/v2/items?page=2", serverURL: server))
        #expect(relative.query.percentEncoded == "page=2")
        let sibling = try #require(try request("/items").following("items?page=3", serverURL: server))
        #expect(sibling.path == "/items")
    }

    @Test func aLinkElsewhereIsRefusedAndARepeatEnds() throws {
        let server = URL(string: "https://api.example.com/v2")!
        #expect(throws: ClientError.self) { try request("/items").following("https://evil.example.com/v2/items", serverURL: server) }
        #expect(throws: ClientError.self) { try request("/items").following("https://api.example.com/other/items", serverURL: server) }
        #expect(throws: ClientError.self) { try request("/items").following("http://api.example.com/v2/items", serverURL: server) }
        var query = QueryItems()
        query.append("page", "2")
        #expect(try request("/items", query).following("/v2/items?page=2", serverURL: server) == nil)
    }
}
