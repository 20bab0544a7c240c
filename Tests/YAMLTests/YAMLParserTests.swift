import Foundation
import Testing
@testable import YAML

// MARK: - Helpers

private func parse(_ text: String, file: String = "t.yaml", limits: YAMLLimits = YAMLLimits()) throws -> Node {
    try YAMLParser.parse(text, file: file, limits: limits)
}

/// Parses input that must fail, returning the error (or recording a failure).
private func parseError(
    _ bytes: [UInt8], file: String = "t.yaml", limits: YAMLLimits = YAMLLimits(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> YAMLError? {
    do {
        let node = try YAMLParser.parse(bytes, file: file, limits: limits)
        Issue.record("expected an error, parsed a \(node.kindName)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

private func parseError(
    _ text: String, file: String = "t.yaml", limits: YAMLLimits = YAMLLimits(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> YAMLError? {
    parseError(Array(text.utf8), file: file, limits: limits, sourceLocation: sourceLocation)
}

private func at(_ line: Int, _ column: Int, _ file: String = "t.yaml") -> Mark {
    Mark(file: file, line: line, column: column)
}

// MARK: - Structure and marks

@Suite struct StructureTests {
    @Test func marksOfNestedNodes() throws {
        let root = try parse("""
            info:
              title: Pet store
              tags: [a, "b"]
            paths:
              /pets:
                get: {}
            """)
        #expect(root.mark == at(1, 1))
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.scalar } == ["info", "paths"])
        #expect(pairs[0].key.mark == at(1, 1))
        #expect(pairs[0].value.mark == at(2, 3))
        #expect(pairs[1].key.mark == at(4, 1))

        let info = try #require(root["info"])
        let titleKey = try #require(info.mapping?.first?.key)
        #expect(titleKey.scalar == "title")
        #expect(titleKey.mark == at(2, 3))
        #expect(info["title"]?.mark == at(2, 10))
        #expect(info["title"]?.scalar == "Pet store")

        let tags = try #require(info["tags"])
        #expect(tags.mark == at(3, 9))
        #expect(tags.sequence?.map(\.mark) == [at(3, 10), at(3, 13)])
        #expect(tags.sequence?.map(\.scalar) == ["a", "b"])

        let get = try #require(root["paths"]?["/pets"]?["get"])
        #expect(get.mark == at(6, 10))
        #expect(get.mapping?.isEmpty == true)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try parse("é€: ü\n")
        let pair = try #require(root.mapping?.first)
        #expect(pair.key.scalar == "é€")
        #expect(pair.value.mark == at(1, 5))
    }

    @Test func blockSequenceMarks() throws {
        let root = try parse("list:\n  - one\n  - two: 2\n")
        let list = try #require(root["list"]?.sequence)
        #expect(list.map(\.mark) == [at(2, 5), at(3, 5)])
        #expect(list[1]["two"]?.mark == at(3, 10))
    }

    @Test func fileNameIsKeptAsGiven() throws {
        let root = try parse("a: 1", file: "specs/brevo.yaml")
        #expect(root["a"]?.mark.description == "specs/brevo.yaml:1:4")
    }

    @Test func integerLookingKeysStayStrings() throws {
        let root = try parse("""
            responses:
              200:
                description: OK
              "404":
                description: Not found
              2XX: {}
            """)
        let keys = try #require(root["responses"]?.mapping).map(\.key)
        #expect(keys.map(\.scalar) == ["200", "404", "2XX"])
        #expect(keys.map { $0.mapping == nil && $0.sequence == nil } == [true, true, true])
        #expect(root["responses"]?["200"]?["description"]?.scalar == "OK")
        #expect(keys[0].int == 200)  // accessor still resolves it on demand
        #expect(keys[1].int == nil)  // quoted
    }

    @Test func scalarsAreNotConverted() throws {
        let root = try parse("""
            date: 2024-01-01
            stamp: 2001-12-14t21:59:43.10-05:00
            yes: yes
            off: off
            version: 1.10
            octal: 012
            """)
        #expect(root["date"]?.scalar == "2024-01-01")
        #expect(root["stamp"]?.scalar == "2001-12-14t21:59:43.10-05:00")
        #expect(root["yes"]?.scalar == "yes")
        #expect(root["yes"]?.bool == nil)
        #expect(root["off"]?.bool == nil)
        #expect(root["version"]?.scalar == "1.10")
        #expect(root["octal"]?.scalar == "012")
        #expect(root["octal"]?.int == 12)  // YAML 1.2: leading zeros are decimal
    }

    @Test func scalarStylesAndTags() throws {
        let root = try parse("""
            plain: a b
            single: 'it''s'
            double: "tab\\there"
            literal: |
              line1
              line2
            folded: >
              one
              two
            tagged: !!str 42
            custom: !thing x
            """)
        func scalar(_ key: String) -> Node.Scalar? {
            if case .scalar(let s)? = root[key]?.content { return s }
            return nil
        }
        #expect(scalar("plain") == Node.Scalar(value: "a b", style: .plain, tag: nil))
        #expect(scalar("single") == Node.Scalar(value: "it's", style: .singleQuoted, tag: nil))
        #expect(scalar("double") == Node.Scalar(value: "tab\there", style: .doubleQuoted, tag: nil))
        #expect(scalar("literal") == Node.Scalar(value: "line1\nline2\n", style: .literal, tag: nil))
        #expect(scalar("folded") == Node.Scalar(value: "one two\n", style: .folded, tag: nil))
        #expect(scalar("tagged") == Node.Scalar(value: "42", style: .plain, tag: "tag:yaml.org,2002:str"))
        #expect(scalar("custom") == Node.Scalar(value: "x", style: .plain, tag: "!thing"))
    }

    @Test func convenienceAccessors() throws {
        let root = try parse("m: {k: v}\ns: [1]\nx: y\n")
        #expect(root.kindName == "mapping")
        #expect(root["s"]?.kindName == "sequence")
        #expect(root["x"]?.kindName == "scalar")
        #expect(root["missing"] == nil)
        #expect(root["x"]?["k"] == nil)        // subscript on a scalar
        #expect(root["s"]?["0"] == nil)        // subscript on a sequence
        #expect(root.scalar == nil)
        #expect(root.sequence == nil)
        #expect(root["s"]?.sequence?.count == 1)
        #expect(root["s"]?.mapping == nil)
        #expect(root["m"]?["k"]?.scalar == "v")
    }

    @Test func stringAndByteOverloadsAgree() throws {
        let text = "a: [1, {b: c}]\n"
        #expect(try YAMLParser.parse(text, file: "f") == YAMLParser.parse(Array(text.utf8), file: "f"))
    }

    @Test func onlyTheFirstDocumentIsParsed() throws {
        let root = try parse("--- {a: 1}\n...\n--- [not, parsed\n")
        #expect(root["a"]?.scalar == "1")
    }

    @Test func nonScalarKeysAreKept() throws {
        let root = try parse("? [a, b]\n: 1\n? [a, b]\n: 2\n")
        let pairs = try #require(root.mapping)
        #expect(pairs.count == 2)
        #expect(pairs[0].key.sequence?.map(\.scalar) == ["a", "b"])
    }
}

// MARK: - Empty input, BOM, line endings

@Suite struct InputFormTests {
    @Test(arguments: ["", "# just a comment\n", "\n\n  \n"])
    func emptyStreamIsNullAtOneOne(_ text: String) throws {
        let root = try parse(text)
        #expect(root.isNull)
        #expect(root.scalar == "")
        #expect(root.mark == at(1, 1))
        #expect(root.anchor == nil)
    }

    @Test func explicitEmptyDocumentIsNull() throws {
        let root = try parse("---\n")
        #expect(root.isNull)
        #expect(root.kindName == "scalar")
    }

    @Test func byteOrderMarkIsSkippedAndNotCounted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: 2\n".utf8)
        let root = try YAMLParser.parse(bytes, file: "t.yaml")
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.scalar } == ["a", "b"])
        #expect(pairs[0].key.mark == at(1, 1))
        #expect(pairs[0].value.mark == at(1, 4))
        #expect(pairs[1].key.mark == at(2, 1))
    }

    @Test func byteOrderMarkErrorPositions() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\na: 2\n".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.description == """
            t.yaml:2:1: error: duplicate key "a" (first defined at line 1, column 1)
            a: 2
            ^
            """)
    }

    @Test func crlfLineEndingsKeepMarksRight() throws {
        let root = try parse("a: 1\r\nb:\r\n  c: [x, y]\r\n")
        #expect(root["a"]?.mark == at(1, 4))
        #expect(root["b"]?["c"]?.mark == at(3, 6))
        #expect(root["b"]?["c"]?.sequence?.map(\.mark) == [at(3, 7), at(3, 10)])
        #expect(root["b"]?["c"]?.sequence?.last?.scalar == "y")
    }

    @Test func crlfErrorSnippetHasNoCarriageReturn() throws {
        let error = try #require(parseError("a: 1\r\nb: 2\r\na: 3\r\n"))
        #expect(error.description == """
            t.yaml:3:1: error: duplicate key "a" (first defined at line 1, column 1)
            a: 3
            ^
            """)
    }

    @Test func loneCarriageReturnIsALineBreak() throws {
        let root = try parse("a: 1\rb: 2\r")
        #expect(root["b"]?.mark == at(2, 4))
    }

    @Test func invalidUTF8IsAnErrorWithAPosition() throws {
        let bytes = Array("name: ok\nbad: ".utf8) + [0xFF, 0x41] + Array("\n".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.mark == at(2, 6))
        #expect(error.message == "invalid leading UTF-8 octet (0xFF)")
        #expect(error.description == """
            t.yaml:2:6: error: invalid leading UTF-8 octet (0xFF)
            bad: \u{FFFD}A
                 ^
            """)
    }

    @Test func truncatedUTF8Sequence() throws {
        let bytes = Array("a: ".utf8) + [0xC3, 0x28]
        let error = try #require(parseError(bytes))
        #expect(error.mark == at(1, 5))  // libyaml points at the bad trailing byte
        #expect(error.message == "invalid trailing UTF-8 octet (0x28)")
    }

    @Test func utf16InputIsRejected() throws {
        let error = try #require(parseError([0xFF, 0xFE, 0x61, 0x00]))
        #expect(error.mark == at(1, 1))
        #expect(error.message == "invalid leading UTF-8 octet (0xFF)")
    }

    @Test func controlCharacterIsRejectedAndSanitisedInSnippet() throws {
        let error = try #require(parseError("a: b\u{07}\n"))
        #expect(error.description == """
            t.yaml:1:5: error: control characters are not allowed (U+0007)
            a: b\u{FFFD}
                ^
            """)
    }

    @Test func inputOverMaxBytesIsRejected() throws {
        let error = try #require(parseError("a: 12345\n", limits: YAMLLimits(maxBytes: 8)))
        #expect(error.description == "t.yaml:1:1: error: input too large (9 bytes, limit 8)")
        #expect(try parse("a: 1234\n", limits: YAMLLimits(maxBytes: 8))["a"]?.int == 1234)
    }
}

// MARK: - Typed accessors (YAML 1.2 core schema)

@Suite struct AccessorTests {
    private func value(_ yaml: String) throws -> Node {
        try #require(parse("v: \(yaml)")["v"])
    }

    @Test(arguments: ["~", "null", "Null", "NULL", "", "!!null ''"])
    func nulls(_ yaml: String) throws {
        #expect(try value(yaml).isNull)
    }

    @Test(arguments: ["'null'", "\"~\"", "nil", "NuLL", "!!str null", "!!str", "''", "[]"])
    func notNulls(_ yaml: String) throws {
        #expect(try !value(yaml).isNull)
    }

    @Test(arguments: [
        ("true", true), ("True", true), ("TRUE", true),
        ("false", false), ("False", false), ("FALSE", false), ("!!bool 'true'", true),
    ])
    func bools(_ yaml: String, _ expected: Bool) throws {
        #expect(try value(yaml).bool == expected)
    }

    @Test(arguments: ["yes", "no", "on", "tRUE", "'true'", "\"false\"", "!!str true", "1"])
    func notBools(_ yaml: String) throws {
        #expect(try value(yaml).bool == nil)
    }

    @Test(arguments: [
        ("0", 0), ("42", 42), ("-17", -17), ("+5", 5), ("007", 7),
        ("0x1F", 31), ("0xff", 255), ("0o17", 15), ("-0x10", -16),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
        ("!!int '12'", 12),
    ])
    func ints(_ yaml: String, _ expected: Int) throws {
        #expect(try value(yaml).int == expected)
    }

    @Test(arguments: [
        "9223372036854775808", "1.0", "1e3", "0x", "0o8", "0b101", "1_000", "'1'", "!!str 1",
        "12abc", "+-1", "+", "", "[1]",
    ])
    func notInts(_ yaml: String) throws {
        #expect(try value(yaml).int == nil)
    }

    @Test(arguments: [
        ("1.5", 1.5), ("-2.25", -2.25), ("+.5", 0.5), ("1.", 1.0), ("1e3", 1000), ("2.5E-1", 0.25),
        ("10", 10), ("0x10", 16), (".inf", .infinity), ("-.Inf", -.infinity), ("+.INF", .infinity),
        ("!!float '3.5'", 3.5),
    ])
    func doubles(_ yaml: String, _ expected: Double) throws {
        #expect(try value(yaml).double == expected)
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func nans(_ yaml: String) throws {
        let d = try #require(try value(yaml).double)
        #expect(d.isNaN)
    }

    @Test(arguments: ["'1.5'", "!!str 1.5", "1.2.3", "e3", ".", "inf", "nan", ".inF", "1e", "0x1p3", "abc"])
    func notDoubles(_ yaml: String) throws {
        #expect(try value(yaml).double == nil)
    }
}

// MARK: - Anchors, aliases, merge keys

@Suite struct AliasTests {
    @Test func aliasesAreExpandedToCopiesWithTheAnchoredMarks() throws {
        let root = try parse("""
            base: &b
              type: string
              format: uuid
            id: *b
            name: &n plain
            again: *n
            """)
        let base = try #require(root["base"])
        let id = try #require(root["id"])
        #expect(id == base)  // same content, marks and anchor
        #expect(id.mark == at(1, 7))  // a node with properties starts at its anchor
        #expect(id["type"]?.mark == at(2, 9))
        #expect(id.anchor == "b")
        #expect(id["format"]?.mark == at(3, 11))
        #expect(root["again"]?.scalar == "plain")
        #expect(root["again"]?.mark == at(5, 7))
        #expect(root["again"]?.anchor == "n")
    }

    @Test func laterAnchorWithTheSameNameWins() throws {
        let root = try parse("a: &x 1\nb: &x 2\nc: *x\n")
        #expect(root["c"]?.scalar == "2")
    }

    @Test func aliasInsideAnchoredNodeToEarlierSameNamedAnchorIsRecursive() throws {
        let error = try #require(parseError("a: &x 1\nb: &x [*x]\n"))
        #expect(error.message == "alias *x refers to a node that contains it")
        #expect(error.mark == at(2, 8))
    }

    @Test func unknownAlias() throws {
        let error = try #require(parseError("a: 1\nb: *nope\n"))
        #expect(error.description == """
            t.yaml:2:4: error: undefined alias *nope
            b: *nope
               ^
            """)
    }

    @Test func recursiveAlias() throws {
        let error = try #require(parseError("node: &n\n  child: *n\n"))
        #expect(error.description == """
            t.yaml:2:10: error: alias *n refers to a node that contains it
              child: *n
                     ^
            """)
    }

    @Test func billionLaughsFailsFast() throws {
        let doc = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """
        let clock = ContinuousClock()
        var error: YAMLError?
        let elapsed = clock.measure { error = parseError(doc) }
        let e = try #require(error)
        // a=10 nodes; b adds 9×10; c 9×91; d 9×820; e 9×7381 → 74_718;
        // the first *e (66_430 nodes) crosses 100_000.
        #expect(e.description == """
            t.yaml:6:8: error: too many alias expansions (limit 100000)
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                   ^
            """)
        #expect(elapsed < .seconds(1))
    }

    @Test func aliasExpansionLimitIsConfigurable() throws {
        let doc = "a: &a [1, 2]\nb: [*a, *a]\n"
        #expect(throws: Never.self) { try parse(doc, limits: YAMLLimits(maxAliasExpansions: 6)) }
        let error = try #require(parseError(doc, limits: YAMLLimits(maxAliasExpansions: 5)))
        #expect(error.message == "too many alias expansions (limit 5)")
        #expect(error.mark == at(2, 9))
    }

    @Test func mergeKeyFromAlias() throws {
        let root = try parse("""
            base: &base {type: object, description: base}
            derived:
              description: mine
              <<: *base
              extra: 1
            """)
        let derived = try #require(root["derived"]?.mapping)
        #expect(derived.map { $0.key.scalar } == ["description", "type", "extra"])
        #expect(root["derived"]?["description"]?.scalar == "mine")
        #expect(root["derived"]?["type"]?.scalar == "object")
        #expect(root["derived"]?["type"]?.mark == at(1, 20))  // the anchored node's mark
    }

    @Test func mergeKeyFromSequenceEarlierSourcesWin() throws {
        let root = try parse("""
            a: &a {x: 1, y: 1}
            b: &b {y: 2, z: 2}
            c:
              <<: [*a, *b, {w: 3}]
              z: 0
            """)
        let c = try #require(root["c"])
        #expect(c.mapping?.map { $0.key.scalar } == ["x", "y", "w", "z"])
        #expect(c["x"]?.scalar == "1")
        #expect(c["y"]?.scalar == "1")
        #expect(c["z"]?.scalar == "0")
        #expect(c["w"]?.scalar == "3")
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let root = try parse("a: &a {x: 1}\nb:\n  '<<': *a\n")
        #expect(root["b"]?.mapping?.map { $0.key.scalar } == ["<<"])
    }

    @Test func mergeOfAScalarIsAnError() throws {
        let error = try #require(parseError("a:\n  <<: 5\n"))
        #expect(error.description == """
            t.yaml:2:7: error: merge key value must be a mapping or a sequence of mappings, found a scalar
              <<: 5
                  ^
            """)
        let error2 = try #require(parseError("a:\n  <<: [{x: 1}, [2]]\n"))
        #expect(error2.message == "merge key sequence must contain only mappings, found a sequence")
        #expect(error2.mark == at(2, 16))
    }
}

// MARK: - Limits

@Suite struct DepthTests {
    @Test func depthLimitCountsEveryNode() throws {
        let limits = YAMLLimits(maxDepth: 3)
        #expect(throws: Never.self) { try parse("a: [1]", limits: limits) }
        let error = try #require(parseError("a: [[1]]", limits: limits))
        #expect(error.description == """
            t.yaml:1:6: error: too deeply nested (limit 3)
            a: [[1]]
                 ^
            """)
    }

    @Test func defaultDepthLimitStopsDeepFlowNesting() throws {
        let text = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = try #require(parseError(text))
        #expect(error.message == "too deeply nested (limit 512)")
        #expect(error.mark == at(1, 513))
        #expect(try parse(String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).kindName == "sequence")
    }

    @Test func aliasesCannotExceedTheDepthLimit() throws {
        let limits = YAMLLimits(maxDepth: 4)
        // *d has height 3; placed at depth 3 its leaves would be at depth 5.
        let error = try #require(parseError("d: &d [[x]]\ne: [*d]\n", limits: limits))
        #expect(error.message == "too deeply nested (limit 4)")
        #expect(error.mark == at(2, 5))
        #expect(throws: Never.self) { try parse("d: &d [[x]]\ne: *d\n", limits: limits) }
    }
}

// MARK: - Error reports (exact text)

@Suite struct ErrorReportTests {
    @Test func tabIndentation() throws {
        let error = try #require(parseError("paths:\n\tget: {}\n"))
        #expect(error.description == """
            t.yaml:2:1: error: found character that cannot start any token
            \tget: {}
            ^
            """)
        #expect(error.context == "while scanning for the next token")
    }

    @Test func tabAfterPlainScalar() throws {
        let error = try #require(parseError("a: 1\n\tb: 2\n"))
        #expect(error.description == """
            t.yaml:2:1: error: found a tab character that violates indentation
            \tb: 2
            ^
            """)
        #expect(error.context == "while scanning a plain scalar")
        #expect(error.contextMark == at(1, 4))
    }

    @Test func unclosedQuote() throws {
        let error = try #require(parseError("title: \"Pet store\ndescription: x\n"))
        #expect(error.description == """
            t.yaml:3:1: error: found unexpected end of stream

            ^
            """)
        #expect(error.message == "found unexpected end of stream")
        #expect(error.context == "while scanning a quoted scalar")
        #expect(error.contextMark == at(1, 8))
    }

    @Test func unclosedQuoteWithoutTrailingNewline() throws {
        let error = try #require(parseError("a: 'open"))
        #expect(error.description == """
            t.yaml:1:9: error: found unexpected end of stream
            a: 'open
                    ^
            """)
    }

    @Test func duplicateKey() throws {
        let error = try #require(parseError("""
            openapi: 3.0.0
            info:
              name: a
              version: 1
              name: b
            """))
        #expect(error.description == """
            t.yaml:5:3: error: duplicate key "name" (first defined at line 3, column 3)
              name: b
              ^
            """)
        #expect(error.context == nil)
    }

    @Test func duplicateKeyInLargeMapping() throws {
        var text = ""
        for i in 0..<40 { text += "k\(i): \(i)\n" }
        text += "k7: again\n"
        let error = try #require(parseError(text))
        #expect(error.message == "duplicate key \"k7\" (first defined at line 8, column 1)")
        #expect(error.mark == at(41, 1))
        // No false positives once the key index is in use.
        #expect(try parse(String(text.dropLast(10))).mapping?.count == 40)
        // A key added after the index was built is found too.
        let late = try #require(parseError(String(text.dropLast(10)) + "k30: again\n"))
        #expect(late.message == "duplicate key \"k30\" (first defined at line 31, column 1)")
    }

    @Test func duplicateKeyQuotedAndPlainAndFlow() throws {
        let error = try #require(parseError("{a: 1, \"a\": 2}"))
        #expect(error.message == "duplicate key \"a\" (first defined at line 1, column 2)")
        #expect(error.mark == at(1, 8))
        let escaped = try #require(parseError("\"x\\\"y\": 1\n'x\"y': 2\n"))
        #expect(escaped.message == "duplicate key \"x\\\"y\" (first defined at line 1, column 1)")
    }

    @Test func badIndentation() throws {
        let error = try #require(parseError("a: b\n  c: d\n"))
        #expect(error.description == """
            t.yaml:2:4: error: mapping values are not allowed in this context
              c: d
               ^
            """)
    }

    @Test func unclosedFlowSequence() throws {
        let error = try #require(parseError("a: [1, 2\nb: 3\n"))
        #expect(error.message == "did not find expected ',' or ']'")
        #expect(error.context == "while parsing a flow sequence")
        #expect(error.contextMark == at(1, 4))
        #expect(error.mark == at(2, 2))
    }

    @Test func errorColumnsCountCharacters() throws {
        let error = try #require(parseError("ü: 1\nü: 2\n"))
        #expect(error.description == """
            t.yaml:2:1: error: duplicate key "ü" (first defined at line 1, column 1)
            ü: 2
            ^
            """)
        let undefined = try #require(parseError("ä€: *x\n"))
        #expect(undefined.mark == at(1, 5))
        #expect(undefined.description.hasSuffix("\nä€: *x\n    ^"))
    }

    @Test func caretKeepsTabsBeforeTheColumn() throws {
        let error = try #require(parseError("[\t*x]\n"))
        #expect(error.description == "t.yaml:1:3: error: undefined alias *x\n[\t*x]\n \t^")
    }

    @Test func veryLongLinesAreCutAroundTheColumn() throws {
        let text = "{" + (0..<100).map { "k\($0): v" }.joined(separator: ", ") + ", k50: dup}"
        let error = try #require(parseError(text))
        let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[1].unicodeScalars.count <= 166)
        #expect(lines[1].hasPrefix("..."))
        #expect(lines[1].hasSuffix("dup}"))
        // The caret points at the duplicate key inside the window.
        let caret = lines[2].count - 1
        #expect(Array(lines[1])[caret...].starts(with: "k50: dup"))
        #expect(error.mark.line == 1)
        #expect(error.mark.column == text.count - 8)
    }

    @Test func descriptionWithoutSourceLine() {
        let error = YAMLError(mark: Mark(file: "x.yaml", line: 4, column: 2), message: "boom")
        #expect(error.description == "x.yaml:4:2: error: boom")
        var withLine = error
        withLine.sourceLine = "abc"
        #expect(withLine.description == "x.yaml:4:2: error: boom\nabc\n ^")
        #expect(Mark(file: "f", line: 1, column: 2).description == "f:1:2")
    }
}
