import YAML

/// An RFC 9535 JSONPath query, parsed once and evaluated over `YAML.Node` trees.
///
/// ```swift
/// let query = try JSONPath("$.paths[*][?(@.operationId == 'moveLeads')]")
/// for path in query.locations(in: root) { print(path) }   // $['paths']['/leads/move']['post']
/// ```
///
/// Supported: `$`, `@`, name selectors (`.name`, `['name']`, `["name"]`, with escapes), wildcards,
/// indices (negative too), slices, descendant segments (`..`), several selectors in one bracket,
/// filters with existence tests, comparisons, `&&`, `||`, `!`, parentheses, and the function
/// extensions `length`, `count`, `match`, `search` and `value`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// The query as written.
    public let expression: String
    let query: Query
    /// Where each top-level segment ends (scalar offsets into `expression`).
    let segmentEnds: [Int]

    public init(_ expression: String) throws(JSONPathError) {
        var parser = JSONPathParser(expression)
        query = try parser.parse()
        segmentEnds = parser.segmentEnds
        self.expression = expression
    }

    public var description: String { expression }

    /// True when the query can select at most one node (names and indices only).
    public var isSingular: Bool { query.isSingular }

    /// The nodelist RFC 9535 defines: in the query's order, a node selected twice listed twice.
    public func nodelist(in root: Node) -> [PathMatch] {
        JSONPathEvaluator(root: root).select(query, current: root)
    }

    /// Where the selected nodes are: each once, in document order (a node before its descendants,
    /// members and elements in the order they are written). What an overlay action edits.
    public func locations(in root: Node) -> [NormalizedPath] {
        var seen: Set<[Int]> = []
        return nodelist(in: root)
            .filter { seen.insert($0.positions).inserted }
            .sorted { $0.positions.lexicographicallyPrecedes($1.positions) }
            .map(\.path)
    }

    /// The longest leading part of the query (whole segments) that still selects something, and
    /// how many nodes it selects; nil when not even the first segment matches. For "matches nothing" hints.
    public func longestMatchingPrefix(in root: Node) -> (expression: String, count: Int)? {
        let evaluator = JSONPathEvaluator(root: root)
        let scalars = Array(expression.unicodeScalars)
        for length in stride(from: query.segments.count - 1, through: 1, by: -1) {
            let prefix = Query(isRelative: false, segments: Array(query.segments.prefix(length)))
            let count = evaluator.select(prefix, current: root).count
            if count > 0 {
                return (String(String.UnicodeScalarView(scalars[..<segmentEnds[length - 1]])), count)
            }
        }
        return nil
    }
}
