import YAML

/// One node a query selected: where it is and what it is.
public struct PathMatch: Hashable, Sendable {
    public var path: NormalizedPath
    public var node: Node
    /// The child positions from the root (pair index in a mapping, element index in a sequence);
    /// sorting by them gives document order.
    var positions: [Int]
}

/// Runs a parsed query over a node tree, as RFC 9535 section 2 defines the result: a nodelist in
/// the query's order, duplicates kept. `@` is the current node of the innermost filter.
struct JSONPathEvaluator {
    let root: Node

    func select(_ query: Query, current: Node) -> [PathMatch] {
        let start = query.isRelative ? current : root
        var matches = [PathMatch(path: .root, node: start, positions: [])]
        for segment in query.segments {
            var next: [PathMatch] = []
            for match in matches {
                if segment.isDescendant {
                    descend(match, segment.selectors, into: &next)
                } else {
                    apply(segment.selectors, to: match, into: &next)
                }
            }
            matches = next
            if matches.isEmpty { break }
        }
        return matches
    }

    /// The node first, then its descendants, arrays in order, each before its own descendants.
    private func descend(_ match: PathMatch, _ selectors: [Selector], into result: inout [PathMatch]) {
        apply(selectors, to: match, into: &result)
        for child in children(of: match) {
            descend(child, selectors, into: &result)
        }
    }

    private func apply(_ selectors: [Selector], to match: PathMatch, into result: inout [PathMatch]) {
        for selector in selectors {
            select(selector, from: match, into: &result)
        }
    }

    private func children(of match: PathMatch) -> [PathMatch] {
        switch match.node.content {
        case .scalar:
            return []
        case .sequence(let items):
            return items.indices.map { element(match, items, $0) }
        case .mapping(let pairs):
            return pairs.indices.compactMap { member(match, pairs, $0) }
        }
    }

    private func element(_ parent: PathMatch, _ items: [Node], _ index: Int) -> PathMatch {
        PathMatch(path: NormalizedPath(parent.path.steps + [.index(index)]), node: items[index], positions: parent.positions + [index])
    }

    /// Members whose key is not a scalar have no name in JSON terms and are never selected.
    private func member(_ parent: PathMatch, _ pairs: [Node.Pair], _ index: Int) -> PathMatch? {
        guard case .scalar(let key) = pairs[index].key.content else { return nil }
        return PathMatch(
            path: NormalizedPath(parent.path.steps + [.name(key.value)]), node: pairs[index].value, positions: parent.positions + [index])
    }

    private func select(_ selector: Selector, from match: PathMatch, into result: inout [PathMatch]) {
        switch (selector, match.node.content) {
        case (.name(let name), .mapping(let pairs)):
            if let index = pairs.firstIndex(where: { $0.key.scalar == name }), let found = member(match, pairs, index) {
                result.append(found)
            }
        case (.wildcard, _):
            result += children(of: match)
        case (.index(let index), .sequence(let items)):
            let normalized = index >= 0 ? index : items.count + index
            if items.indices.contains(normalized) { result.append(element(match, items, normalized)) }
        case (.slice(let start, let end, let step), .sequence(let items)):
            for index in Self.slice(start: start, end: end, step: step, count: items.count) {
                result.append(element(match, items, index))
            }
        case (.filter(let expression), .sequence), (.filter(let expression), .mapping):
            for child in children(of: match) where test(expression, current: child.node) {
                result.append(child)
            }
        default:
            break
        }
    }

    /// RFC 9535 section 2.3.4.2.2: the indices a slice selects, in the order it selects them.
    static func slice(start: Int?, end: Int?, step: Int?, count: Int) -> [Int] {
        let step = step ?? 1
        guard step != 0 else { return [] }
        func normalize(_ index: Int) -> Int { index >= 0 ? index : count + index }
        var indices: [Int] = []
        if step > 0 {
            let lower = min(max(normalize(start ?? 0), 0), count)
            let upper = min(max(normalize(end ?? count), 0), count)
            var index = lower
            while index < upper {
                indices.append(index)
                index += step
            }
        } else {
            let upper = min(max(normalize(start ?? count - 1), -1), count - 1)
            let lower = min(max(normalize(end ?? -count - 1), -1), count - 1)
            var index = upper
            while lower < index {
                indices.append(index)
                index += step
            }
        }
        return indices
    }

    // MARK: Filter expressions

    func test(_ expression: LogicalExpression, current: Node) -> Bool {
        switch expression {
        case .or(let terms): return terms.contains { test($0, current: current) }
        case .and(let terms): return terms.allSatisfy { test($0, current: current) }
        case .not(let inner): return !test(inner, current: current)
        case .exists(let query): return !select(query, current: current).isEmpty
        case .function(let call): return logical(call, current: current)
        case .comparison(let left, let op, let right):
            return Self.compare(value(left, current: current), op, value(right, current: current))
        }
    }

    /// nil is RFC 9535's `Nothing`: a singular query that selected no node.
    private func value(_ comparable: Comparable, current: Node) -> PathValue? {
        switch comparable {
        case .literal(let value): return value
        case .query(let query): return select(query, current: current).first.map { PathValue($0.node) }
        case .function(let call): return value(call, current: current)
        }
    }

    static func compare(_ left: PathValue?, _ op: ComparisonOperator, _ right: PathValue?) -> Bool {
        switch op {
        case .equal: left == right
        case .notEqual: left != right
        case .less: less(left, right)
        case .lessOrEqual: less(left, right) || left == right
        case .greater: less(right, left)
        case .greaterOrEqual: less(right, left) || left == right
        }
    }

    /// Numbers by value, strings by Unicode scalar values; nothing else is ordered.
    private static func less(_ left: PathValue?, _ right: PathValue?) -> Bool {
        switch (left, right) {
        case (.number(let a), .number(let b)): a < b
        case (.string(let a), .string(let b)): a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        default: false
        }
    }

    // MARK: Functions (RFC 9535 section 2.4)

    private func value(_ call: FunctionCall, current: Node) -> PathValue? {
        switch call.function {
        case .length:
            switch argumentValue(call.arguments[0], current: current) {
            case .string(let text): return .number(Double(text.unicodeScalars.count))
            case .array(let items): return .number(Double(items.count))
            case .object(let members): return .number(Double(members.count))
            default: return nil
            }
        case .count:
            return .number(Double(nodes(call.arguments[0], current: current).count))
        case .value:
            let selected = nodes(call.arguments[0], current: current)
            return selected.count == 1 ? PathValue(selected[0].node) : nil
        case .match, .search:
            return nil
        }
    }

    private func logical(_ call: FunctionCall, current: Node) -> Bool {
        switch call.function {
        case .match, .search:
            guard case .string(let text) = argumentValue(call.arguments[0], current: current),
                  case .string(let pattern) = argumentValue(call.arguments[1], current: current),
                  let regex = try? Regex(pattern).matchingSemantics(.unicodeScalar)
            else { return false }
            return call.function == .match ? (try? regex.wholeMatch(in: text)) != nil : (try? regex.firstMatch(in: text)) != nil
        case .length, .count, .value:
            return false
        }
    }

    private func argumentValue(_ argument: FunctionArgument, current: Node) -> PathValue? {
        switch argument {
        case .literal(let value): value
        case .query(let query): select(query, current: current).first.map { PathValue($0.node) }
        case .function(let call): value(call, current: current)
        case .logical: nil
        }
    }

    private func nodes(_ argument: FunctionArgument, current: Node) -> [PathMatch] {
        if case .query(let query) = argument { return select(query, current: current) }
        return []
    }
}

extension PathValue {
    /// A node as JSON: scalars by the YAML 1.2 core schema (`12` a number, `'12'` a string).
    init(_ node: Node) {
        switch node.content {
        case .scalar(let scalar):
            if node.isNull {
                self = .null
            } else if let bool = node.bool {
                self = .bool(bool)
            } else if let number = node.double {
                self = .number(number)
            } else {
                self = .string(scalar.value)
            }
        case .sequence(let items):
            self = .array(items.map(PathValue.init))
        case .mapping(let pairs):
            var members: [String: PathValue] = [:]
            for pair in pairs {
                if let key = pair.key.scalar { members[key] = PathValue(pair.value) }
            }
            self = .object(members)
        }
    }
}
