@testable import ClientGenCore
import Testing

/// The byte-level fast paths (ASCII names, plain prose) must agree with the general Character and
/// scalar paths on every input they accept; random strings over the characters that matter.
@Suite struct FastPathTests {
    /// A deterministic generator, so a failure names an input that can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomStrings(alphabet: [Character], count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(state: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...24, using: &generator)
            return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
        }
    }

    @Test func asciiWordsMatchCharacterWords() {
        let alphabet = Array("aZbY09_- .[]/{}$xXiIdD")
        for raw in Self.randomStrings(alphabet: alphabet, count: 5_000, seed: 1) {
            #expect(Names.asciiWords(raw) == Names.characterWords(raw), "input: \(raw.debugDescription)")
        }
    }

    @Test func plainProseLinesMatchGeneralLines() {
        let alphabet = Array("ab \n.`*#")
        for text in Self.randomStrings(alphabet: alphabet, count: 5_000, seed: 2) {
            #expect(DocText.lines(text) == DocText.generalLines(text), "input: \(text.debugDescription)")
        }
    }

    @Test func nonASCIITakesTheGeneralPaths() {
        #expect(Names.words("café-au_lait") == ["café", "au", "lait"])
        #expect(DocText.lines("a\tb  \r\nc\u{202E}d") == ["a b", "cd"])
    }
}
