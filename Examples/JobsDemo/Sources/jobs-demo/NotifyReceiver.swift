// --notify-port: the export's notify URL, served on 127.0.0.1 by Hummingbird while jobs-demo waits.
import Foundation
import Hummingbird
import JobsClient
import Logging
import ServiceLifecycle

/// What the notify URL's call carries, as far as jobs-demo needs it. Brevo documents no body for
/// the call; this reads the id as the export's response names it (`processId`), which is what
/// scripts/brevo-stub-server.py sends. Any other members are ignored.
struct ExportNotification: Decodable, Sendable {
    var processId: Int64
}

enum NotifyReceiver {
    static let path = "/notify/export"

    /// Listens on 127.0.0.1:`port` (0: any free port) while `body` runs, and stops listening when it
    /// returns or throws, after answering the calls under way. `body` gets the notify URL to give the
    /// export and the notifications that its calls deliver, by process id.
    static func serving<T>(
        port: Int, _ body: (_ notifyURL: String, _ notifications: JobNotifications<Int64>) async throws -> T
    ) async throws -> T {
        let notifications = JobNotifications<Int64>()
        let router = Router()
        // Brevo does not sign the call, so a plain route does (`router.webhook(_:verifier: nil, …)` of
        // WebhookReceiverHummingbird would too, but builds swift-crypto for the signatures it skips).
        // Answers 204 once the notification is delivered; 400 to a body that does not decode.
        router.post(RouterPath(path)) { request, context -> HTTPResponse.Status in
            let call = try await request.decode(as: ExportNotification.self, context: context)
            print("notified: process \(call.processId) finished")
            await notifications.deliver(call.processId)
            return .noContent
        }
        let (boundPorts, bound) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "jobs-demo.notify")
        logger.logLevel = .warning  // no "server started" lines between the demo's own
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in
                bound.yield(channel.localAddress?.port ?? 0)
                bound.finish()
            },
            logger: logger
        )
        // A service group of its own, to stop gracefully: cancelling `app.run()` could cut the answer
        // to the call that ended the wait, and logs the cancellation as an error.
        let listener = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { bound.finish() }
                try await listener.run()
            }
            var ports = boundPorts.makeAsyncIterator()
            guard let listening = await ports.next(), listening > 0 else {
                _ = try await group.next()  // rethrows why the listener stopped, e.g. a port in use
                throw DemoError("could not listen on 127.0.0.1:\(port) for the notify URL")
            }
            // Either way the task group then waits for the listener to close, so the process can exit.
            do {
                let result = try await body("http://127.0.0.1:\(listening)\(path)", notifications)
                await listener.triggerGracefulShutdown()
                return result
            } catch {
                await listener.triggerGracefulShutdown()
                throw error
            }
        }
    }
}
