// jobs-demo: start a Brevo contacts export, wait for its background process, print the export URL
// and, with --download, save the exported file into DIR.
//
//   swift run jobs-demo --base-url http://127.0.0.1:8080/v3 [--api-key KEY] [--interval SECONDS] [--timeout SECONDS] [--download DIR]
//
// The export is started and followed with `Jobs`, generated at build time by ClientGenPlugin from
// Sources/JobsClient/jobs.yaml, whose job is inferred from the description and corrected by
// jobs.overlay.yaml; the default server URL comes from the committed `BrevoAPI` module.
import BrevoAPI
import Foundation
import JobsClient

struct Options {
    var baseURL: URL
    var apiKey = ProcessInfo.processInfo.environment["BREVO_API_KEY"] ?? "demo-key"
    var interval = 0.5
    var timeout = 60.0
    var downloadFolder: URL?

    static let usage = "usage: jobs-demo --base-url URL [--api-key KEY] [--interval SECONDS] [--timeout SECONDS] [--download DIR]"

    static func parse(_ arguments: [String]) throws -> Options {
        var baseURL: URL?
        var options = Options(baseURL: Brevo.defaultServerURL)
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw DemoError("\(flag) needs a value\n\(usage)") }
            switch flag {
            case "--base-url": baseURL = URL(string: value)
            case "--api-key": options.apiKey = value
            case "--interval": options.interval = Double(value) ?? options.interval
            case "--timeout": options.timeout = Double(value) ?? options.timeout
            case "--download": options.downloadFolder = URL(fileURLWithPath: value, isDirectory: true)
            default: throw DemoError("unknown option \(flag)\n\(usage)")
            }
        }
        guard let baseURL, baseURL.scheme != nil else { throw DemoError("--base-url URL is required\n\(usage)") }
        options.baseURL = baseURL
        return options
    }
}

struct DemoError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func run() async throws {
    let options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
    // Both specs name the scheme `api-key`, so one credential serves both namespaces.
    let client = APIClient(serverURL: options.baseURL, credentials: [Jobs.apiKey(options.apiKey)])

    // Generated at build time (JobsClient):
    let started = try await client.send(Jobs.startContactExport(body: ContactExport(
        exportAttributes: ["EMAIL", "FIRSTNAME"],
        customContactFilter: .init(actionForContacts: .allContacts),
        notifyURL: "https://example.com/export-done")))
    print("export started: process \(started.processID)")

    // Inferred from jobs.yaml (no x-job-status in it): `Jobs.job(for:)` polls getExportProcess until
    // `completed`, or `failed`, which jobs.overlay.yaml adds to the published status enum.
    let policy = PollingPolicy(
        initialInterval: .milliseconds(Int(options.interval * 1000)), maximumInterval: .seconds(5),
        timeout: .milliseconds(Int(options.timeout * 1000)))
    var finished: ExportProcess?
    for try await snapshot in client.snapshots(of: Jobs.job(for: started), policy: policy) {
        if snapshot.state.isTerminal {
            finished = snapshot.value
        } else {
            print("process \(snapshot.value.id): \(snapshot.state.status)")
        }
    }
    // Equivalent without the progress lines: `let finished = try await client.wait(for: Jobs.job(for: started))`.
    guard let process = finished, let url = process.exportURL else {
        throw DemoError("process \(started.processID) completed without an export URL")
    }
    print("export URL: \(url)")
    if let folder = options.downloadFolder {
        try await download(url, into: folder, with: client)
    }
}

/// Saves the export into `folder`. The link is pre-signed and may point anywhere: `download` sends the
/// API key only to URLs under the client's server URL.
func download(_ link: String, into folder: URL, with client: APIClient) async throws {
    guard let url = URL(string: link), !url.lastPathComponent.isEmpty, url.lastPathComponent != "/" else {
        throw DemoError("the export URL \(link) names no file")
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let destination = folder.appendingPathComponent(url.lastPathComponent)
    // A progress bar only on a terminal: piped output stays one line per event.
    let bar: (@Sendable (DownloadProgress) -> Void)? = isatty(STDOUT_FILENO) == 1 ? ProgressBar.draw : nil
    let result = try await client.download(from: url, to: destination, progress: bar)
    if bar != nil { print() }
    print("saved \(result.fileURL.path) (\(result.byteCount) bytes)")
}

enum ProgressBar {
    @Sendable static func draw(_ progress: DownloadProgress) {
        let width = 30
        let filled = Int((progress.fractionCompleted ?? 0) * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        let total = progress.totalBytes.map { " / \($0)" } ?? ""
        FileHandle.standardOutput.write(Data("\r[\(bar)] \(progress.bytesReceived)\(total) bytes".utf8))
    }
}

do {
    try await run()
} catch let error as APIError {
    FileHandle.standardError.write(Data("jobs-demo: the server answered \(error)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("jobs-demo: \(error)\n".utf8))
    exit(1)
}
