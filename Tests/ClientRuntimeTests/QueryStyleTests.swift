import ClientRuntime
import Foundation
import Testing

/// OpenAPI 3 query styles, checked against the examples of the specification's style table
/// (`color` = `["blue", "black", "brown"]` or `{R: 100, G: 200, B: 150}`).
@Suite struct QueryStyleTests {
    struct Color: Codable, Hashable, Sendable {
        var r: Int
        var g: Int
        var b: Int?

        enum CodingKeys: String, CodingKey {
            case r = "R", g = "G", b = "B"
        }
    }

    struct Filter: Codable, Hashable, Sendable {
        var type: String?
        var status: Sort?
        var createdAfter: Date?
        var ids: [Int]?
    }

    static let colors = ["blue", "black", "brown"]
    static let color = Color(r: 100, g: 200, b: 150)

    private func query(_ build: (inout QueryItems) -> Void) -> String {
        var items = QueryItems()
        build(&items)
        return items.percentEncoded
    }

    @Test func listsInEveryStyle() {
        #expect(query { $0.append("color", Self.colors, style: .form(explode: true)) } == "color=blue&color=black&color=brown")
        #expect(query { $0.append("color", Self.colors, style: .form(explode: false)) } == "color=blue,black,brown")
        #expect(query { $0.append("color", Self.colors, style: .spaceDelimited) } == "color=blue%20black%20brown")
        #expect(query { $0.append("color", Self.colors, style: .pipeDelimited) } == "color=blue%7Cblack%7Cbrown")
    }

    @Test func delimitersInsideValuesAreEncoded() {
        #expect(query { $0.append("q", ["a,b", "c d", "e|f"], style: .form(explode: false)) } == "q=a%2Cb,c%20d,e%7Cf")
        var items = QueryItems()
        items.append("q", ["a b", "c"], style: .pipeDelimited)
        #expect(items["q"] == "a b|c")
    }

    @Test func objectsInEveryStyle() {
        #expect(query { $0.append("color", Self.color, style: .form(explode: true)) } == "R=100&G=200&B=150")
        #expect(query { $0.append("color", Self.color, style: .form(explode: false)) } == "color=R,100,G,200,B,150")
        #expect(query { $0.append("color", Self.color, style: .spaceDelimited) } == "color=R%20100%20G%20200%20B%20150")
        #expect(query { $0.append("color", Self.color, style: .pipeDelimited) } == "color=R%7C100%7CG%7C200%7CB%7C150")
        #expect(query { $0.append("color", Self.color, style: .deepObject) }
            == "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150")
    }

    @Test func deepObjectSkipsNilAndWritesDatesEnumsAndLists() {
        let filter = Filter(type: "a b", status: .desc, createdAfter: Date(timeIntervalSince1970: 0), ids: [1, 2])
        #expect(query { $0.append("filter", filter, style: .deepObject) }
            == "filter%5Btype%5D=a%20b&filter%5Bstatus%5D=desc&filter%5BcreatedAfter%5D=1970-01-01T00%3A00%3A00Z"
            + "&filter%5Bids%5D=1&filter%5Bids%5D=2")
        #expect(query { $0.append("filter", Filter(status: .unknown("new")), style: .deepObject) } == "filter%5Bstatus%5D=new")
        #expect(query { $0.append("filter", Filter(), style: .deepObject) } == "")
        #expect(query { $0.append("filter", Optional<Filter>.none, style: .deepObject) } == "")
    }

    @Test func dictionariesAreSortedByKey() {
        let tags: [String: String] = ["zeta": "z", "alpha": "a", "mid": "m m"]
        #expect(query { $0.append("tags", tags, style: .deepObject) } == "tags%5Balpha%5D=a&tags%5Bmid%5D=m%20m&tags%5Bzeta%5D=z")
        #expect(query { $0.append("tags", tags, style: .form(explode: true)) } == "alpha=a&mid=m%20m&zeta=z")
        #expect(query { $0.append("tags", tags, style: .form(explode: false)) } == "tags=alpha,a,mid,m%20m,zeta,z")
    }

    @Test func emptyValues() {
        #expect(query { $0.append("color", [String](), style: .form(explode: false)) } == "color=")
        #expect(query { $0.append("color", [String](), style: .pipeDelimited) } == "color=")
        #expect(query { $0.append("color", [String](), style: .form(explode: true)) } == "")
        #expect(query { $0.append("color", [String: Int](), style: .form(explode: false)) } == "color=")
        #expect(query { $0.append("color", [String: Int](), style: .deepObject) } == "")
    }

    @Test func scalarsIgnoreTheStyle() {
        #expect(query { $0.append("limit", 5, style: .deepObject) } == "limit=5")
        #expect(query { $0.append("flag", true, style: .pipeDelimited) } == "flag=true")
    }

    @Test func cookiesShareOneHeader() {
        var headers = HeaderFields()
        headers.appendCookie("session", "a b;c=d")
        headers.appendCookie("missing", Optional<String>.none)
        headers.appendCookie("ids", [1, 2])
        headers.appendCookie("theme", Sort.asc)
        #expect(headers.fields == [HeaderField(name: "Cookie", value: "session=a%20b%3Bc=d; ids=1,2; theme=asc")])
    }

    @Test func cookieNamesCannotAddCookies() {
        var headers = HeaderFields()
        headers.appendCookie("a=b; admin", "1")
        headers.appendCookie("x-Token_1.~!", "2")
        #expect(headers["Cookie"] == "a%3Db%3B%20admin=1; x-Token_1.~!=2")
    }

    @Test func pathListsAreCommaSeparated() {
        #expect(PathSegment.encode(["a", "b c", "d,e", "../x"]) == "a,b%20c,d%2Ce,..%2Fx")
        #expect(PathSegment.encode([3, 4]) == "3,4")
    }
}
