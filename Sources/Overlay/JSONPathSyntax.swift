/// The parsed form of an RFC 9535 query: what `JSONPathParser` builds and `JSONPathEvaluator` runs.
/// Plain values, so a query is parsed once (when the overlay is read) and evaluated many times.
struct Query: Hashable, Sendable {
    /// `@…` inside a filter, `$…` otherwise.
    var isRelative: Bool
    var segments: [Segment]

    /// A singular query selects at most one node: only name and index selectors, one per child segment.
    var isSingular: Bool {
        segments.allSatisfy { segment in
            guard !segment.isDescendant, segment.selectors.count == 1 else { return false }
            switch segment.selectors[0] {
            case .name, .index: return true
            default: return false
            }
        }
    }
}

struct Segment: Hashable, Sendable {
    /// `..` rather than a child segment.
    var isDescendant: Bool
    var selectors: [Selector]
}

enum Selector: Hashable, Sendable {
    case name(String)
    case wildcard
    case index(Int)
    case slice(start: Int?, end: Int?, step: Int?)
    case filter(LogicalExpression)
}

indirect enum LogicalExpression: Hashable, Sendable {
    case or([LogicalExpression])
    case and([LogicalExpression])
    case not(LogicalExpression)
    /// An existence test: true when the query selects at least one node.
    case exists(Query)
    /// A function whose result is logical (`match`, `search`) or a nodelist.
    case function(FunctionCall)
    case comparison(Comparable, ComparisonOperator, Comparable)
}

enum ComparisonOperator: String, Hashable, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

enum Comparable: Hashable, Sendable {
    case literal(PathValue)
    /// Always a singular query.
    case query(Query)
    /// A function whose result is a value (`length`, `count`, `value`).
    case function(FunctionCall)
}

struct FunctionCall: Hashable, Sendable {
    var function: PathFunction
    var arguments: [FunctionArgument]
}

enum FunctionArgument: Hashable, Sendable {
    case literal(PathValue)
    case query(Query)
    case function(FunctionCall)
    case logical(LogicalExpression)
}

/// The function extensions of RFC 9535 section 2.4.
enum PathFunction: String, Hashable, Sendable, CaseIterable {
    case length, count, match, search, value

    enum Kind { case value, logical, nodes }

    /// What the function returns (RFC 9535 section 2.4.1).
    var result: Kind {
        switch self {
        case .length, .count, .value: .value
        case .match, .search: .logical
        }
    }

    /// What each parameter takes.
    var parameters: [Kind] {
        switch self {
        case .length: [.value]
        case .count, .value: [.nodes]
        case .match, .search: [.value, .value]
        }
    }
}

/// A JSON value as filter expressions compare it. A YAML scalar is read with the YAML 1.2 core
/// schema: a plain `12` is a number, a quoted `'12'` a string, plain `true`/`null` are themselves.
enum PathValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([PathValue])
    /// Members in document order; compared as a set of names (RFC 9535 object equality).
    case object([String: PathValue])
}
