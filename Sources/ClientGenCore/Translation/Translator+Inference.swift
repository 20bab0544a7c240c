import OpenAPI
import YAML

/// One job or paged list the generator found, and why: `clientgen generate` and
/// `clientgen plan --explain` print one line each.
public struct Inference: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case job, paged
        /// A shape that looked like a job or a paged list but was not used (the line says why).
        case skipped
    }

    public var kind: Kind
    public var operationID: String
    /// `job requestContactExport → getProcess by processId; status completed ✓, failed ✗ (from the enum)`.
    public var line: String
}

extension Inference {
    /// Status values a description names in prose: `queued`, "completed" or 'failed' written as
    /// code or in quotes, else the words of a list (`queued, processing, completed or error`).
    public static func statusWords(in text: String) -> [String] {
        var quoted: [String] = []
        var current: String?
        for character in text {
            if character == "`" || character == "\"" || character == "'" {
                if let word = current, !word.isEmpty, word.allSatisfy({ $0.isLetter || $0 == "_" || $0 == "-" }) { quoted.append(word) }
                current = current == nil ? "" : nil
            } else if current != nil {
                current!.append(character)
                if current!.count > 40 { current = nil }
            }
        }
        if !quoted.isEmpty { return quoted }
        // `a, b, c or d`: a list is at least three single words joined by commas.
        var list: [String] = []
        for clause in text.split(whereSeparator: { ".;:()\n".contains($0) }) {
            let pieces = clause.split(separator: ",")
            guard pieces.count >= 2 else { continue }
            var words: [String] = []
            var isList = true
            for (index, piece) in pieces.enumerated() {
                var parts = piece.split(separator: " ").map(String.init)
                if index == 0 { parts = parts.suffix(1) }  // `Possible values are queued`
                if let first = parts.first, ["or", "and"].contains(first) { parts.removeFirst() }
                if index == pieces.count - 1, parts.count == 3, ["or", "and"].contains(parts[1]) { parts.remove(at: 1) }  // `c or d`
                guard (1...2).contains(parts.count), index == pieces.count - 1 || parts.count == 1 else {
                    isList = false
                    break
                }
                words += parts
            }
            if isList, words.count >= 3, words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "_" || $0 == "-" } }) {
                list += words
            }
        }
        return list
    }
}

/// Which inferences to make; the configuration's `inference:` entry.
public struct InferenceSettings: Hashable, Sendable {
    public var jobs: Bool
    public var pagination: Bool
    /// operationIds that get nothing inferred.
    public var skip: Set<String>
    /// Corrections by operationId, written like the extensions; they win over the description.
    public var jobLinks: [String: JobStatusLink]
    public var paginationLinks: [String: PaginationLink]
    /// Where each operationId was named, so one that the description lacks is reported there.
    public var marks: [String: Mark] = [:]

    public init(
        jobs: Bool = true, pagination: Bool = true, skip: Set<String> = [], jobLinks: [String: JobStatusLink] = [:],
        paginationLinks: [String: PaginationLink] = [:]
    ) {
        self.jobs = jobs
        self.pagination = pagination
        self.skip = skip
        self.jobLinks = jobLinks
        self.paginationLinks = paginationLinks
    }
}

/// Jobs and pagination inferred from a description that carries no `x-job-status` or `x-pagination`:
/// the shapes published descriptions use (`202 {processId}` read back by `GET /processes/{processId}`,
/// `starting_after` + `next_starting_after`, `links.next`, `Link` headers, …). Pure: strings in, links out.
enum Vocabulary {
    static let success: Set<String> = ["completed", "complete", "success", "succeeded", "successful", "done", "finished", "ready", "processed"]
    static let failure: Set<String> = ["failed", "failure", "error", "errored", "cancelled", "canceled", "expired", "aborted", "rejected"]
    static let progress: Set<String> = [
        "progress", "percent", "percentage", "completion", "percentcomplete", "percentdone", "progresspercent",
        "progresspercentage", "completionpercentage",
    ]
    static let result: Set<String> = [
        "url", "exporturl", "downloadurl", "resulturl", "fileurl", "result", "results", "output", "outputurl", "file",
        "download", "urls", "downloadurls", "resulturls",
    ]
    static let limits = ["limit", "per_page", "perPage", "page_size", "pageSize", "size", "count", "max_results", "maxResults", "top"]
    static let offsets = ["offset", "skip", "start"]
    static let pages = ["page", "page_number", "pageNumber", "pageNo", "page_no"]
    static let cursors = [
        "starting_after", "after", "cursor", "page_token", "pageToken", "next_token", "nextToken", "since_id",
        "continuation_token", "continuationToken", "page_cursor", "page[cursor]", "pagetoken", "marker", "start_cursor",
        "startCursor", "next_cursor", "after_id", "starting_after_id",
    ]
    /// Cursors that a list can take from its last item's id when the page says more follow.
    static let afterIDs: Set<String> = ["startingafter", "after", "sinceid", "afterid", "startingafterid"]
    static let hasMore = ["has_more", "hasMore", "more", "has_next", "hasNext", "has_next_page", "hasNextPage"]
    static let totalPages: Set<String> = ["totalpages", "pagecount", "pages", "numpages", "lastpage"]
    static let nextCursors: Set<String> = ["nextcursor", "nextpagetoken", "nexttoken", "nextpagecursor", "nextpageoffset"]
    static let nextLinks: Set<String> = ["next", "nexturl", "nextpageurl", "nextpageuri", "nextlink", "nextpagelink", "nexthref", "nextpage"]
    static let itemArrays = ["data", "items", "results", "records", "entries", "values", "elements", "list"]

    /// `processId`, `process_id` and `ProcessID` compare equal.
    static func normalized(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}

extension Translator {
    /// What the jobs and lists of the document are linked by: explicit extensions, corrections from
    /// the configuration, and inferences (in that order of precedence), with the lines that explain them.
    struct LinkPlan {
        enum Source: Hashable {
            case description, configuration
            /// Inferred, with the evidence.
            case inferred(String)
        }

        var jobs: [String: (link: JobStatusLink, source: Source)] = [:]
        var pagination: [String: (link: PaginationLink, source: Source)] = [:]
        var skipped: [Inference] = []
    }

    func linkPlan(builders: [String: RequestBuilder]) -> LinkPlan {
        var plan = LinkPlan()
        let settings = options.inference
        // Only operations with an operationId can be linked (and named in the configuration).
        let operations = document.operations.compactMap { operation in operation.operationID.map { (id: $0, operation: operation) } }
        for (id, operation) in operations {
            if let link = settings.jobLinks[id] ?? operation.jobStatus {
                plan.jobs[id] = (link, settings.jobLinks[id] != nil ? .configuration : .description)
            }
            if let link = settings.paginationLinks[id] ?? operation.pagination {
                plan.pagination[id] = (link, settings.paginationLinks[id] != nil ? .configuration : .description)
            }
        }
        let open = operations.filter { !settings.skip.contains($0.id) }
        if settings.jobs {
            let reads = open.compactMap { statusRead($0.operation, builders: builders) }
            var linkedReads: Set<String> = []
            // Reads created at their own collection (`POST /contacts/imports` for `GET /contacts/imports/{id}`):
            // a plain `id` from a shorter path (`POST /contacts`, creating a contact) does not lead to them.
            let created = Set(open.filter { [.post, .put, .patch].contains($0.operation.method) }.flatMap { starter in
                reads.filter { $0.collection == starter.operation.pathSegments }.map(\.operationID)
            })
            for (id, operation) in open where plan.jobs[id] == nil {
                var match = starter(operation, reads: reads, builders: builders)
                if case .linked(let read, let idField) = match, created.contains(read.operationID),
                    read.component == nil || successSchema(operation).flatMap({ componentName($0) }) != read.component,
                    Vocabulary.normalized(idField.split(separator: ".").last.map(String.init) ?? idField) == "id",
                    read.collection != operation.pathSegments
                {
                    match = .none
                }
                switch match {
                case .none: break
                case .ambiguous(let names):
                    plan.skipped.append(Inference(
                        kind: .skipped, operationID: id,
                        line: "not a job \(id): \(names.count) status reads fit equally (\(names.joined(separator: ", "))); say which in the configuration's inference.x-job-status"))
                case .linked(let read, let idField):
                    let link = JobStatusLink(
                        statusOperation: read.operationID, parameter: read.parameter, idField: idField,
                        statusField: read.statusField, success: read.success, failure: read.failure,
                        progressField: read.progress, resultField: read.result, mark: operation.mark)
                    plan.jobs[id] = (link, .inferred("\(id) → \(read.operationID) by \(read.parameter); " + read.evidence))
                    linkedReads.insert(read.operationID)
                }
            }
            // A read no starter leads to is a job only when its path or schema says so (`/background-jobs/{id}`).
            for read in reads where (linkedReads.contains(read.operationID) || Self.namesAJob(read)) && plan.jobs[read.operationID] == nil {
                let link = JobStatusLink(
                    statusOperation: nil, parameter: read.parameter, idField: nil, statusField: read.statusField,
                    success: read.success, failure: read.failure, progressField: read.progress, resultField: read.result,
                    mark: read.operation.mark)
                plan.jobs[read.operationID] = (link, .inferred("\(read.operationID) by \(read.parameter); " + read.evidence))
            }
        }
        if settings.pagination {
            for (id, operation) in open where plan.pagination[id] == nil {
                if let builder = builders[id], let link = inferredPagination(operation, builder: builder) {
                    plan.pagination[id] = (link, .inferred(Self.summary(link)))
                }
            }
        }
        return plan
    }

    // MARK: Jobs

    /// A `GET …/{id}` (or `…/{id}/status`) whose response has a status field with terminal values.
    struct StatusRead {
        var operation: Operation
        var operationID: String
        var parameter: String
        /// The path's segments before the id: `/processes/{processId}` → `["processes"]`.
        var collection: [String]
        var component: String?
        var statusField: String
        var success: [String]
        var failure: [String]
        var progress: String?
        var result: String?
        /// `status completed ✓, failed ✗ (from the enum)`, and the progress and result fields.
        var evidence: String
    }

    func statusRead(_ operation: Operation, builders: [String: RequestBuilder]) -> StatusRead? {
        guard operation.method == .get, let id = operation.operationID, let builder = builders[id],
            builder.responseKind != .jsonOrEmpty, let snapshot = successSchema(operation)
        else { return nil }
        let pathParameters = operation.parameters.filter { $0.location == .path }
        guard pathParameters.count == 1, let parameter = pathParameters.first else { return nil }
        let segments = operation.pathSegments
        // `…/{id}`, or `…/{id}/status`: a read of a sub-resource (`/domains/{id}/claim`) is not the job's.
        guard let position = segments.firstIndex(of: "{\(parameter.name)}"),
            position == segments.count - 1
                || (position == segments.count - 2 && ["status", "state", "progress"].contains(segments[position + 1].lowercased()))
        else { return nil }
        // The factory passes only the id: every other parameter must be optional or have a default.
        let idName = Names.memberName(parameter.name)
        guard builder.parameters.allSatisfy({ $0.name == idName || $0.type.isOptional || $0.defaultValue != nil }) else { return nil }
        guard let status = statusField(of: snapshot) else { return nil }
        let values: [String]
        let source: String
        if let cases = enumeration(resolved(status.schema)), cases.rawType == "String" {
            values = cases.cases.map(\.rawValue)
            source = "from the enum"
        } else {
            let prose = [status.schema.description, resolved(status.schema).description].compactMap { $0 }.joined(separator: " ")
            var seen: Set<String> = []
            values = Inference.statusWords(in: prose).filter { seen.insert($0).inserted }
            source = "from the description"
        }
        let success = values.filter { Vocabulary.success.contains($0.lowercased()) }
        let failure = values.filter { Vocabulary.failure.contains($0.lowercased()) }
        guard !success.isEmpty else { return nil }
        // Progress and result sit beside the status.
        let parent = status.name.split(separator: ".").dropLast().joined(separator: ".")
        let container = parent.isEmpty ? snapshot : field(parent, of: snapshot)?.schema ?? snapshot
        let siblings = flattenedObject(resolved(container))?.properties ?? []
        let prefix = parent.isEmpty ? "" : parent + "."
        let progress = siblings.first { property in
            Vocabulary.progress.contains(Vocabulary.normalized(property.name))
                && [[.number], [.integer]].contains(resolved(property.schema).nonNullTypes)
        }
        let result = siblings.first { Vocabulary.result.contains(Vocabulary.normalized($0.name)) }
        var evidence = "status " + (success.map { "\($0) ✓" } + failure.map { "\($0) ✗" }).joined(separator: ", ") + " (\(source))"
        if let progress {
            let text = ([progress.schema.description, resolved(progress.schema).description].compactMap { $0 }.joined(separator: " ")).lowercased()
            // A percentage unless the description says the number is a fraction of one.
            let fraction = !text.contains("percent")
                && ["0 and 1", "0.0 and 1.0", "0 to 1", "0-1", "a fraction"].contains { Self.contains(text, phrase: $0) }
            evidence += "; progress \(prefix + progress.name) (\(fraction ? "0–1" : "0–100"))"
        }
        if let result { evidence += "; result \(prefix + result.name)" }
        return StatusRead(
            operation: operation, operationID: id, parameter: parameter.name, collection: Array(segments[..<position]),
            component: componentName(snapshot), statusField: status.name, success: success, failure: failure,
            progress: progress.map { prefix + $0.name }, result: result.map { prefix + $0.name }, evidence: evidence)
    }

    /// Whether `phrase` occurs in `text` not followed by a digit (`0 to 1`, but not `0 to 100`).
    static func contains(_ text: String, phrase: String) -> Bool {
        var rest = Substring(text)
        while let range = rest.range(of: phrase) {
            if range.upperBound == rest.endIndex || !rest[range.upperBound].isNumber && rest[range.upperBound] != "." { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// `/background-jobs/{id}`, `/exports/{id}/status`, a `ProcessInfo` component: words that mean a job.
    static func namesAJob(_ read: StatusRead) -> Bool {
        let words = ["job", "process", "task", "export", "import", "batch", "operation"]
        let names = read.collection + [read.component ?? ""]
        return names.contains { name in
            let lowered = name.lowercased()
            return words.contains { lowered.contains($0) }
        }
    }

    /// The status member of a snapshot: `status`, `state`, `…_status`, `…State`, a string, at most
    /// two objects deep (`data.attributes.status`), the shallowest and plainest name first.
    func statusField(of snapshot: Schema) -> FieldPath? {
        func rank(_ name: String) -> Int? {
            let normalized = Vocabulary.normalized(name)
            if normalized == "status" { return 0 }
            if normalized == "state" { return 1 }
            if normalized.hasSuffix("status") { return 2 }
            if normalized.hasSuffix("state") { return 3 }
            return nil
        }
        var level: [(path: String, schema: Schema)] = [("", snapshot)]
        for _ in 0..<3 {
            var best: (rank: Int, path: String)?
            var next: [(String, Schema)] = []
            for (path, schema) in level {
                guard let object = flattenedObject(resolved(schema)) else { continue }
                for property in object.properties {
                    let name = path.isEmpty ? property.name : path + "." + property.name
                    let target = resolved(property.schema)
                    if let rank = rank(property.name), target.nonNullTypes == [.string] || enumeration(target)?.rawType == "String" {
                        if best == nil || rank < best!.rank { best = (rank, name) }
                    } else if flattenedObject(target) != nil {
                        next.append((name, property.schema))
                    }
                }
            }
            if let best { return field(best.path, of: snapshot) }
            level = next
        }
        return nil
    }

    enum StarterMatch {
        case none
        case linked(StatusRead, idField: String)
        case ambiguous([String])
    }

    /// The status read a job-starting operation (POST, PUT, PATCH) leads to: the one returning the
    /// same component, or the one whose path parameter an id field of the response names
    /// (`processId` → `{processId}`); a plain `id` only where the paths are related
    /// (`POST /exports` → `GET /exports/{id}`). Ties are not guessed.
    func starter(_ operation: Operation, reads: [StatusRead], builders: [String: RequestBuilder]) -> StarterMatch {
        guard [.post, .put, .patch].contains(operation.method), let id = operation.operationID, let builder = builders[id],
            builder.responseKind != .jsonOrEmpty, case .named = builder.responseType, let started = successSchema(operation)
        else { return .none }
        let segments = operation.pathSegments
        let startedComponent = componentName(started)
        var candidates: [(score: Int, read: StatusRead, idField: String)] = []
        for read in reads where read.operationID != id {
            let related = isPrefix(read.collection, of: segments) || isPrefix(segments, of: read.collection)
            let shared = zip(read.collection, segments).prefix { $0 == $1 }.count
            let parameter = Vocabulary.normalized(read.parameter)
            let idFields = idFields(of: started)
            if let startedComponent, startedComponent == read.component {
                // The member the read's parameter names (`job_identifier`), else `id`.
                let members = flattenedObject(resolved(started))?.properties.map(\.name) ?? []
                guard let field = members.first(where: { Vocabulary.normalized($0) == parameter })
                    ?? idFields.first(where: { $0.last == "id" })?.path,
                    compatible(field, of: started, with: read)
                else { continue }
                candidates.append((2000 + shared, read, field))
                continue
            }
            // Related paths first (`POST /imports` → `GET /imports/{id}/status`), then a distinctive
            // name on unrelated ones (`processId` → `GET /processes/{processId}`).
            for field in idFields where compatible(field.path, of: started, with: read) {
                let name = Vocabulary.normalized(field.last)
                if (name == "id" || parameter == "id" || name == parameter) && related && shared > 0 {
                    candidates.append((1000 + shared, read, field.path))
                } else if name == parameter && parameter != "id" {
                    candidates.append((500 + shared, read, field.path))
                }
            }
        }
        guard let best = candidates.map(\.score).max() else { return .none }
        let top = candidates.filter { $0.score == best }
        let reads = Set(top.map(\.read.operationID))
        if reads.count > 1 { return .ambiguous(reads.sorted()) }
        return .linked(top[0].read, idField: top[0].idField)
    }

    private func isPrefix(_ prefix: [String], of path: [String]) -> Bool {
        prefix.count <= path.count && zip(prefix, path).allSatisfy { $0 == $1 }
    }

    /// Id-like members of a response: at the top, or under `data` (JSON:API).
    private func idFields(of schema: Schema) -> [(path: String, last: String)] {
        var result: [(String, String)] = []
        for (prefix, container) in [("", Optional(schema)), ("data.", field("data", of: schema)?.schema)] {
            guard let container, let object = flattenedObject(resolved(container)) else { continue }
            for property in object.properties where Vocabulary.normalized(property.name).hasSuffix("id") {
                result.append((prefix + property.name, property.name))
            }
        }
        return result
    }

    /// The started response's id can be passed to the status read's parameter (converted if need be).
    private func compatible(_ idPath: String, of started: Schema, with read: StatusRead) -> Bool {
        guard let id = field(idPath, of: started),
            let parameter = read.operation.parameters.first(where: { $0.location == .path && $0.name == read.parameter })
        else { return false }
        return idArgument(id, to: parameter.schema) != nil
    }

    // MARK: Pagination

    /// The pagination a list's parameters and response imply, tried in this order: a cursor with a
    /// next-cursor field, a next URL in the body, a cursor taken from the last item while the page
    /// says more follow, a `Link` header, offset/limit, page numbers.
    func inferredPagination(_ operation: Operation, builder: RequestBuilder) -> PaginationLink? {
        guard operation.method == .get, let page = successSchema(operation) else { return nil }
        let query = operation.parameters.filter { $0.location == .query }
        // `GET /exports/{id}` reads one resource, even when it holds an array and a `next` link; it
        // is paged only when it takes a paging parameter (PayPal's payout batch takes `page`).
        let pagingNames = Set(Vocabulary.cursors + Vocabulary.offsets + Vocabulary.pages)
        if operation.pathSegments.last?.hasPrefix("{") == true, !query.contains(where: { pagingNames.contains($0.name) }) {
            return nil
        }
        func parameter(_ names: [String], types: [Schema.JSONType]) -> String? {
            for name in names {
                if let found = query.first(where: { $0.name == name && types.contains(resolved($0.schema).nonNullTypes.first ?? .object) && resolved($0.schema).nonNullTypes.count == 1 }) {
                    return found.name
                }
            }
            return nil
        }
        // The items: the response itself, the one array, or a conventional name among several.
        var itemsField: String?
        if case .array = builder.responseType {
            itemsField = nil
        } else if let object = flattenedObject(resolved(page)) {
            let arrays = object.properties.filter { resolved($0.schema).nonNullTypes == [.array] }.map(\.name)
            if arrays.count == 1 {
                itemsField = nil  // found by the builder as the only array
            } else if let name = Vocabulary.itemArrays.first(where: arrays.contains) {
                itemsField = name
            } else {
                return nil
            }
        } else {
            return nil
        }
        let leaves = leafFields(of: page)
        let moreNames = Set(Vocabulary.hasMore.map(Vocabulary.normalized))
        let hasMore = leaves.first(where: { leaf in
            moreNames.contains(Vocabulary.normalized(leaf.last)) && leaf.types == [.boolean] && leaf.depth <= 2
        })?.path
        let mark = operation.mark
        if let cursor = parameter(Vocabulary.cursors, types: [.string, .integer]) {
            let name = Vocabulary.normalized(cursor)
            let next = leaves.first(where: { leaf in
                guard leaf.types == [.string] || leaf.types == [.integer] else { return false }
                let last = Vocabulary.normalized(leaf.last)
                let parent = leaf.parent.map(Vocabulary.normalized)
                return last == "next" + name || (name.hasPrefix("next") && last == name) || Vocabulary.nextCursors.contains(last)
                    || (parent == "next" && last == name)
                    || (last == name && ["cursors", "cursor", "paging", "pagination", "meta"].contains(parent ?? ""))
            })
            if let next {
                return PaginationLink(style: .cursor, itemsField: itemsField, cursorParameter: cursor, nextField: next.path, mark: mark)
            }
        }
        if let next = leaves.first(where: { leaf in
            let last = Vocabulary.normalized(leaf.last)
            let parent = leaf.parent.map(Vocabulary.normalized)
            return leaf.types == [.string]
                && (Vocabulary.nextLinks.contains(last) || (["href", "link", "url", "uri"].contains(last) && parent == "next"))
                && (leaf.schema.format == "uri" || leaf.schema.format == "url" || last != "nextpage")
        }) {
            return PaginationLink(style: .link, itemsField: itemsField, nextField: next.path, mark: mark)
        }
        if let cursor = parameter(Vocabulary.cursors, types: [.string, .integer]), Vocabulary.afterIDs.contains(Vocabulary.normalized(cursor)),
            let hasMore
        {
            return PaginationLink(style: .cursor, itemsField: itemsField, cursorParameter: cursor, lastItemField: "id", hasMoreField: hasMore, mark: mark)
        }
        // A declared `Link` response header, or a cursor whose description says it comes from one (Okta, Sentry).
        let successResponses = operation.responses.filter(\.isSuccess)
        let cursorText = query.filter { Vocabulary.cursors.contains($0.name) }.compactMap(\.description).joined(separator: " ")
        if successResponses.contains(where: { $0.headers.contains { $0.name.lowercased() == "link" } })
            || cursorText.range(of: "link header", options: .caseInsensitive) != nil
            || cursorText.range(of: "`Link`") != nil || cursorText.range(of: "Link response header") != nil
        {
            return PaginationLink(style: .header, itemsField: itemsField, mark: mark)
        }
        if let offset = parameter(Vocabulary.offsets, types: [.integer]), let limit = parameter(Vocabulary.limits, types: [.integer]) {
            let total = leaves.first { leaf in
                leaf.depth == 1 && leaf.types == [.integer] && ["count", "total", "totalcount", "totalresults"].contains(Vocabulary.normalized(leaf.last))
            }?.path
            return PaginationLink(
                style: .offset, itemsField: itemsField, limitParameter: limit, offsetParameter: offset, totalField: total,
                hasMoreField: hasMore, mark: mark)
        }
        if let pageNumber = parameter(Vocabulary.pages, types: [.integer]) {
            let size = parameter(Vocabulary.limits, types: [.integer])
            let total = leaves.first { leaf in
                leaf.depth <= 2 && leaf.types == [.integer] && Vocabulary.totalPages.contains(Vocabulary.normalized(leaf.last))
            }?.path
            return PaginationLink(
                style: .page, itemsField: itemsField, pageParameter: pageNumber, sizeParameter: size, totalField: total,
                hasMoreField: hasMore, mark: mark)
        }
        return nil
    }

    /// `cursor starting_after ← next_starting_after`: how a link pages, for the explanation lines.
    static func summary(_ link: PaginationLink) -> String {
        var text: String
        switch link.style {
        case .offset: text = "offset \(link.offsetParameter)/\(link.limitParameter)" + (link.totalField.map { ", total \($0)" } ?? "")
        case .page:
            text = "page \(link.pageParameter)" + (link.sizeParameter.map { "/\($0)" } ?? "") + (link.totalField.map { ", pages \($0)" } ?? "")
        case .cursor:
            text = "cursor \(link.cursorParameter ?? "") ← " + (link.nextField ?? "the last item's \(link.lastItemField ?? "id")")
        case .link: text = "next link ← \(link.nextField ?? "")"
        case .header: text = "Link header rel=\"next\""
        }
        if let hasMore = link.hasMoreField { text += ", while \(hasMore)" }
        if let items = link.itemsField { text += "; items \(items)" }
        return text
    }

    struct Leaf {
        var path: String
        var last: String
        var parent: String?
        var depth: Int
        var types: [Schema.JSONType]
        var schema: Schema
    }

    /// The scalar members of a page, at most three objects deep, shallowest first.
    func leafFields(of schema: Schema) -> [Leaf] {
        var result: [Leaf] = []
        var level: [(path: String, name: String?, schema: Schema)] = [("", nil, schema)]
        for depth in 1...3 {
            var next: [(String, String?, Schema)] = []
            for (path, name, schema) in level {
                guard let object = flattenedObject(resolved(schema)) else { continue }
                for property in object.properties {
                    let childPath = path.isEmpty ? property.name : path + "." + property.name
                    let target = resolved(property.schema)
                    if flattenedObject(target) != nil, target.nonNullTypes == [.object] || !target.properties.isEmpty {
                        next.append((childPath, property.name, property.schema))
                    } else if target.nonNullTypes.count == 1, target.nonNullTypes != [.array], target.nonNullTypes != [.object] {
                        result.append(Leaf(path: childPath, last: property.name, parent: name, depth: depth,
                                           types: target.nonNullTypes, schema: target))
                    }
                }
            }
            level = next
        }
        return result
    }
}

extension Operation {
    /// The path's segments, `/imports/{id}/status` → `["imports", "{id}", "status"]`.
    var pathSegments: [String] { Translator.pathSegments(path) }
}
