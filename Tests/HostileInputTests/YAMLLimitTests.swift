import Foundation
import Testing
import YAML

/// Hostile YAML: every limit and every encoding problem gives one exact, positioned error, fast.
@Suite struct YAMLLimitTests {
    /// The first line of the error (`file:line:column: error: message`).
    func headline(_ error: YAMLError?) -> String? {
        error.map { String($0.description.prefix { $0 != "\n" }) }
    }

    @Test func billionLaughsFailsFastAtTheFirstAliasOverTheLimit() {
        var text = #"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"# + "\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let clock = ContinuousClock()
        var error: YAMLError?
        let elapsed = clock.measure { error = yamlError(text) }
        #expect(headline(error) == "hostile.yaml:6:8: error: too many alias expansions (limit 100000)")
        #expect(error?.description.hasSuffix("f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n       ^") == true)
        #expect(elapsed < .seconds(2))
    }

    @Test func aliasExpansionLimitCountsEveryExpandedNode() {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        #expect(headline(yamlError(text, limits: YAMLLimits(maxAliasExpansions: 11)))
            == "hostile.yaml:2:13: error: too many alias expansions (limit 11)")
        #expect(yamlError(text, limits: YAMLLimits(maxAliasExpansions: 12)) == nil)
    }

    @Test func deepFlowNestingStopsAtTheLimit() {
        let text = String(repeating: "[", count: 100_000)
        #expect(headline(yamlError(text)) == "hostile.yaml:1:513: error: too deeply nested (limit 512)")
    }

    @Test func deepBlockNestingStopsAtTheLimit() {
        var text = ""
        for level in 0..<600 { text += String(repeating: " ", count: level) + "k:\n" }
        #expect(headline(yamlError(text)) == "hostile.yaml:512:512: error: too deeply nested (limit 512)")
    }

    @Test func nestingThroughAnAliasCountsTheAliasedDepth() {
        let text = "a: &a [[[1]]]\nb: [[*a]]\n"
        #expect(headline(yamlError(text, limits: YAMLLimits(maxDepth: 5)))
            == "hostile.yaml:2:6: error: too deeply nested (limit 5)")
        // b's list (2) → inner list (3) → the aliased [[[1]]] adds four levels: depth 7.
        #expect(headline(yamlError(text, limits: YAMLLimits(maxDepth: 6)))
            == "hostile.yaml:2:6: error: too deeply nested (limit 6)")
        #expect(yamlError(text, limits: YAMLLimits(maxDepth: 7)) == nil)
    }

    @Test func hugeDocumentIsRefusedBeforeParsing() {
        let bytes = [UInt8](repeating: UInt8(ascii: " "), count: (64 << 20) + 1)
        #expect(yamlError(bytes)?.description == "hostile.yaml:1:1: error: input too large (67108865 bytes, limit 67108864)")
    }

    @Test func tooManyNodesStopsAtTheLimit() {
        let text = "[" + Array(repeating: "1", count: 200).joined(separator: ",") + "]"
        #expect(headline(yamlError(text, limits: YAMLLimits(maxNodes: 100)))
            == "hostile.yaml:1:200: error: too many nodes (limit 100)")
        #expect(yamlError(text, limits: YAMLLimits(maxNodes: 201)) == nil)
    }

    @Test func nodeLimitCountsAliasExpansions() {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"  // 1 + 2 keys + 4 + 1 + 3 × 4 = 20 nodes
        #expect(headline(yamlError(text, limits: YAMLLimits(maxNodes: 19)))
            == "hostile.yaml:2:13: error: too many nodes (limit 19)")
        #expect(yamlError(text, limits: YAMLLimits(maxNodes: 20)) == nil)
    }

    @Test func defaultNodeLimitIsFourMillion() {
        #expect(YAMLLimits().maxNodes == 4_000_000)
    }

    @Test func invalidUTF8IsReportedWithItsPosition() {
        let bytes = Array("a: b\nc: d".utf8) + [0xFF] + Array("e\n".utf8)
        #expect(headline(yamlError(bytes)) == "hostile.yaml:2:5: error: invalid leading UTF-8 octet (0xFF)")
    }

    @Test func truncatedUTF8SequenceIsReported() {
        let bytes = Array("key: caf".utf8) + [0xC3]
        #expect(headline(yamlError(bytes)) == "hostile.yaml:1:9: error: incomplete UTF-8 octet sequence")
    }

    @Test func overlongUTF8IsReported() {
        let bytes = Array("a: ".utf8) + [0xC0, 0xAF]
        #expect(headline(yamlError(bytes)) == "hostile.yaml:1:4: error: invalid length of a UTF-8 sequence")
    }

    @Test func encodedSurrogateIsReported() {
        let bytes = Array("a: ".utf8) + [0xED, 0xA0, 0x80]
        #expect(headline(yamlError(bytes)) == "hostile.yaml:1:4: error: invalid Unicode character (U+D800)")
    }

    @Test func utf16IsRejectedAsInvalidUTF8() {
        let bytes: [UInt8] = [0xFF, 0xFE, UInt8(ascii: "a"), 0, UInt8(ascii: ":"), 0]
        #expect(headline(yamlError(bytes)) == "hostile.yaml:1:1: error: invalid leading UTF-8 octet (0xFF)")
    }

    @Test func nulByteIsReportedWithItsPosition() {
        let bytes = Array("a: b\nc: x".utf8) + [0] + Array("y\n".utf8)
        #expect(headline(yamlError(bytes)) == "hostile.yaml:2:5: error: control characters are not allowed (U+0000)")
    }

    @Test func leadingBOMIsAcceptedAndNotCountedAsAColumn() throws {
        let node = try YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a: b\n".utf8), file: "hostile.yaml")
        #expect(node["a"]?.scalar == "b")
        #expect(node["a"]?.mark.column == 4)
        #expect(headline(yamlError([0xEF, 0xBB, 0xBF] + Array("a: b: c\n".utf8)))
            == "hostile.yaml:1:5: error: mapping values are not allowed in this context")
    }

    @Test func bomInsideTheDocumentIsReported() {
        // Only a BOM at the very start is skipped; elsewhere it is a character (column 1) of its own.
        let bytes = Array("a: b\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("c: d\n".utf8)
        #expect(headline(yamlError(bytes)) == "hostile.yaml:2:2: error: did not find expected key")
    }

    @Test func crlfLineEndingsParseAndCountLinesOnce() throws {
        let node = try YAMLParser.parse("a: 1\r\nb: |\r\n  x\r\n  y\r\nc: 3\r\n", file: "hostile.yaml")
        #expect(node["b"]?.scalar == "x\ny\n")
        #expect(node["c"]?.mark.line == 5)
        #expect(headline(yamlError("a: 1\r\nb: 2\r\nc: [3\r\n"))
            == "hostile.yaml:4:1: error: did not find expected ',' or ']'")
    }

    @Test func tabIndentationIsReportedWithItsPosition() {
        let error = yamlError("a:\n\tb: 1\n")
        #expect(headline(error) == "hostile.yaml:2:1: error: found character that cannot start any token")
        #expect(error?.description.hasSuffix("\n\tb: 1\n^") == true)
    }

    @Test func tabsInsideValuesAreKept() throws {
        let node = try YAMLParser.parse("a: \"x\ty\"\nb:\t2\n", file: "hostile.yaml")
        #expect(node["a"]?.scalar == "x\ty")
        #expect(node["b"]?.int == 2)
    }

    @Test func controlCharactersInErrorsAreShownSafely() {
        // An escape sequence in the source line must not reach the terminal raw.
        let bytes = Array("a: [b, \u{1B}[31m".utf8)
        let description = yamlError(bytes)?.description ?? ""
        #expect(!description.contains("\u{1B}"))
    }
}
