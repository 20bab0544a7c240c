// swift-tools-version:6.0
// A consumer of ClientGen: imports the committed BrevoAPI module, and generates its own client
// (JobsClient) at build time with ClientGenPlugin from the specs in Sources/JobsClient.
// `--notify-port` serves the export's notify URL with Hummingbird, so a clean build also compiles
// Hummingbird and SwiftNIO: about three times as long as the clients alone (2 cores).
import PackageDescription

let package = Package(
    name: "JobsDemo",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "ClientGen", path: "../.."),
        // Hummingbird for --notify-port's listener; swift-log and swift-service-lifecycle come with it,
        // named here because jobs-demo imports them.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // Specs + clientgen.yaml (+ one placeholder .swift file, see README there); code generated at build time.
        .target(
            name: "JobsClient",
            dependencies: [.product(name: "ClientRuntime", package: "ClientGen")],
            exclude: ["README.md"],
            plugins: [.plugin(name: "ClientGenPlugin", package: "ClientGen")]
        ),
        .executableTarget(
            name: "jobs-demo",
            dependencies: [
                "JobsClient",
                .product(name: "BrevoAPI", package: "ClientGen"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
