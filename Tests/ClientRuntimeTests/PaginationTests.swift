import ClientRuntime
import Foundation
import Hummingbird
import Testing
import TestHTTPServer

/// Offset and cursor pagination, fetched lazily from the test server.
@Suite struct PaginationTests {
    /// Brevo-like `GET /processes?limit&offset` over 12 processes, with `count` = 12.
    private func processes(_ router: TestServer.Router) {
        router.get("/processes") { request, _ in
            let limit = Int(request.uri.queryParameters["limit"].map(String.init) ?? "10") ?? 10
            let offset = Int(request.uri.queryParameters["offset"].map(String.init) ?? "0") ?? 0
            let ids = Array(1...12).dropFirst(offset).prefix(limit)
            let list = ids.map { #"{"id":\#($0),"name":"p\#($0)","status":"completed"}"# }.joined(separator: ",")
            return TestServer.json(#"{"processes":[\#(list)],"count":12}"#)
        }
    }

    private func getProcesses(limit: Int64 = 5, offset: Int64? = 0) -> Request<BrevoProcessPage> {
        var query = QueryItems()
        query.append("limit", limit)
        query.append("offset", offset)
        query.append("sort", "desc")
        return Request(operationID: "getProcesses", method: .get, path: "/processes", query: query, security: [["api-key"]], response: .json)
    }

    private func offsetPagination(limit: Int64 = 5, offset: Int64? = 0, total: Bool = true) -> Pagination<BrevoProcessPage, BrevoProcess> {
        let items: @Sendable (BrevoProcessPage) -> [BrevoProcess] = { $0.processes ?? [] }
        let count: @Sendable (BrevoProcessPage) -> Int64? = { $0.count }
        return .offset(getProcesses(limit: limit, offset: offset), limit: "limit", offset: "offset", items: items, total: total ? count : nil)
    }

    @Test func offsetPagesAreFetchedLazily() async throws {
        try await TestServer.run(routes: processes) { server in
            let client = server.client(credentials: [Jobs.brevoKey])
            var start = ContinuousClock.now
            var firstFive: [Int64] = []
            for try await process in client.items(offsetPagination()).prefix(5) {
                firstFive.append(process.id)
            }
            Scenario.report("offset: first 5 items of 12 (limit 5)", requests: await server.requests.count, since: start)
            #expect(firstFive == [1, 2, 3, 4, 5])
            #expect(await server.requests.count == 1)

            start = ContinuousClock.now
            var all: [Int64] = []
            for try await process in client.items(offsetPagination()) {
                all.append(process.id)
            }
            let requests = await server.requests
            Scenario.report("offset: all 12 items, 3 pages", requests: requests.count - 1, since: start)
            #expect(all == Array(1...12))
            #expect(requests.dropFirst().map { $0.query ?? "" } == [
                "limit=5&offset=0&sort=desc", "limit=5&offset=5&sort=desc", "limit=5&offset=10&sort=desc",
            ])
        }
    }

    @Test func offsetStopsAtTheTotalWithoutAnExtraRequest() async throws {
        try await TestServer.run(routes: processes) { server in
            let client = server.client(credentials: [Jobs.brevoKey])
            // 12 = 3 × 4: without `total`, a fourth (empty) page would be needed to see the end.
            var pages = 0
            for try await page in client.pages(offsetPagination(limit: 4)) {
                pages += 1
                #expect(page.processes?.count == 4)
            }
            #expect(pages == 3)
            #expect(await server.requests.count == 3)

            var withoutTotal = 0
            for try await _ in client.pages(offsetPagination(limit: 4, total: false)) { withoutTotal += 1 }
            #expect(withoutTotal == 4)
            #expect(await server.requests.count == 3 + 4)
        }
    }

    @Test func missingOffsetStartsAtZero() async throws {
        try await TestServer.run(routes: processes) { server in
            let client = server.client(credentials: [Jobs.brevoKey])
            let ids = try await client.items(offsetPagination(limit: 5, offset: nil)).reduce(into: []) { $0.append($1.id) }
            #expect(ids == Array(1...12))
            #expect(await server.requests.map { $0.query ?? "" } == ["limit=5&sort=desc", "limit=5&sort=desc&offset=5", "limit=5&sort=desc&offset=10"])
        }
    }

    /// Instantly-like cursor pages: `starting_after` in, `next_starting_after` out.
    private func leads(_ router: TestServer.Router) {
        router.get("/leads") { request, _ in
            let after = request.uri.queryParameters["starting_after"].map(String.init)
            let pages: [String?: String] = [
                nil: #"{"items":["a","b"],"next_starting_after":"c-2"}"#,
                "c-2": #"{"items":["c","d"],"next_starting_after":"c 4/+"}"#,
                "c 4/+": #"{"items":["e"],"next_starting_after":""}"#,
            ]
            return TestServer.json(pages[after] ?? #"{"items":["unexpected"]}"#)
        }
    }

    @Test func cursorPagesFollowTheNextCursor() async throws {
        try await TestServer.run(routes: leads) { server in
            let client = server.client()
            var query = QueryItems()
            query.append("limit", 2)
            let first = Request<LeadPage>(operationID: "listLeads", method: .get, path: "/leads", query: query, response: .json)
            let pagination = Pagination<LeadPage, String>.cursor(first, parameter: "starting_after", items: \.items, cursor: \.nextStartingAfter)
            let start = ContinuousClock.now
            var items: [String] = []
            for try await item in client.items(pagination) { items.append(item) }
            Scenario.report("cursor: 5 items, 3 pages", requests: await server.requests.count, since: start)
            #expect(items == ["a", "b", "c", "d", "e"])
            #expect(await server.requests.map { $0.query ?? "" } == ["limit=2", "limit=2&starting_after=c-2", "limit=2&starting_after=c%204%2F%2B"])
        }
    }

    @Test func cursorStopsWhenTheServerRepeatsItself() throws {
        var query = QueryItems()
        query.append("starting_after", "x")
        let request = Request<LeadPage>(operationID: "listLeads", method: .get, path: "/leads", query: query, response: .json)
        let pagination = Pagination<LeadPage, String>.cursor(request, parameter: "starting_after", items: \.items, cursor: \.nextStartingAfter)
        func next(_ page: LeadPage) throws -> Request<LeadPage>? {
            let response = APIResponse(value: page, status: 200, headers: [], data: Data())
            return try pagination.advance(.init(request: request, response: response, serverURL: URL(string: "https://api.example.com")!))
        }
        #expect(try next(LeadPage(items: ["a"], nextStartingAfter: "x")) == nil)
        #expect(try next(LeadPage(items: ["a"], nextStartingAfter: nil)) == nil)
        #expect(try next(LeadPage(items: ["a"], nextStartingAfter: "y"))?.query["starting_after"] == "y")
    }

    @Test func querySetReplacesInPlaceOrRemoves() {
        var query = QueryItems()
        query.append("a", 1)
        query.append("tag", ["x", "y"])
        query.append("b", 2)
        query.set("tag", "z")
        #expect(query.percentEncoded == "a=1&tag=z&b=2")
        query.set("c", 3)
        #expect(query.percentEncoded == "a=1&tag=z&b=2&c=3")
        query.set("a", Optional<Int>.none)
        #expect(query.percentEncoded == "tag=z&b=2&c=3")
    }
}
