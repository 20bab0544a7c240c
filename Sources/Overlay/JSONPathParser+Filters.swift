/// Filter selectors (RFC 9535 section 2.3.5): logical expressions, comparisons, function calls,
/// and their well-typedness.
extension JSONPathParser {
    mutating func parseLogical() throws(JSONPathError) -> LogicalExpression {
        var terms = [try parseAnd()]
        while true {
            let start = position
            skipBlanks()
            guard peek == "|", peek(1) == "|" else {
                position = start
                break
            }
            position += 2
            skipBlanks()
            terms.append(try parseAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    mutating func parseAnd() throws(JSONPathError) -> LogicalExpression {
        var terms = [try parseBasic()]
        while true {
            let start = position
            skipBlanks()
            guard peek == "&", peek(1) == "&" else {
                position = start
                break
            }
            position += 2
            skipBlanks()
            terms.append(try parseBasic())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    mutating func parseBasic() throws(JSONPathError) -> LogicalExpression {
        if peek == "!" {
            let bang = position
            position += 1
            skipBlanks()
            if peek == "(" { return .not(try parseParenthesised()) }
            let start = position
            let operand = try parseOperand()
            let afterOperand = position
            skipBlanks()
            if comparisonOperator() != nil {
                position = bang
                throw fail("'!' negates a parenthesised expression or a query, not a comparison", hint: "write !(… == …), or use !=")
            }
            position = afterOperand
            return .not(try test(operand, at: start))
        }
        if peek == "(" { return try parseParenthesised() }
        let start = position
        let left = try parseOperand()
        let afterLeft = position
        skipBlanks()
        guard let op = comparisonOperator() else {
            position = afterLeft
            return try test(left, at: start)
        }
        position += op.rawValue.unicodeScalars.count
        skipBlanks()
        let rightStart = position
        let right = try parseOperand()
        return .comparison(try comparable(left, at: start), op, try comparable(right, at: rightStart))
    }

    mutating func parseParenthesised() throws(JSONPathError) -> LogicalExpression {
        let open = position
        position += 1
        skipBlanks()
        let inner = try parseLogical()
        skipBlanks()
        guard peek == ")" else {
            if let next = peek {
                throw unexpected(next, hint: next == "=" ? "compare with '=='" : "expected ')' to close the '(' at column \(open + 1)")
            }
            throw JSONPathError(column: open + 1, message: "the '(' is never closed", hint: "add ')'")
        }
        position += 1
        return inner
    }

    func comparisonOperator() -> ComparisonOperator? {
        switch (peek, peek(1)) {
        case ("=", "="): .equal
        case ("!", "="): .notEqual
        case ("<", "="): .lessOrEqual
        case (">", "="): .greaterOrEqual
        case ("<", _): .less
        case (">", _): .greater
        default: nil
        }
    }

    /// What may stand on either side of a comparison, in a test, or as a function argument.
    enum Operand {
        case literal(PathValue)
        case query(Query)
        case function(FunctionCall)
    }

    mutating func parseOperand() throws(JSONPathError) -> Operand {
        guard let next = peek else { throw fail("expected a query, a literal or a function, found the end of the query", hint: "complete the filter, then close it with ']'") }
        switch next {
        case "@", "$":
            position += 1
            return .query(Query(isRelative: next == "@", segments: try parseSegments()))
        case "'", "\"":
            return .literal(.string(try parseString()))
        case _ where next == "-" || isDigit(next):
            return .literal(.number(try parseNumber()))
        case _ where next.properties.isLowercase && next.isASCII:
            let start = position
            var name = String.UnicodeScalarView()
            while let scalar = peek, scalar.isASCII && (scalar.properties.isLowercase || isDigit(scalar) || scalar == "_") {
                name.append(scalar)
                position += 1
            }
            let word = String(name)
            if peek != "(" {
                switch word {
                case "true": return .literal(.bool(true))
                case "false": return .literal(.bool(false))
                case "null": return .literal(.null)
                default:
                    position = start
                    throw fail("unexpected '\(word)'", hint: "a member of the current node is @.\(word); a string is quoted: '\(word)'")
                }
            }
            guard let function = PathFunction(rawValue: word) else {
                position = start
                throw fail(
                    "unknown function '\(word)'",
                    hint: "RFC 9535 defines \(PathFunction.allCases.map { $0.rawValue + "()" }.joined(separator: ", "))")
            }
            return .function(try parseArguments(of: function, at: start))
        default:
            if next == "(" {
                throw fail("a parenthesised expression cannot be compared", hint: "compare a query, a literal or a function")
            }
            if isNameFirst(next) {
                let word = looseName(from: position)
                throw fail("unexpected '\(word)'", hint: "a member of the current node is @.\(word); true, false and null are lower case")
            }
            throw unexpected(next, hint: "expected a query (@… or $…), a literal or a function")
        }
    }

    mutating func parseArguments(of function: PathFunction, at start: Int) throws(JSONPathError) -> FunctionCall {
        position += 1
        var arguments: [FunctionArgument] = []
        var index = 0
        skipBlanks()
        if peek == ")" {
            position += 1
        } else {
            while true {
                skipBlanks()
                let argumentStart = position
                let operand = try parseOperand()
                guard index < function.parameters.count else {
                    position = argumentStart
                    throw fail("\(function.rawValue)() takes \(function.parameters.count) argument\(function.parameters.count == 1 ? "" : "s")")
                }
                arguments.append(try argument(operand, for: function.parameters[index], of: function, at: argumentStart))
                index += 1
                skipBlanks()
                if peek == "," {
                    position += 1
                    continue
                }
                guard peek == ")" else {
                    if let next = peek { throw unexpected(next, hint: "arguments are separated by ',' and closed by ')'") }
                    throw JSONPathError(column: start + 1, message: "the call of \(function.rawValue)() is never closed", hint: "add ')'")
                }
                position += 1
                break
            }
        }
        guard arguments.count == function.parameters.count else {
            throw JSONPathError(
                column: start + 1,
                message: "\(function.rawValue)() takes \(function.parameters.count) argument\(function.parameters.count == 1 ? "" : "s"), not \(arguments.count)")
        }
        return FunctionCall(function: function, arguments: arguments)
    }

    /// Checks an argument against its parameter type (RFC 9535 section 2.4.3, well-typedness).
    func argument(
        _ operand: Operand, for kind: PathFunction.Kind, of function: PathFunction, at column: Int
    ) throws(JSONPathError) -> FunctionArgument {
        switch (kind, operand) {
        case (.value, .literal(let value)): return .literal(value)
        case (.value, .query(let query)):
            guard query.isSingular else {
                throw JSONPathError(
                    column: column + 1, message: "\(function.rawValue)() takes a value, and this query may select several nodes",
                    hint: "use a query of names and indices only, such as @.name")
            }
            return .query(query)
        case (.value, .function(let call)):
            guard call.function.result == .value else {
                throw JSONPathError(column: column + 1, message: "\(call.function.rawValue)() gives a logical result, not a value")
            }
            return .function(call)
        case (.nodes, .query(let query)): return .query(query)
        case (.nodes, _):
            throw JSONPathError(column: column + 1, message: "\(function.rawValue)() takes a query (@… or $…)")
        case (.logical, .query(let query)): return .logical(.exists(query))
        case (.logical, .function(let call)) where call.function.result != .value: return .logical(.function(call))
        case (.logical, _):
            throw JSONPathError(column: column + 1, message: "\(function.rawValue)() takes a logical expression")
        }
    }

    /// An operand standing alone in a filter: an existence test or a logical function.
    func test(_ operand: Operand, at column: Int) throws(JSONPathError) -> LogicalExpression {
        switch operand {
        case .query(let query): return .exists(query)
        case .function(let call):
            guard call.function.result != .value else {
                throw JSONPathError(
                    column: column + 1, message: "\(call.function.rawValue)() gives a value, which is not a test on its own",
                    hint: "compare it, e.g. \(call.function.rawValue)(…) > 0")
            }
            return .function(call)
        case .literal:
            throw JSONPathError(column: column + 1, message: "a literal on its own is not a test", hint: "compare it with a query, e.g. @.name == 'x'")
        }
    }

    func comparable(_ operand: Operand, at column: Int) throws(JSONPathError) -> Comparable {
        switch operand {
        case .literal(let value): return .literal(value)
        case .query(let query):
            guard query.isSingular else {
                throw JSONPathError(
                    column: column + 1, message: "only a singular query (names and indices, no '*', '..', slices or filters) can be compared",
                    hint: "compare one node, such as @.name, or test that a match exists: [?@.items[?@ == 'x']]")
            }
            return .query(query)
        case .function(let call):
            guard call.function.result == .value else {
                throw JSONPathError(column: column + 1, message: "\(call.function.rawValue)() gives a logical result, which cannot be compared", hint: "use it as a test on its own")
            }
            return .function(call)
        }
    }
}
