/// `static func job(for started: CreatedProcessID) -> Job<GetProcess>`: how to follow a job to its end.
public struct JobFactory: Hashable, Sendable {
    public var doc: DocComment
    public var name: String
    /// The argument label, e.g. `for`; nil when the parameter name is the label.
    public var parameterLabel: String?
    public var parameterName: String
    public var parameterType: TypeRef
    /// The status read: builder name, its id argument label and the expression passed to it.
    public var statusBuilder: String
    public var statusArgumentLabel: String
    public var statusArgument: String
    /// The started response's id is optional: the factory returns nil when it is absent.
    public var optionalID: Bool = false
    public var snapshotType: TypeRef
    /// Swift expressions over `snapshot`: its status as a String, and its progress as a Double?.
    public var statusExpression: String
    public var progressExpression: String?
    public var success: [String]
    public var failure: [String]
}

/// `static func getProcessesPaginated(…) -> Pagination<GetProcesses, GetProcess>`.
public struct PaginationBuilder: Hashable, Sendable {
    public enum Style: Hashable, Sendable {
        /// Query parameter names, and expressions over `page` giving the total count and whether
        /// more pages follow, if known.
        case offset(limit: String, offset: String, total: String?, hasMore: String?)
        /// The page-number parameter, the page size one, and expressions over `page` giving the
        /// number of pages and whether more follow, if known.
        case page(parameter: String, size: String?, totalPages: String?, hasMore: String?)
        /// The query parameter to set and an expression over `page` giving the next cursor.
        case cursor(parameter: String, next: String)
        /// An expression over `page` giving the next page's URL.
        case link(next: String)
        /// RFC 8288 `Link: <…>; rel="next"` response headers.
        case header
    }

    public struct Argument: Hashable, Sendable {
        public var label: String
        public var value: String
    }

    public var doc: DocComment
    public var name: String
    public var parameters: [RequestBuilder.Parameter]
    public var firstPage: String
    public var arguments: [Argument]
    public var pageType: TypeRef
    public var itemType: TypeRef
    /// An expression over `page` giving its items as an array.
    public var items: String
    public var style: Style
}
