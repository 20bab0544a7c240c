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
}

/// `x-pagination`: how to fetch the next page. Without it, an operation with integer `limit` and
/// `offset` query parameters whose response holds one array is paged by offset.
///
/// ```yaml
/// x-pagination:
///   style: cursor            # or offset
///   items: data              # the response's array field
///   cursor: starting_after   # cursor: the query parameter to set
///   next: next_starting_after  # cursor: the response field holding the next cursor
///   limit: limit             # offset: the parameters (defaults limit/offset)
///   offset: offset
///   total: count             # offset: optional total count field
/// ```
public struct PaginationLink: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable { case offset, cursor }
    public var style: Style
    public var itemsField: String?
    public var cursorParameter: String?
    public var nextField: String?
    public var limitParameter: String
    public var offsetParameter: String
    public var totalField: String?
    public var mark: Mark
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
        guard mapping(node, pointer, what: "'x-pagination'") != nil else { return nil }
        let styleName = string(node["style"], pointer, key: "style") ?? "offset"
        guard let style = PaginationLink.Style(rawValue: styleName) else {
            error("unknown pagination style '\(styleName)'", node["style"] ?? node, pointer.appending("style"),
                  hint: "use offset or cursor")
            return nil
        }
        let link = PaginationLink(
            style: style, itemsField: string(node["items"], pointer, key: "items"),
            cursorParameter: string(node["cursor"], pointer, key: "cursor"),
            nextField: string(node["next"], pointer, key: "next"),
            limitParameter: string(node["limit"], pointer, key: "limit") ?? "limit",
            offsetParameter: string(node["offset"], pointer, key: "offset") ?? "offset",
            totalField: string(node["total"], pointer, key: "total"), mark: node.mark)
        if style == .cursor && (link.cursorParameter == nil || link.nextField == nil) {
            error("cursor pagination needs 'cursor' (the query parameter) and 'next' (the response field)", node, pointer)
            return nil
        }
        return link
    }
}
