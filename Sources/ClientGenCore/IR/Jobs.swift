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
        /// Query parameter names, and an expression over `page` giving the total count, if known.
        case offset(limit: String, offset: String, total: String?)
        /// The query parameter to set and an expression over `page` giving the next cursor.
        case cursor(parameter: String, next: String)
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
