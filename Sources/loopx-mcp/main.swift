import LoopXCore
import LoopXMCP
import LoopXPostgres
#if canImport(Glibc)
import Glibc
#endif

/// Writes one line to standard error.
func printError(_ text: String) {
    let bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

// `loopx mcp` execs this program with its options; run directly it takes the same ones.
LoopXPostgres.register()
atexit { SharedStores.shutdown() }
do {
    let configuration = try MCPServerConfiguration.parse(Array(CommandLine.arguments.dropFirst()))
    // Bad settings (e.g. --now) fail before serving.
    _ = try LoopXContext(environment: .current(), settings: configuration.settings)
    try await LoopXMCPServer.run(configuration)
} catch let failure as CommandFailure {
    printError(failure.description)
    exit(failure.status.rawValue)
} catch {
    printError("error: \(error)")
    exit(1)
}
