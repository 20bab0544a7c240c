import Foundation

/// The temporary file a download is written to, next to its destination (so the final rename
/// stays on one file system and is atomic), and moved into place only when complete.
struct DownloadFile {
    let destination: URL
    let temporary: URL
    private let handle: FileHandle

    /// Creates `.<name>.<uuid>.part` in the destination's folder.
    init(destination: URL) throws {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString.lowercased()).part")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            handle = try FileHandle(forWritingTo: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    func write(_ chunk: Data) throws {
        try handle.write(contentsOf: chunk)
    }

    /// Flushes and closes the file and renames it to the destination, replacing any file there.
    func commit() throws {
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, destination.path) == 0 else {
            let code = POSIXErrorCode(rawValue: errno) ?? .EIO
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path, NSUnderlyingErrorKey: POSIXError(code)])
        }
    }

    /// Closes and removes the temporary file; the destination is left as it was.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
