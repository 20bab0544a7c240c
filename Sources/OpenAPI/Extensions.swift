import YAML

/// `x-job-status`: links an operation that starts a long-running job (or reads one) to the
/// operation that reads its state, and says which values end it.
///
/// ```yaml
/// x-job-status:
///   operation: getProcess      # the status read; omit when this operation is the read
///   parameter: processId       # the read's parameter that takes the job id
///   id: processId              # the field of this operation's response holding the id
///   status: status             # the field of the read's response holding the state
///   success: [completed]
///   failure: [failed]
///   progress: progress         # optional, a 0-100 number
///   result: export_url         # optional, where the result is once it succeeded
/// ```
public struct JobStatusLink: Hashable, Sendable {
    public var statusOperation: String?
    public var parameter: String
    public var idField: String?
    public var statusField: String
    public var success: [String]
    public var failure: [String]
    public var progressField: String?
    public var resultField: String?
    public var mark: Mark

    public init(
        statusOperation: String?, parameter: String, idField: String?, statusField: String, success: [String],
        failure: [String], progressField: String? = nil, resultField: String? = nil, mark: Mark
    ) {
        self.statusOperation = statusOperation
        self.parameter = parameter
        self.idField = idField
        self.statusField = statusField
        self.success = success
        self.failure = failure
        self.progressField = progressField
        self.resultField = resultField
        self.mark = mark
    }
}

/// `x-pagination`: how to fetch the next page. Without it, the translator infers one from the
/// operation's parameters and response (offset/limit, page numbers, cursors, next links, `Link`).
///
/// ```yaml
/// x-pagination:
///   style: cursor            # offset, page, cursor, link (a next URL in the body) or header (RFC 8288 Link)
///   items: data              # the response's array field (omit when the response is the array)
///   cursor: starting_after   # cursor: the query parameter to set
///   next: next_starting_after  # cursor: the response field holding the next cursor; link: the next URL
///   last: id                 # cursor, instead of next: the cursor is this field of the page's last item
///   limit: limit             # offset: the parameters (defaults limit/offset)
///   offset: offset
///   page: page               # page: the page-number parameter, and the page size one (optional)
///   size: per_page
///   total: count             # offset: the total count field; page: the number of pages
///   has-more: has_more       # optional: a boolean that is false on the last page
/// ```
///
/// Fields may be paths into nested objects: `links.next`, `paging.next.after`.
public struct PaginationLink: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable, CaseIterable { case offset, page, cursor, link, header }
    public var style: Style
    public var itemsField: String?
    public var cursorParameter: String?
    public var nextField: String?
    public var lastItemField: String?
    public var limitParameter: String
    public var offsetParameter: String
    public var pageParameter: String
    public var sizeParameter: String?
    public var totalField: String?
    public var hasMoreField: String?
    public var mark: Mark

    public init(
        style: Style, itemsField: String? = nil, cursorParameter: String? = nil, nextField: String? = nil,
        lastItemField: String? = nil, limitParameter: String = "limit", offsetParameter: String = "offset",
        pageParameter: String = "page", sizeParameter: String? = nil, totalField: String? = nil,
        hasMoreField: String? = nil, mark: Mark
    ) {
        self.style = style
        self.itemsField = itemsField
        self.cursorParameter = cursorParameter
        self.nextField = nextField
        self.lastItemField = lastItemField
        self.limitParameter = limitParameter
        self.offsetParameter = offsetParameter
        self.pageParameter = pageParameter
        self.sizeParameter = sizeParameter
        self.totalField = totalField
        self.hasMoreField = hasMoreField
        self.mark = mark
    }
}

extension JobStatusLink {
    /// Reads a value written like `x-job-status` (e.g. a correction in a configuration file).
    public static func read(_ node: Node) -> (JobStatusLink?, [Diagnostic]) {
        var reader = DocumentReader(root: node)
        let link = reader.readJobStatus(node, JSONPointer.root)
        return (link, reader.diagnostics)
    }
}

extension PaginationLink {
    /// Reads a value written like `x-pagination` (e.g. a correction in a configuration file).
    public static func read(_ node: Node) -> (PaginationLink?, [Diagnostic]) {
        var reader = DocumentReader(root: node)
        let link = reader.readPagination(node, JSONPointer.root)
        return (link, reader.diagnostics)
    }
}

extension DocumentReader {
    mutating func readJobStatus(_ node: Node?, _ pointer: JSONPointer) -> JobStatusLink? {
        guard let node else { return nil }
        let pointer = pointer.appending("x-job-status")
        guard mapping(node, pointer, what: "'x-job-status'") != nil else { return nil }
        guard let status = string(node["status"], pointer, key: "status"),
            let parameter = string(node["parameter"], pointer, key: "parameter")
        else {
            error("'x-job-status' needs 'status' and 'parameter'", node, pointer,
                  hint: "name the status field of the read's response and the read's id parameter")
            return nil
        }
        let success = stringList(node["success"], pointer, key: "success")
        if success.isEmpty {
            error("'x-job-status' needs at least one 'success' value", node, pointer, hint: "e.g. `success: [completed]`")
            return nil
        }
        let statusOperation = string(node["operation"], pointer, key: "operation")
        let idField = string(node["id"], pointer, key: "id")
        if statusOperation != nil && idField == nil {
            error("'x-job-status' with an 'operation' needs 'id', the response field holding the job id", node, pointer)
            return nil
        }
        return JobStatusLink(
            statusOperation: statusOperation, parameter: parameter, idField: idField, statusField: status,
            success: success, failure: stringList(node["failure"], pointer, key: "failure"),
            progressField: string(node["progress"], pointer, key: "progress"),
            resultField: string(node["result"], pointer, key: "result"), mark: node.mark)
    }

    mutating func readPagination(_ node: Node?, _ pointer: JSONPointer) -> PaginationLink? {
        guard let node else { return nil }
        let pointer = pointer.appending("x-pagination")
        guard let pairs = mapping(node, pointer, what: "'x-pagination'") else { return nil }
        let keys = ["style", "items", "cursor", "next", "last", "limit", "offset", "page", "size", "total", "has-more"]
        for pair in pairs where !keys.contains(pair.key.scalar ?? "") {
            error("unknown 'x-pagination' key '\(pair.key.scalar ?? "")'", pair.key, pointer,
                  hint: "use \(keys.joined(separator: ", "))")
        }
        let styleName = string(node["style"], pointer, key: "style") ?? "offset"
        guard let style = PaginationLink.Style(rawValue: styleName) else {
            error("unknown pagination style '\(styleName)'", node["style"] ?? node, pointer.appending("style"),
                  hint: "use \(PaginationLink.Style.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        let link = PaginationLink(
            style: style, itemsField: string(node["items"], pointer, key: "items"),
            cursorParameter: string(node["cursor"], pointer, key: "cursor"),
            nextField: string(node["next"], pointer, key: "next"),
            lastItemField: string(node["last"], pointer, key: "last"),
            limitParameter: string(node["limit"], pointer, key: "limit") ?? "limit",
            offsetParameter: string(node["offset"], pointer, key: "offset") ?? "offset",
            pageParameter: string(node["page"], pointer, key: "page") ?? "page",
            sizeParameter: string(node["size"], pointer, key: "size"),
            totalField: string(node["total"], pointer, key: "total"),
            hasMoreField: string(node["has-more"], pointer, key: "has-more"), mark: node.mark)
        if style == .cursor && (link.cursorParameter == nil || (link.nextField == nil && link.lastItemField == nil)) {
            error("cursor pagination needs 'cursor' (the query parameter) and 'next' (the response field) or 'last' (the last item's field)", node, pointer)
            return nil
        }
        if style == .link && link.nextField == nil {
            error("link pagination needs 'next', the response field holding the next page's URL", node, pointer,
                  hint: "e.g. `next: links.next`")
            return nil
        }
        return link
    }
}
