import Foundation
import Testing

/// Runs the built `loopx` binary in a throw-away HOME, the way a user would.
struct LoopXRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary under test: `$LOOPX_BIN`, else the package's debug build.
    static var binary: String {
        if let fromEnv = ProcessInfo.processInfo.environment["LOOPX_BIN"], !fromEnv.isEmpty { return fromEnv }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/loopx").path
    }

    /// A fresh temporary directory used as HOME (and usually as the project root).
    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("loopx-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// Runs `loopx ARGS` (or `executable ARGS`) with HOME set to the temporary home and a fixed
    /// clock unless overridden.
    @discardableResult
    func run(
        _ arguments: [String], cwd: URL? = nil, stdin: String? = nil, environment extra: [String: String] = [:],
        binary: String = LoopXRunner.binary
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = cwd ?? home
        var env = [
            "HOME": home.path, "PATH": "/usr/local/bin:/usr/bin:/bin", "LOOPX_NOW": "2026-01-01T08:00:00Z",
            "LANG": "C.UTF-8",
        ]
        for (key, value) in extra { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes a file under HOME, creating directories.
    func write(_ relativePath: String, _ text: String) throws {
        let url = home.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: home.appendingPathComponent(relativePath), encoding: .utf8)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: home)
    }
}
