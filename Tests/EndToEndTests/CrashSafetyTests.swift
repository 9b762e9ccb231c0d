import Foundation
import LoopXSupport
import Testing
import LoopXRules
#if canImport(Glibc)
import Glibc
#endif

/// Writers killed with SIGKILL at random points leave every file whole: the registry and the
/// state file each hold exactly one of the two versions being written, never a mix.
@Suite struct CrashSafetyTests {
    @Test func killedRewritesLeaveOldOrNewContent() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        func version(_ n: Int) -> [String] {
            ["bootstrap", "--goal-id", "crash", "--no-global-sync", "--force", "--domain", "domain-\(n)", "--objective", "Objective \(n) " + String(repeating: "x", count: 20_000 * n)]
        }
        var registries = Set<String>()
        var states = Set<String>()
        for n in [1, 2] {
            #expect(try project.run(version(n)).status == 0)
            registries.insert(try project.read(project.registryPath))
            states.insert(try project.read(project.statePath("crash")))
        }
        #expect(registries.count == 2 && states.count == 2)

        var generator = SystemRandomNumberGenerator()
        for round in 0..<24 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: LoopXRunner.binary)
            process.arguments = version(round % 2 + 1)
            process.currentDirectoryURL = project.url
            process.environment = ["HOME": runner.home.path, "LOOPX_NOW": "2026-01-01T08:00:00Z", "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...25_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            let registry = try project.read(project.registryPath)
            let state = try project.read(project.statePath("crash"))
            #expect(registries.contains(registry), "round \(round): registry is neither version")
            #expect(states.contains(state), "round \(round): state file is neither version")
            #expect((try? JSONParser.parse(registry)) != nil)
        }
        // The kernel drops a dead writer's lock: a normal run still succeeds afterwards and
        // clears the temporary files killed writers left behind.
        #expect(try project.run(version(1)).status == 0)
        for dir in [project.path + "/.loopx", project.path + "/.codex/goals/crash"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: dir)
            #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")
        }
    }
}
