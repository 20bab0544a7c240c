// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ClientGen",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .executable(name: "clientgen", targets: ["clientgen"]),
        .library(name: "ClientRuntime", targets: ["ClientRuntime"]),
        // Opt-in runtime extras, separate so apps that do not use them never build swift-log or AsyncHTTPClient.
        .library(name: "ClientRuntimeLogging", targets: ["ClientRuntimeLogging"]),
        .library(name: "ClientRuntimeAsyncHTTPClient", targets: ["ClientRuntimeAsyncHTTPClient"]),
        // Receiving webhooks: signature checks (swift-crypto's HMAC), and a route for Hummingbird servers.
        .library(name: "ClientRuntimeWebhooks", targets: ["ClientRuntimeWebhooks"]),
        .library(name: "WebhookReceiverHummingbird", targets: ["WebhookReceiverHummingbird"]),
        .library(name: "BrevoAPI", targets: ["BrevoAPI"]),
        .library(name: "InstantlyAPI", targets: ["InstantlyAPI"]),
        // Generate a client at build time from specs in a target's folder (see Plugins/README.md).
        .plugin(name: "ClientGenPlugin", targets: ["ClientGenPlugin"]),
        // `swift package --allow-writing-to-package-directory generate-clients`: rewrite Generated/.
        .plugin(name: "GenerateClients", targets: ["GenerateClients"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // Generator pipeline: YAML bytes → node tree → OpenAPI document → Swift IR → text → files.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAML", dependencies: ["CYAML"]),
        // OpenAPI Overlay 1.0/1.1 and RFC 9535 JSONPath: YAML nodes in, YAML nodes out, before the OpenAPI reader.
        .target(name: "Overlay", dependencies: ["YAML"]),
        .target(name: "OpenAPI", dependencies: ["YAML"]),
        .target(name: "ClientGenCore", dependencies: ["OpenAPI", "Overlay"]),
        .executableTarget(
            name: "clientgen",
            dependencies: [
                "ClientGenCore", "OpenAPI", "YAML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .plugin(name: "ClientGenPlugin", capability: .buildTool(), dependencies: ["clientgen"]),
        .plugin(
            name: "GenerateClients",
            capability: .command(
                intent: .custom(verb: "generate-clients", description: "Regenerate the output folders listed in clientgen.yaml."),
                permissions: [
                    .writeToPackageDirectory(
                        reason: "generate-clients rewrites the generated modules listed in clientgen.yaml (e.g. Generated/BrevoAPI); it replaces only files ClientGen generated")
                ]),
            dependencies: ["clientgen"]
        ),

        // What generated code imports; no dependency beyond Foundation.
        .target(name: "ClientRuntime"),
        .target(name: "ClientRuntimeLogging", dependencies: [
            "ClientRuntime",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "ClientRuntimeWebhooks", dependencies: [
            "ClientRuntime",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "WebhookReceiverHummingbird", dependencies: [
            "ClientRuntime", "ClientRuntimeWebhooks",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .target(name: "ClientRuntimeAsyncHTTPClient", dependencies: [
            "ClientRuntime",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),

        // Generated, committed clients (regenerate with `swift run clientgen generate`).
        .target(name: "BrevoAPI", dependencies: ["ClientRuntime"], path: "Generated/BrevoAPI"),
        .target(name: "InstantlyAPI", dependencies: ["ClientRuntime"], path: "Generated/InstantlyAPI"),
        // Not a product: the constructs the seed APIs do not use, for GeneratedClientTests (specs/features.yaml).
        .target(name: "FeaturesAPI", dependencies: ["ClientRuntime"], path: "Generated/FeaturesAPI"),

        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "OverlayTests", dependencies: ["Overlay", "YAML"]),
        .testTarget(name: "OpenAPITests", dependencies: ["OpenAPI"]),
        .testTarget(name: "ClientGenCoreTests", dependencies: ["ClientGenCore", "OpenAPI"], exclude: ["Fixtures", "Diagnostics"]),
        // Hostile specs, limits, atomic output, injection-proof code, runtime safety (see scripts/fuzz too).
        .testTarget(
            name: "HostileInputTests", dependencies: ["YAML", "OpenAPI", "ClientGenCore", "ClientRuntime", "clientgen"],
            exclude: ["Fixtures"]),
        // A real HTTP server on 127.0.0.1 for the client tests; not a product, so apps never build it.
        .target(
            name: "TestHTTPServer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/TestHTTPServer"
        ),
        .testTarget(name: "ClientRuntimeTests", dependencies: [
            "ClientRuntime", "TestHTTPServer",
            // Builds swift-log and AsyncHTTPClient for the logging and transport tests.
            "ClientRuntimeLogging", "ClientRuntimeAsyncHTTPClient",
            .product(name: "InMemoryLogging", package: "swift-log"),
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        // Fixture specs generated like Generated/ (Tests/FixtureClients/clientgen.yaml), sent over HTTP by GeneratedClientTests.
        .target(name: "QueryStylesAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/QueryStylesAPI"),
        .target(name: "CookiesAndListsAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/CookiesAndListsAPI"),
        .target(name: "FormBodiesAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/FormBodiesAPI"),
        .target(name: "UnionsAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/UnionsAPI"),
        .target(name: "NullabilityAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/NullabilityAPI"),
        .target(name: "InferredJobsAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/InferredJobsAPI"),
        .target(name: "InferredPagesAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/InferredPagesAPI"),
        .target(name: "EnumConstantsAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/EnumConstantsAPI"),
        .target(name: "FilteredAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/FilteredAPI"),
        .target(name: "WebhooksAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/WebhooksAPI"),
        .target(name: "StreamingAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/StreamingAPI"),
        .target(name: "UnknownMembersAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/UnknownMembersAPI"),
        .target(name: "ModelConformanceAPI", dependencies: ["ClientRuntime"], path: "Tests/FixtureClients/ModelConformanceAPI"),
        // `access: package`, `additionalImports` and `typeOverrides`: Money is FixtureSupport's own type.
        .target(name: "FixtureSupport", path: "Tests/FixtureClients/FixtureSupport"),
        .target(name: "ClientOptionsAPI", dependencies: ["ClientRuntime", "FixtureSupport"], path: "Tests/FixtureClients/ClientOptionsAPI"),
        .testTarget(name: "GeneratedClientTests", dependencies: [
            "BrevoAPI", "InstantlyAPI", "FeaturesAPI", "TestHTTPServer", "QueryStylesAPI", "CookiesAndListsAPI", "FormBodiesAPI", "UnionsAPI", "NullabilityAPI",
            "InferredJobsAPI", "InferredPagesAPI", "EnumConstantsAPI", "ClientOptionsAPI", "FixtureSupport", "FilteredAPI", "WebhooksAPI", "StreamingAPI", "UnknownMembersAPI", "ModelConformanceAPI",
            "ClientRuntimeWebhooks", "WebhookReceiverHummingbird", "ClientRuntimeAsyncHTTPClient",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
