import Foundation

/// How to walk a paginated list: the first request, the items of a page, and the request for the
/// page after a given one (nil when there is none).
public struct Pagination<Page: Sendable, Item: Sendable>: Sendable {
    /// What the next request is worked out from: the request just sent, what came back, and the
    /// client's server URL (links in bodies and `Link` headers are resolved against it).
    public struct Step: Sendable {
        public var request: Request<Page>
        public var response: APIResponse<Page>
        public var serverURL: URL

        public init(request: Request<Page>, response: APIResponse<Page>, serverURL: URL) {
            self.request = request
            self.response = response
            self.serverURL = serverURL
        }

        public var page: Page { response.value }
    }

    public var first: Request<Page>
    public var items: @Sendable (Page) -> [Item]
    /// The request for the page after `step`'s, nil when it was the last.
    public var advance: @Sendable (_ step: Step) throws -> Request<Page>?

    public init(
        first: Request<Page>,
        items: @escaping @Sendable (Page) -> [Item],
        advance: @escaping @Sendable (_ step: Step) throws -> Request<Page>?
    ) {
        self.first = first
        self.items = items
        self.advance = advance
    }

    /// A pagination whose next request depends on the page's body only.
    public init(
        first: Request<Page>,
        items: @escaping @Sendable (Page) -> [Item],
        next: @escaping @Sendable (_ request: Request<Page>, _ page: Page) -> Request<Page>?
    ) {
        self.init(first: first, items: items) { step in next(step.request, step.page) }
    }

    /// `limit`/`offset` pagination. The next request is the same request with `offsetName` set to
    /// the previous offset (0 when absent) plus the number of items received. It stops after a page
    /// with no items, with fewer items than the request's `limitName` value, when `hasMore(page)` is
    /// false, or when the next offset reaches `total(page)` if that is given and not nil.
    public static func offset(
        _ first: Request<Page>,
        limit limitName: String,
        offset offsetName: String,
        items: @escaping @Sendable (Page) -> [Item],
        total: (@Sendable (Page) -> Int64?)? = nil,
        hasMore: (@Sendable (Page) -> Bool?)? = nil
    ) -> Pagination {
        Pagination(first: first, items: items) { request, page in
            let received = Int64(items(page).count)
            guard received > 0, hasMore?(page) != false else { return nil }
            if let limit = request.query[limitName].flatMap(Int64.init), received < limit {
                return nil
            }
            let offset = (request.query[offsetName].flatMap(Int64.init) ?? 0) + received
            if let total = total?(page), offset >= total {
                return nil
            }
            var next = request
            next.query.set(offsetName, offset)
            return next
        }
    }

    /// Page-number pagination (`page`/`per_page` style). The next request is the same request with
    /// `parameter` set to the current page (`firstPage` when absent) plus one. It stops after a page
    /// with no items, with fewer items than the request's `size` value, when `hasMore(page)` is
    /// false, or after the page numbered `totalPages(page)` if that is given and not nil.
    public static func page(
        _ first: Request<Page>,
        parameter: String,
        size sizeName: String? = nil,
        firstPage: Int64 = 1,
        items: @escaping @Sendable (Page) -> [Item],
        totalPages: (@Sendable (Page) -> Int64?)? = nil,
        hasMore: (@Sendable (Page) -> Bool?)? = nil
    ) -> Pagination {
        Pagination(first: first, items: items) { request, page in
            let received = Int64(items(page).count)
            guard received > 0, hasMore?(page) != false else { return nil }
            if let sizeName, let size = request.query[sizeName].flatMap(Int64.init), received < size {
                return nil
            }
            let current = request.query[parameter].flatMap(Int64.init) ?? firstPage
            if let totalPages = totalPages?(page), current >= totalPages {
                return nil
            }
            var next = request
            next.query.set(parameter, current + 1)
            return next
        }
    }

    /// Cursor pagination (`starting_after`/`next_starting_after` style). The next request is the
    /// same request with `parameter` set to `cursor(page)`. It stops when the cursor is nil or empty,
    /// or equal to the one just sent (a server repeating itself would otherwise loop forever).
    public static func cursor(
        _ first: Request<Page>,
        parameter: String,
        items: @escaping @Sendable (Page) -> [Item],
        cursor: @escaping @Sendable (Page) -> String?
    ) -> Pagination {
        Pagination(first: first, items: items) { request, page in
            guard let cursor = cursor(page), !cursor.isEmpty, cursor != request.query[parameter] else {
                return nil
            }
            var next = request
            next.query.set(parameter, cursor)
            return next
        }
    }

    /// The next page's URL is in the body (`next`, `links.next`, `paging.next.link`, …). The URL,
    /// absolute or relative to the request's, must be under the client's server URL: a link to
    /// another origin or path is an error, so credentials never go where the server URL does not.
    /// It stops when the link is nil or empty, repeats the request just sent, or a page is empty.
    public static func nextLink(
        _ first: Request<Page>,
        items: @escaping @Sendable (Page) -> [Item],
        link: @escaping @Sendable (Page) -> String?
    ) -> Pagination {
        Pagination(first: first, items: items) { step in
            guard !items(step.page).isEmpty, let link = link(step.page), !link.isEmpty else { return nil }
            return try step.request.following(link, serverURL: step.serverURL)
        }
    }

    /// RFC 8288 `Link: <…>; rel="next"` response headers; the same rules as `nextLink`.
    public static func linkHeader(_ first: Request<Page>, items: @escaping @Sendable (Page) -> [Item]) -> Pagination {
        Pagination(first: first, items: items) { step in
            guard !items(step.page).isEmpty else { return nil }
            let values = step.response.headers.filter { $0.name.lowercased() == "link" }.map(\.value)
            guard let link = LinkHeader.target(rel: "next", in: values) else { return nil }
            return try step.request.following(link, serverURL: step.serverURL)
        }
    }
}

extension Request {
    /// This request sent to `link` instead: path and query from the link, everything else kept.
    /// Returns nil when the link names this very request (a server repeating itself).
    /// - Throws: `ClientError.invalidURL` when the link is not under `serverURL`.
    func following(_ link: String, serverURL: URL) throws -> Request? {
        var base = serverURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let current = base + path + (query.isEmpty ? "" : "?" + query.percentEncoded)
        guard let target = URL(string: link, relativeTo: URL(string: current))?.absoluteURL,
              let components = URLComponents(url: target, resolvingAgainstBaseURL: true)
        else {
            throw ClientError.invalidURL("\(operationID): the next page's link \(link) is not a URL")
        }
        guard let path = ServerScope.relativePath(of: target, under: serverURL) else {
            throw ClientError.invalidURL(
                "\(operationID): the next page's link \(link) is not under the server URL \(serverURL); it is not followed, so credentials stay with the server")
        }
        var next = self
        next.path = path
        next.query = QueryItems(parsing: components.percentEncodedQuery ?? "")
        if next.path == self.path && next.query == self.query { return nil }
        return next
    }
}

/// RFC 8288 `Link` header values.
enum LinkHeader {
    /// The target of the first link whose `rel` includes `rel` (relation types compare case-insensitively).
    static func target(rel: String, in values: [String]) -> String? {
        for value in values {
            for link in links(value) where link.relations.contains(rel.lowercased()) {
                return link.target
            }
        }
        return nil
    }

    /// `<target>; name=value; name="quoted, value", <target2>; …`: a target is anything between
    /// `<` and `>` (commas included); parameters run to the next comma outside quotes.
    static func links(_ value: String) -> [(target: String, relations: [String])] {
        var result: [(String, [String])] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let target = String(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
            var parameters = ""
            var quoted = false
            while let character = rest.first {
                if character == "\"" { quoted.toggle() }
                if character == "," && !quoted { break }
                parameters.append(character)
                rest = rest.dropFirst()
            }
            var relations: [String] = []
            for parameter in parameters.split(separator: ";") {
                let parts = parameter.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "rel" else { continue }
                let text = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""])
                relations += text.split(separator: " ").map { $0.lowercased() }
            }
            result.append((target.trimmingCharacters(in: .whitespaces), relations))
        }
        return result
    }
}
