@testable import clientgen
import ClientGenCore
import Foundation
import Testing

/// The generator only replaces its own files, refuses dangerous folders, keeps unchanged files
/// untouched, and swaps new contents in atomically (a killed run leaves the old folder as it was).
@Suite struct OutputSafetyTests {
    static let header = Generator.headerPrefix + "test.yaml. Do not edit.\n"

    func generated(_ name: String, _ body: String = "") -> GeneratedFile {
        GeneratedFile(path: name, contents: Self.header + body)
    }

    /// Relative path → (bytes, modification time, inode) of every file below `folder`.
    struct FileState: Equatable {
        var data: Data
        var modified: Date
        var inode: UInt64
    }

    static func state(_ folder: URL) -> [String: FileState] {
        var result: [String: FileState] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let path = folder.appendingPathComponent(relative).path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            result[relative] = FileState(
                data: FileManager.default.contents(atPath: path) ?? Data(),
                modified: attributes[.modificationDate] as? Date ?? .distantPast,
                inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0)
        }
        return result
    }

    func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func foreignFileStopsTheWriteAndNothingChanges() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("Out")
        _ = try OutputFolder(path: out.path).write([generated("A.swift", "a")])
        try Data("mine".utf8).write(to: out.appendingPathComponent("Notes.swift"))
        let before = Self.state(out)
        #expect(message { _ = try OutputFolder(path: out.path).write([generated("A.swift", "changed")]) }
            == "'\(out.path)' holds files ClientGen did not generate: Notes.swift; move them out of the output folder (nothing was written)")
        #expect(Self.state(out) == before)
    }

    @Test func symlinkInTheOutputFolderIsForeign() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("Out")
        _ = try OutputFolder(path: out.path).write([generated("A.swift", "a")])
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("B.swift").path, withDestinationPath: "/etc/hostname")
        #expect(message { _ = try OutputFolder(path: out.path).write([generated("B.swift", "b")]) }
            == "'\(out.path)' holds files ClientGen did not generate: B.swift; move them out of the output folder (nothing was written)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("B.swift").path) == "/etc/hostname")
    }

    @Test func filesystemRootIsRefused() {
        #expect(message { try OutputFolder(path: "/").checkSafe() }
            == "refusing to write generated files into '/' (it is the filesystem root); give the module its own folder such as Generated/MyAPI")
    }

    @Test func homeFolderIsRefused() {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        #expect(message { try OutputFolder(path: home).checkSafe() }
            == "refusing to write generated files into '\(home)' (it is or holds the home folder); give the module its own folder such as Generated/MyAPI")
    }

    @Test func currentFolderAndItsParentsAreRefused() {
        #expect(message { try OutputFolder(path: ".").checkSafe() }
            == "refusing to write generated files into '.' (it is or holds the current folder); give the module its own folder such as Generated/MyAPI")
        #expect(message { try OutputFolder(path: "Generated/..").checkSafe() }
            == "refusing to write generated files into 'Generated/..' (it is or holds the current folder); give the module its own folder such as Generated/MyAPI")
        #expect(message { try OutputFolder(path: "..").checkSafe() }
            == "refusing to write generated files into '..' (it is or holds the current folder); give the module its own folder such as Generated/MyAPI")
    }

    @Test func packageAndRepositoryRootsAreRefused() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = folder.appendingPathComponent("Pkg")
        let repository = folder.appendingPathComponent("Repo")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("// swift-tools-version:6.0\n".utf8).write(to: package.appendingPathComponent("Package.swift"))
        #expect(message { _ = try OutputFolder(path: package.path).write([generated("A.swift")]) }
            == "refusing to write generated files into '\(package.path)' (it holds Package.swift, so it is a package or repository root); give the module its own folder such as Generated/MyAPI")
        #expect(message { _ = try OutputFolder(path: repository.path).write([generated("A.swift")]) }
            == "refusing to write generated files into '\(repository.path)' (it holds .git, so it is a package or repository root); give the module its own folder such as Generated/MyAPI")
        #expect(FileManager.default.fileExists(atPath: package.appendingPathComponent("Package.swift").path))
    }

    @Test func symlinkToADangerousFolderIsRefused() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("Generated")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/")
        #expect(message { try OutputFolder(path: link.path).checkSafe() }
            == "refusing to write generated files into '\(link.path)' (it is the filesystem root); give the module its own folder such as Generated/MyAPI")
    }

    @Test func emptyPathAndFilesAreRefused() throws {
        #expect(message { try OutputFolder(path: "").checkSafe() }
            == "refusing to write generated files into '' (no folder given); give the module its own folder such as Generated/MyAPI")
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("file.swift")
        try Data("x".utf8).write(to: file)
        #expect(message { try OutputFolder(path: file.path).checkSafe() }
            == "'\(file.path)' is a file, not a folder; give the module its own folder such as Generated/MyAPI")
    }

    @Test func generatedPathsCannotLeaveTheFolder() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("Out")
        #expect(message { _ = try OutputFolder(path: out.path).write([generated("../Escaped.swift")]) }
            == "refusing to write '../Escaped.swift': generated file paths must stay inside the output folder")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Escaped.swift").path))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func nullWriteTouchesNothing() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("Out")
        let files = [generated("A.swift", "a"), generated("Models/B.swift", "b")]
        #expect(try OutputFolder(path: out.path).write(files) == "2 written, 0 unchanged, 0 removed")
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for name in ["A.swift", "Models/B.swift"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: out.appendingPathComponent(name).path)
        }
        let before = Self.state(out)
        #expect(try OutputFolder(path: out.path).write(files) == "0 written, 2 unchanged, 0 removed")
        #expect(Self.state(out) == before)
        #expect(before["A.swift"]?.modified == old)
    }

    @Test func changedWriteKeepsUnchangedFilesInodeAndTimeAndRemovesOnlyStaleOwnFiles() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("Out")
        _ = try OutputFolder(path: out.path).write([generated("A.swift", "a"), generated("B.swift", "b"), generated("Stale.swift")])
        try Data("root = true\n".utf8).write(to: out.appendingPathComponent(".editorconfig"))
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: out.appendingPathComponent("A.swift").path)
        let before = Self.state(out)
        #expect(try OutputFolder(path: out.path).write([generated("A.swift", "a"), generated("B.swift", "b2"), generated("C.swift", "c")])
            == "2 written, 1 unchanged, 1 removed")
        let after = Self.state(out)
        #expect(after["A.swift"] == before["A.swift"])
        #expect(after[".editorconfig"] == before[".editorconfig"])
        #expect(after["B.swift"]?.data == Data((Self.header + "b2").utf8))
        #expect(after["C.swift"]?.data == Data((Self.header + "c").utf8))
        #expect(after["Stale.swift"] == nil)
        #expect(Set(after.keys) == [".editorconfig", "A.swift", "B.swift", "C.swift"])
        // The work folder is gone: nothing but the output folder is left in the parent.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Out"])
    }

    @Test func leftoversOfAKilledRunAreCleanedUpAndAMovedAsideFolderIsRestored() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("Out")
        // A run killed between the two renames of the fallback swap: the old folder is aside, none in place.
        let aside = folder.appendingPathComponent(".Out.clientgen-old-12345")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        try Data((Self.header + "old").utf8).write(to: aside.appendingPathComponent("A.swift"))
        let work = folder.appendingPathComponent(".Out.clientgen-new-12345")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Data((Self.header + "half").utf8).write(to: work.appendingPathComponent("A.swift"))
        let foreignWork = folder.appendingPathComponent(".Out.clientgen-new-999")
        try FileManager.default.createDirectory(at: foreignWork, withIntermediateDirectories: true)
        try Data("not ours".utf8).write(to: foreignWork.appendingPathComponent("Mine.txt"))
        #expect(try OutputFolder(path: out.path).write([generated("A.swift", "old")]) == "0 written, 1 unchanged, 0 removed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".Out.clientgen-new-999", "Out"])
    }
}
