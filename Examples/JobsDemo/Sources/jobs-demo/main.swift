// jobs-demo: start a Brevo contacts export, wait for its background process, print the export URL
// and, with --download, save the exported file into DIR.
//
//   swift run jobs-demo --base-url http://127.0.0.1:8080/v3 [--api-key KEY] [--interval SECONDS] [--timeout SECONDS]
//       [--notify-port N] [--download DIR]
//
// With --notify-port, the export's notifyUrl is http://127.0.0.1:N/notify/export, served by jobs-demo
// (NotifyReceiver.swift): it finishes when that URL is called, polling meanwhile at a tenth of the
// pace (every 10 × --interval at first) in case the call never comes. N = 0 picks a free port.
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
    var notifyPort: Int?
    var downloadFolder: URL?

    static let usage = "usage: jobs-demo --base-url URL [--api-key KEY] [--interval SECONDS] [--timeout SECONDS] [--notify-port N] [--download DIR]"

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
            case "--notify-port":
                guard let port = Int(value), (0...65535).contains(port) else { throw DemoError("--notify-port needs a port number, not \(value)") }
                options.notifyPort = port
            case "--download": options.downloadFolder = URL(fileURLWithPath: value, isDirectory: true)
            default: throw DemoError("unknown option \(flag)\n\(usage)")
            }
        }
        guard let baseURL, baseURL.scheme != nil else { throw DemoError("--base-url URL is required\n\(usage)") }
        options.baseURL = baseURL
        return options
    }

    /// Polling every `interval` at first, backing off to every 5 s (or `interval`, if longer).
    func policy(pace: Double = 1) -> PollingPolicy {
        PollingPolicy(
            initialInterval: .milliseconds(Int(interval * pace * 1000)), maximumInterval: .seconds(max(5, interval * pace)),
            timeout: .milliseconds(Int(timeout * 1000)))
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

    let process: ExportProcess
    if let port = options.notifyPort {
        process = try await NotifyReceiver.serving(port: port) { notifyURL, notifications in
            let started = try await startExport(with: client, notifyURL: notifyURL)
            // Resolves on the first of: a call of the notify URL naming this process (then one status
            // read confirms it), or polling at a tenth of the pace.
            let process = try await client.wait(
                for: Jobs.job(for: started), id: started.processID, notifications: notifications, policy: options.policy(pace: 10))
            if await !notifications.hasArrived(started.processID) {
                print("no notification came: process \(started.processID) finished by polling")
            }
            return process
        }
    } else {
        let started = try await startExport(with: client, notifyURL: nil)
        process = try await follow(started, with: client, policy: options.policy())
    }
    guard let url = process.exportURL else {
        throw DemoError("process \(process.id) completed without an export URL")
    }
    print("export URL: \(url)")
    if let folder = options.downloadFolder {
        try await download(url, into: folder, with: client)
    }
}

/// Starts the export (generated at build time, JobsClient); `notifyURL` is called when it completes.
func startExport(with client: APIClient, notifyURL: String?) async throws -> ExportStarted {
    let started = try await client.send(Jobs.startContactExport(body: ContactExport(
        exportAttributes: ["EMAIL", "FIRSTNAME"],
        customContactFilter: .init(actionForContacts: .allContacts),
        notifyURL: notifyURL)))
    print("export started: process \(started.processID)")
    return started
}

/// Polls the export's process until it ends, printing each status it passes through.
func follow(_ started: ExportStarted, with client: APIClient, policy: PollingPolicy) async throws -> ExportProcess {
    // Inferred from jobs.yaml (no x-job-status in it): `Jobs.job(for:)` polls getExportProcess until
    // `completed`, or `failed`, which jobs.overlay.yaml adds to the published status enum.
    var finished: ExportProcess?
    for try await snapshot in client.snapshots(of: Jobs.job(for: started), policy: policy) {
        if snapshot.state.isTerminal {
            finished = snapshot.value
        } else {
            print("process \(snapshot.value.id): \(snapshot.state.status)")
        }
    }
    // Equivalent without the progress lines: `try await client.wait(for: Jobs.job(for: started))`.
    guard let finished else { throw DemoError("process \(started.processID) was not followed to its end") }
    return finished
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
