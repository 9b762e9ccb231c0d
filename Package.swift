// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "loopx",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "loopx", targets: ["loopx"]),
        // `loopx mcp` runs this executable (beside loopx): the MCP SDK brings Foundation's
        // networking (libcurl and its libraries), which would double loopx's start-up.
        .executable(name: "loopx-mcp", targets: ["loopx-mcp"]),
        .library(name: "LoopXSupport", targets: ["LoopXSupport"]),
        .library(name: "LoopXRules", targets: ["LoopXRules"]),
        .library(name: "LoopXCore", targets: ["LoopXCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        // Only for the tests' pipe transport (FileDescriptor); the SDK depends on it already.
        .package(url: "https://github.com/apple/swift-system.git", from: "1.0.0"),
        // The shared PostgreSQL store (issue 20), linked only into the executables.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // File system, JSON, timestamps and positioned diagnostics: what both libraries stand on.
        .target(name: "LoopXSupport"),
        .target(
            name: "LoopXRules",
            dependencies: ["CYaml", "LoopXSupport"]
        ),
        .target(
            name: "LoopXCore",
            dependencies: ["LoopXRules", "LoopXSupport"]
        ),
        // The HTTP server of `serve-status`, kept out of LoopXCore so the domain has no server framework.
        .target(
            name: "LoopXServer",
            dependencies: [
                "LoopXCore", "LoopXRules", "LoopXSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The Claude Code hook and the agent wiring: no protocol SDK, so the hook starts as fast as should-run.
        .target(
            name: "LoopXAgents",
            dependencies: ["LoopXCore", "LoopXRules", "LoopXSupport"]
        ),
        // The MCP server of `loopx mcp`, kept in its own target so the heartbeat path has no protocol SDK.
        .target(
            name: "LoopXMCP",
            dependencies: [
                "LoopXCore", "LoopXRules", "LoopXSupport",
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        // The PostgreSQL store behind LoopXCore's store seam; LoopXCore itself stays free of NIO and Postgres.
        .target(
            name: "LoopXPostgres",
            dependencies: [
                "LoopXCore", "LoopXRules", "LoopXSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "loopx-mcp", dependencies: ["LoopXMCP", "LoopXPostgres", "LoopXSupport"]),
        .executableTarget(
            name: "loopx",
            dependencies: [
                "LoopXCore",
                "LoopXRules",
                "LoopXSupport",
                "LoopXServer",
                "LoopXAgents",
                "LoopXPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Every heartbeat starts loopx: a fully static release executable skips the dynamic
            // loader (binding libstdc++ and libc) — about a sixth of should-run's start-up
            // (docs/benchmarks.md). loopx-mcp stays dynamic: it needs the system's libcurl.
            linkerSettings: [.unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(
            name: "LoopXRulesTests", dependencies: ["LoopXRules", "LoopXSupport"],
            // Fixture files are read from the source tree (located through #filePath).
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "LoopXCoreTests", dependencies: ["LoopXCore", "LoopXRules", "LoopXSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "EndToEndTests", dependencies: ["LoopXCore", "LoopXRules", "LoopXSupport"]),
        .testTarget(name: "LoopXPostgresTests", dependencies: ["LoopXPostgres", "LoopXCore", "LoopXRules", "LoopXSupport"]),
        .testTarget(name: "LoopXServerTests", dependencies: ["LoopXServer", "LoopXCore", "LoopXRules", "LoopXSupport"]),
        .testTarget(
            name: "LoopXMCPTests",
            dependencies: [
                "LoopXAgents", "LoopXCore", "LoopXRules", "LoopXSupport", .product(name: "MCP", package: "swift-sdk"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
