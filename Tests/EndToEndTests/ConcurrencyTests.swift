import Foundation
import Testing

/// The short form of `scripts/stress.sh`: concurrent CLI writers on one index and one state
/// file; the script itself asserts every line parses, none is lost, no todo is granted twice.
@Suite struct ConcurrencyTests {
    @Test func concurrentWritersNeitherLoseRowsNorDoubleGrantClaims() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("scripts/stress.sh").path, "4", "20"]
        process.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LOOPX_BIN": LoopXRunner.binary, "TMPDIR": NSTemporaryDirectory()]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("stress ok: 80 rows"))
    }
}
