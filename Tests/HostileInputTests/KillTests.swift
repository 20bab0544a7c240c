import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `clientgen generate` killed with SIGKILL at many moments leaves the output folder either exactly as
/// it was (bytes, inodes, modification times) or completely new — never half written.
@Suite(.serialized) struct KillTests {
    /// The `clientgen` built next to this test bundle.
    static let clientgen: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("clientgen"),
            Bundle.main.bundleURL.appendingPathComponent("clientgen"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("clientgen"),
            packageRoot.appendingPathComponent(".build/debug/clientgen"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// A large real spec (Plaid, 2,277 files) when the shared corpus is there; Brevo otherwise.
    static let bigSpec: URL = {
        let plaid = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/plaid.yaml")
        let shared = URL(fileURLWithPath: "/work/shared/corpus/plaid.yaml")
        for url in [plaid, shared] where FileManager.default.fileExists(atPath: url.path) { return url }
        return packageRoot.appendingPathComponent("specs/brevo.yaml")
    }()

    func launch(_ folder: URL, spec: String, output: String = "Out") throws -> Process {
        let process = Process()
        process.executableURL = Self.clientgen
        process.arguments = ["generate", "--spec", spec, "--module", "BigAPI", "--output", output]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func runToEnd(_ folder: URL, spec: String) throws -> Int32 {
        let process = try launch(folder, spec: spec)
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.timeLimit(.minutes(10))) func sigkillMidRunLeavesTheOldFolderIntact() throws {
        let clientgen = try #require(Self.clientgen, "clientgen binary not found next to the tests")
        _ = clientgen
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The same spec under two names: the file header names the spec, so every file differs.
        try FileManager.default.copyItem(at: Self.bigSpec, to: folder.appendingPathComponent("one.yaml"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("two.yaml").path, withDestinationPath: "one.yaml")
        let out = folder.appendingPathComponent("Out")

        // The complete new contents, for comparison.
        let reference = try makeTemporaryFolder("reference")
        defer { try? FileManager.default.removeItem(at: reference) }
        try FileManager.default.createSymbolicLink(atPath: reference.appendingPathComponent("two.yaml").path, withDestinationPath: folder.appendingPathComponent("one.yaml").path)
        #expect(try runToEnd(reference, spec: "two.yaml") == 0)
        let newContents = OutputSafetyTests.state(reference.appendingPathComponent("Out")).mapValues(\.data)

        let clock = ContinuousClock()
        var status: Int32 = -1
        let fullRun = try clock.measure { status = try runToEnd(folder, spec: "one.yaml") }
        #expect(status == 0)
        var old = OutputSafetyTests.state(out)
        #expect(old.count == newContents.count && old.count > 50)
        #expect(old.mapValues(\.data) != newContents)

        var keptOld = 0
        var sawNew = 0
        // Kills spread over the whole run, then kills timed from the moment the work folder appears
        // (when files are being written and swapped).
        let fractions: [Double] = [0.05, 0.2, 0.4, 0.6, 0.75, 0.85, 0.9, 0.95]
        let afterWorkFolder: [Duration] = [.zero, .milliseconds(2), .milliseconds(10), .milliseconds(30), .milliseconds(80), .milliseconds(200)]
        let plans: [(String, Duration?, Duration?)] = fractions.map { ("at \($0)", fullRun * $0, nil) }
            + afterWorkFolder.map { ("work folder + \($0)", nil, $0) }
        for (name, delay, afterWork) in plans {
            let process = try launch(folder, spec: "two.yaml")
            if let delay {
                try await_(delay)
            } else if let afterWork {
                let deadline = clock.now + fullRun * 3
                while clock.now < deadline, process.isRunning,
                    !((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).contains(where: { $0.hasPrefix(".Out.clientgen-new-") })
                {
                    usleep(200)
                }
                try await_(afterWork)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = OutputSafetyTests.state(out)
            if now == old {
                keptOld += 1
            } else if now.mapValues(\.data) == newContents {
                sawNew += 1
                // Put the old contents back for the next kill.
                #expect(try runToEnd(folder, spec: "one.yaml") == 0)
                old = OutputSafetyTests.state(out)
            } else {
                Issue.record("kill \(name) left a mixed folder: \(now.count) files, \(now.filter { old[$0.key] != $0.value }.count) differ from before")
            }
        }
        print("KillTests: \(plans.count) kills over a \(fullRun) run: \(keptOld) left the old folder, \(sawNew) the new one")
        #expect(keptOld >= 4, "most kills happen before the swap (kept \(keptOld), new \(sawNew))")
        // A later run cleans up whatever work folder a kill left behind and finishes the job.
        #expect(try runToEnd(folder, spec: "two.yaml") == 0)
        #expect(OutputSafetyTests.state(out).mapValues(\.data) == newContents)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["Out", "one.yaml", "two.yaml"])
    }

    func await_(_ duration: Duration) throws {
        let (seconds, attoseconds) = duration.components
        let micro = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        if micro > 0 { usleep(UInt32(clamping: micro)) }
    }

    @Test func dangerousOutputFailsWithTheMessageAndExitCode() throws {
        let clientgen = try #require(Self.clientgen)
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("specs/instantly.yaml"), to: folder.appendingPathComponent("spec.yaml"))
        let process = Process()
        process.executableURL = clientgen
        process.arguments = ["generate", "--spec", "spec.yaml", "--module", "InstantlyAPI", "--output", "."]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(output.contains("refusing to write generated files into '.' (it is or holds the current folder)"), "\(output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["spec.yaml"])
    }
}
