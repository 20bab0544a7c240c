/// Lazy pagination.
extension APIClient {
    /// The pages of `pagination`, each fetched when the consumer asks for it.
    public func pages<Page, Item>(_ pagination: Pagination<Page, Item>) -> PageSequence<Page, Item> {
        PageSequence(client: self, pagination: pagination)
    }

    /// The items of every page in order; the next page is fetched only when the items of the
    /// previous one are used up.
    public func items<Page, Item>(_ pagination: Pagination<Page, Item>) -> ItemSequence<Page, Item> {
        ItemSequence(pages: pages(pagination))
    }
}

/// The pages of a `Pagination`, fetched one per `next()`.
public struct PageSequence<Page: Sendable, Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page

    let client: APIClient
    let pagination: Pagination<Page, Item>

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(client: client, pagination: pagination, upcoming: pagination.first)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let client: APIClient
        let pagination: Pagination<Page, Item>
        /// The request for the next page; nil once the last page was returned or an error thrown.
        var upcoming: Request<Page>?

        /// Why there is no next request (e.g. a next link outside the server URL), thrown by the
        /// call after the page it came with was returned.
        var failure: (any Error)?

        public mutating func next() async throws -> Page? {
            if let failure {
                self.failure = nil
                throw failure
            }
            guard let request = upcoming else { return nil }
            upcoming = nil
            try Task.checkCancellation()
            let response = try await client.response(for: request)
            do {
                upcoming = try pagination.advance(.init(request: request, response: response, serverURL: client.serverURL))
            } catch {
                failure = error
            }
            return response.value
        }
    }
}

/// The items of a `Pagination`, pages fetched as needed.
public struct ItemSequence<Page: Sendable, Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item

    let pages: PageSequence<Page, Item>

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator(), items: pages.pagination.items)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: PageSequence<Page, Item>.AsyncIterator
        let items: @Sendable (Page) -> [Item]
        var buffer: [Item] = []
        var index = 0

        public mutating func next() async throws -> Item? {
            while index == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = items(page)
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
