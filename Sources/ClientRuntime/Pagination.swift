/// How to walk a paginated list: the first request, the items of a page, and the request for the
/// page after a given one (nil when there is none).
public struct Pagination<Page: Sendable, Item: Sendable>: Sendable {
    public var first: Request<Page>
    public var items: @Sendable (Page) -> [Item]
    public var next: @Sendable (_ request: Request<Page>, _ page: Page) -> Request<Page>?

    public init(
        first: Request<Page>,
        items: @escaping @Sendable (Page) -> [Item],
        next: @escaping @Sendable (_ request: Request<Page>, _ page: Page) -> Request<Page>?
    ) {
        self.first = first
        self.items = items
        self.next = next
    }

    /// `limit`/`offset` pagination. The next request is the same request with `offsetName` set to
    /// the previous offset (0 when absent) plus the number of items received. It stops after a page
    /// with no items, with fewer items than the request's `limitName` value, or when the next offset
    /// reaches `total(page)` if that is given and not nil.
    public static func offset(
        _ first: Request<Page>,
        limit limitName: String,
        offset offsetName: String,
        items: @escaping @Sendable (Page) -> [Item],
        total: (@Sendable (Page) -> Int64?)? = nil
    ) -> Pagination {
        Pagination(first: first, items: items) { request, page in
            let received = Int64(items(page).count)
            guard received > 0 else { return nil }
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
}
