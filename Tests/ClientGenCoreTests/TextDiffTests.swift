import ClientGenCore
import Testing

@Suite struct TextDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(TextDiff.unified(old: "a\nb\n", new: "a\nb\n", oldName: "old", newName: "new").isEmpty)
    }

    @Test func changedLineShowsAsHunkWithContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "line 5", with: "line five")
        let diff = TextDiff.unified(old: old, new: new, oldName: "a.swift", newName: "b.swift")
        #expect(diff == """
            --- a.swift
            +++ b.swift
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test func insertionIntoEmptyFile() {
        let diff = TextDiff.unified(old: "", new: "x", oldName: "/dev/null", newName: "new")
        #expect(diff == "--- /dev/null\n+++ new\n@@ -1,1 +1,1 @@\n-\n+x\n")
    }
}
