import Foundation
import Testing

/// The short form of `scripts/stress.sh`: concurrent CLI writers (refresh-state, reward,
/// spend-slot, todo claim, bootstrap) on one goal, the project and the global registry; the
/// script itself requires 0 failed commands, lost or torn lines, double grants and lost goals.
@Suite struct ConcurrencyTests {
    @Test func concurrentWritersNeitherLoseRowsNorDoubleGrantClaims() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("scripts/stress.sh").path, "4", "30"]
        process.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LOOPX_BIN": LoopXRunner.binary, "TMPDIR": NSTemporaryDirectory()]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("failed commands: 0"))
        #expect(output.contains("stress ok: 4 workers x 30 commands"))
    }
}
