/// A unified diff of two texts, computed in process (no `diff` binary), for `check` and snapshot tests.
public enum TextDiff {
    /// Empty when the texts are equal.
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let newLines = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = newLines.difference(from: oldLines)

        // Mark which lines of each side changed.
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both sides in step, producing an edit script.
        enum Edit { case same(String), remove(String), insert(String) }
        var edits: [(edit: Edit, oldIndex: Int, newIndex: Int)] = []
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < oldLines.count || newIndex < newLines.count {
            if oldIndex < oldLines.count, removed.contains(oldIndex) {
                edits.append((.remove(oldLines[oldIndex]), oldIndex, newIndex))
                oldIndex += 1
            } else if newIndex < newLines.count, inserted.contains(newIndex) {
                edits.append((.insert(newLines[newIndex]), oldIndex, newIndex))
                newIndex += 1
            } else {
                if oldIndex < oldLines.count { edits.append((.same(oldLines[oldIndex]), oldIndex, newIndex)) }
                oldIndex += 1
                newIndex += 1
            }
        }
        // Group changes with `context` lines around them into hunks.
        var output = "--- \(oldName)\n+++ \(newName)\n"
        let changed = edits.indices.filter { if case .same = edits[$0].edit { return false } else { return true } }
        var hunkStart = 0
        var position = 0
        while position < changed.count {
            hunkStart = max(0, changed[position] - context)
            var hunkEnd = min(edits.count - 1, changed[position] + context)
            while position + 1 < changed.count, changed[position + 1] - context <= hunkEnd + 1 {
                position += 1
                hunkEnd = min(edits.count - 1, changed[position] + context)
            }
            let slice = edits[hunkStart...hunkEnd]
            let oldCount = slice.filter { if case .insert = $0.edit { return false } else { return true } }.count
            let newCount = slice.filter { if case .remove = $0.edit { return false } else { return true } }.count
            output += "@@ -\(edits[hunkStart].oldIndex + 1),\(oldCount) +\(edits[hunkStart].newIndex + 1),\(newCount) @@\n"
            for item in slice {
                switch item.edit {
                case .same(let line): output += " \(line)\n"
                case .remove(let line): output += "-\(line)\n"
                case .insert(let line): output += "+\(line)\n"
                }
            }
            position += 1
        }
        return output
    }
}
