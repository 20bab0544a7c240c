// swift-tools-version:6.0
// A consumer of ClientGen: imports the committed BrevoAPI module, and generates its own client
// (JobsClient) at build time with ClientGenPlugin from the specs in Sources/JobsClient.
import PackageDescription

let package = Package(
    name: "JobsDemo",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "ClientGen", path: "../.."),
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
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
