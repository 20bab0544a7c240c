import Foundation
import Hummingbird
import InferredPagesAPI
import Testing
import TestHTTPServer

/// Every pagination style inferred from a description written as providers publish them (no
/// x-pagination): `Tests/ClientGenCoreTests/Fixtures/inferred-pagination.yaml`, generated into
/// InferredPagesAPI, walked against a server that pages ten items three at a time.
@Suite("Inferred pagination over HTTP")
struct InferredPaginationTests {
    static let ids = (1...10).map { "i\($0)" }

    static func items(_ slice: ArraySlice<String>) -> String {
        slice.map { #"{"id": "\#($0)"}"# }.joined(separator: ",")
    }

    /// The three items after `cursor` (an id), and the id to continue after, if any.
    static func page(after cursor: String?) -> (items: String, next: String?) {
        let start = cursor.flatMap { ids.firstIndex(of: $0).map { $0 + 1 } } ?? 0
        let slice = ids[start..<min(start + 3, ids.count)]
        return (items(slice), slice.endIndex < ids.count ? slice.last : nil)
    }

    static func query(_ request: Request, _ name: String) -> String? {
        request.uri.queryParameters[Substring(name)].map(String.init)
    }

    func collect<Page, Item>(_ client: APIClient, _ pagination: Pagination<Page, Item>, id: (Item) -> String) async throws -> [String] {
        var seen: [String] = []
        for try await item in client.items(pagination) { seen.append(id(item)) }
        return seen
    }

    @Test func offsetAndLimitStopAtTheTotal() async throws {
        try await TestServer.run(routes: { router in
            router.get("/processes") { request, _ in
                let offset = Int(Self.query(request, "offset") ?? "0") ?? 0
                let limit = Int(Self.query(request, "limit") ?? "10") ?? 10
                let slice = Self.ids.dropFirst(offset).prefix(limit)
                return TestServer.json(#"{"processes": [\#(Self.items(slice))], "count": 10}"#)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let seen = try await collect(client, InferredPages.getProcessesPaginated(limit: 3), id: \.id)
            #expect(seen == Self.ids)
            #expect(await server.requests.map { $0.query ?? "" } == ["limit=3&offset=0", "limit=3&offset=3", "limit=3&offset=6", "limit=3&offset=9"])
        }
    }

    @Test func pageNumbersStopAtTheLastPage() async throws {
        try await TestServer.run(routes: { router in
            router.get("/articles") { request, _ in
                let page = Int(Self.query(request, "page") ?? "1") ?? 1
                let slice = Self.ids.dropFirst((page - 1) * 3).prefix(3)
                return TestServer.json(#"{"data": [\#(Self.items(slice))], "pages": {"page": \#(page), "total_pages": 4}}"#)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let seen = try await collect(client, InferredPages.listArticlesPaginated(perPage: 3), id: \.id)
            #expect(seen == Self.ids)
            #expect(await server.requests.map { $0.query ?? "" } == ["per_page=3", "per_page=3&page=2", "per_page=3&page=3", "per_page=3&page=4"])
        }
    }

    @Test func aCursorFromTheNextField() async throws {
        try await TestServer.run(routes: { router in
            router.get("/leads") { request, _ in
                let (items, next) = Self.page(after: Self.query(request, "starting_after"))
                return TestServer.json(#"{"items": [\#(items)]\#(next.map { #", "next_starting_after": "\#($0)""# } ?? "")}"#)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let seen = try await collect(client, InferredPages.listLeadsPaginated(), id: \.id)
            #expect(seen == Self.ids)
            #expect(await server.requests.count == 4)
        }
    }

    @Test func aCursorNestedInPagingNext() async throws {
        try await TestServer.run(routes: { router in
            router.get("/imports") { request, _ in
                let (items, next) = Self.page(after: Self.query(request, "after"))
                let paging = next.map { #", "paging": {"next": {"after": "\#($0)", "link": "/imports?after=\#($0)"}}"# } ?? ""
                return TestServer.json(#"{"results": [\#(items)]\#(paging)}"#)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let seen = try await collect(client, InferredPages.listImportsPaginated(), id: \.id)
            #expect(seen == Self.ids)
        }
    }

    @Test func theLastItemsIdWhileHasMore() async throws {
        try await TestServer.run(routes: { router in
            router.get("/emails") { request, _ in
                let (items, next) = Self.page(after: Self.query(request, "after"))
                return TestServer.json(#"{"object": "list", "has_more": \#(next != nil), "data": [\#(items)]}"#)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let seen = try await collect(client, InferredPages.listEmailsPaginated(limit: 3), id: \.id)
            #expect(seen == Self.ids)
            #expect(await server.requests.map { $0.query ?? "" } == ["limit=3", "limit=3&after=i3", "limit=3&after=i6", "limit=3&after=i9"])
        }
    }

    @Test func aNextLinkInTheBodyAbsoluteOrRelative() async throws {
        try await TestServer.run(routes: { router in
            router.get("/api/campaigns") { request, _ in
                let (items, next) = Self.page(after: Self.query(request, "after"))
                // Alternate: an absolute link, then one relative to the request.
                let base = "http://" + (request.head.authority ?? "")
                let link = next.map { id in id == "i3" ? "\(base)/api/campaigns?after=\(id)&page%5Bsize%5D=3" : "campaigns?after=\(id)&page%5Bsize%5D=3" }
                return TestServer.json(#"{"data": [\#(items)], "links": {"self": "x"\#(link.map { #", "next": "\#($0)""# } ?? "")}}"#)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL.appendingPathComponent("api"))
            let seen = try await collect(client, InferredPages.listCampaignsPaginated(pageSize: 3), id: \.id)
            #expect(seen == Self.ids)
            #expect(await server.requests.map { $0.query ?? "" } == [
                "page%5Bsize%5D=3", "after=i3&page%5Bsize%5D=3", "after=i6&page%5Bsize%5D=3", "after=i9&page%5Bsize%5D=3",
            ])
        }
    }

    @Test func aNextLinkToAnotherHostIsNotFollowed() async throws {
        try await TestServer.run(routes: { router in
            router.get("/campaigns") { _, _ in
                TestServer.json(#"{"data": [{"id": "i1"}], "links": {"next": "https://elsewhere.example.com/campaigns?page=2"}}"#)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            var seen: [String] = []
            await #expect(throws: ClientError.self) {
                for try await item in client.items(InferredPages.listCampaignsPaginated()) { seen.append(item.id) }
            }
            #expect(seen == ["i1"])
            #expect(await server.requests.count == 1)
        }
    }

    @Test func theLinkHeader() async throws {
        try await TestServer.run(routes: { router in
            router.get("/users") { request, _ in
                let (items, next) = Self.page(after: Self.query(request, "after"))
                var headers: [String: String] = [:]
                if let next {
                    headers["Link"] = #"</users?after=\#(next)&limit=3>; rel="next", </users?limit=3>; rel="self""#
                }
                return TestServer.json("[\(items)]", headers: headers)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let seen = try await collect(client, InferredPages.listUsersPaginated(limit: 3), id: \.id)
            #expect(seen == Self.ids)
            #expect(await server.requests.map { $0.query ?? "" } == ["limit=3", "after=i3&limit=3", "after=i6&limit=3", "after=i9&limit=3"])
        }
    }

    @Test func itemsOfAnInlineTypeInAComponentPage() async throws {
        try await TestServer.run(routes: { router in
            router.get("/segments") { request, _ in
                let (items, next) = Self.page(after: Self.query(request, "cursor"))
                return TestServer.json(#"{"data": [\#(items)], "meta": {"next_cursor": \#(next.map { "\"\($0)\"" } ?? "null")}}"#)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let seen: [String] = try await collect(client, InferredPages.listSegmentsPaginated()) { (item: SegmentPage.DataItem) in item.id }
            #expect(seen == Self.ids)
        }
    }

    @Test func aUUIDLastIdIsTheNextCursorInLowerCase() async throws {
        let ids = (1...5).map { "4C2A3B1D-0000-4000-8000-00000000000\($0)" }
        try await TestServer.run(routes: { router in
            router.get("/batches") { request, _ in
                let after = Self.query(request, "after")
                let start = after.flatMap { cursor in ids.firstIndex { $0.lowercased() == cursor }.map { $0 + 1 } } ?? 0
                let slice = ids[start..<min(start + 2, ids.count)]
                let items = slice.map { #"{"id": "\#($0)"}"# }.joined(separator: ",")
                return TestServer.json(#"{"has_more": \#(slice.endIndex < ids.count), "data": [\#(items)]}"#)
            }
        }) { server in
            let client = APIClient(serverURL: server.baseURL)
            let seen: [String] = try await collect(client, InferredPages.listBatchesPaginated()) { item in item.id?.uuidString ?? "" }
            #expect(seen == ids)
            #expect(await server.requests.map { $0.query ?? "" } == ["", "after=\(ids[1].lowercased())", "after=\(ids[3].lowercased())"])
        }
    }
}
