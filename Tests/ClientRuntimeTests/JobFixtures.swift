import ClientRuntime
import Foundation
import Hummingbird
import TestHTTPServer

// Brevo- and Instantly-like job resources for the polling and pagination tests: models shaped like
// the generated ones, scripted status sequences served by the test server, and scenario reporting.

enum BrevoProcessStatus: OpenEnum {
    case queued, processing, completed, failed
    case unknown(String)

    init(rawValue: String) {
        switch rawValue {
        case "queued": self = .queued
        case "processing": self = .processing
        case "completed": self = .completed
        case "failed": self = .failed
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: String {
        switch self {
        case .queued: "queued"
        case .processing: "processing"
        case .completed: "completed"
        case .failed: "failed"
        case .unknown(let value): value
        }
    }
}

/// Brevo `GET /processes/{processId}`.
struct BrevoProcess: Codable, Hashable, Sendable {
    var id: Int64
    var name: String
    var status: BrevoProcessStatus
    var exportURL: String?

    enum CodingKeys: String, CodingKey {
        case id, name, status
        case exportURL = "export_url"
    }
}

/// Brevo `GET /processes`.
struct BrevoProcessPage: Codable, Hashable, Sendable {
    var processes: [BrevoProcess]?
    var count: Int64?
}

/// Instantly `GET /api/v2/background-jobs/{id}`.
struct BackgroundJob: Codable, Hashable, Sendable {
    var id: String
    var status: String
    var progress: Double
}

/// Instantly-style cursor page.
struct LeadPage: Codable, Hashable, Sendable {
    var items: [String]
    var nextStartingAfter: String?

    enum CodingKeys: String, CodingKey {
        case items
        case nextStartingAfter = "next_starting_after"
    }
}

enum Jobs {
    static func getProcess(_ id: Int64) -> Request<BrevoProcess> {
        Request(operationID: "getProcess", method: .get, path: "/processes/\(PathSegment.encode(id))", security: [["api-key"]], response: .json)
    }

    /// What the generator emits for Brevo's `x-job-status`: completed succeeds, failed fails, anything else runs.
    static func process(_ id: Int64) -> Job<BrevoProcess> {
        Job(request: getProcess(id)) { process in
            switch process.status {
            case .completed: .succeeded(status: process.status.rawValue)
            case .failed: .failed(status: process.status.rawValue)
            default: .running(status: process.status.rawValue, progress: nil)
            }
        }
    }

    static func backgroundJob(_ id: String) -> Job<BackgroundJob> {
        let request = Request<BackgroundJob>(operationID: "getBackgroundJob", method: .get, path: "/api/v2/background-jobs/\(PathSegment.encode(id))", security: [["bearerAuth"]], response: .json)
        return Job(request: request) { job in
            switch job.status {
            case "success": .succeeded(status: job.status)
            case "failed": .failed(status: job.status)
            default: .running(status: job.status, progress: job.progress)
            }
        }
    }

    /// Fast polling for tests.
    static let fast = PollingPolicy(initialInterval: .milliseconds(20), maximumInterval: .milliseconds(60), multiplier: 1.5, timeout: .seconds(10))

    static let brevoKey = Credential.apiKey(scheme: "api-key", name: "api-key", in: .header, value: "BREVO-SECRET-KEY")
    static let instantlyToken = Credential.bearer(scheme: "bearerAuth", token: "INSTANTLY-SECRET-TOKEN")
}

/// Per-id scripts of status values: poll n gets entry n, the last entry repeats forever.
actor StatusScripts {
    private let scripts: [String: [String]]
    private var polls: [String: Int] = [:]

    init(_ scripts: [String: [String]]) {
        self.scripts = scripts
    }

    func next(_ id: String) -> String? {
        guard let script = scripts[id], !script.isEmpty else { return nil }
        let index = polls[id, default: 0]
        polls[id] = index + 1
        return script[min(index, script.count - 1)]
    }
}

enum JobRoutes {
    /// Brevo processes: status from `scripts`, `export_url` once completed.
    static func processes(_ scripts: StatusScripts) -> (TestServer.Router) -> Void {
        { router in
            router.get("/processes/:id") { _, context in
                let id = context.parameters.get("id") ?? ""
                guard let status = await scripts.next(id) else {
                    return TestServer.json(#"{"code":"document_not_found","message":"Process not found"}"#, status: 404)
                }
                let url = status == "completed" ? #""https://files.example/export-\#(id).csv""# : "null"
                return TestServer.json(#"{"id":\#(id),"name":"export","status":"\#(status)","export_url":\#(url)}"#)
            }
        }
    }

    /// Instantly background jobs: each script entry is `status:progress`.
    static func backgroundJobs(_ scripts: StatusScripts) -> (TestServer.Router) -> Void {
        { router in
            router.get("/api/v2/background-jobs/:id") { _, context in
                let id = context.parameters.get("id") ?? ""
                guard let entry = await scripts.next(id) else {
                    return TestServer.json(#"{"statusCode":404,"error":"Not Found","message":"no job"}"#, status: 404)
                }
                let parts = entry.split(separator: ":")
                return TestServer.json(#"{"id":"\#(id)","status":"\#(parts[0])","progress":\#(parts[1])}"#)
            }
        }
    }
}

/// Prints one line per scenario (requests seen by the server, wall time) for the issue's closing note:
/// `swift test … | grep SCENARIO`.
enum Scenario {
    static func report(_ name: String, requests: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let (seconds, attoseconds) = elapsed.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        print("SCENARIO | \(name) | \(requests) requests | \(milliseconds) ms")
    }
}
