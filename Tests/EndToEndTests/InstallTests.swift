import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// `scripts/install-local.sh` end to end, in a temporary HOME, from a clone of this repository:
/// a clean clone at main promotes a release, a rerun changes nothing, `doctor` is ok and the
/// installed release runs the demo; a dirty clone installs only the canary. Release builds
/// are slow, so this runs only with LOOPX_SLOW_TESTS=1 (scripts/test.sh sets it when CI=true).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["LOOPX_SLOW_TESTS"] == "1"), .serialized)
struct InstallTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Shell {
        var home: URL
        var environment: [String: String]

        init(home: URL) {
            self.home = home
            let real = ProcessInfo.processInfo.environment
            let swiftDir = (real["PATH"] ?? "").split(separator: ":").map(String.init).first {
                FileManager.default.isExecutableFile(atPath: $0 + "/swift")
            }
            var env = [
                "HOME": home.path, "PATH": [swiftDir, "/usr/local/bin", "/usr/bin", "/bin"].compactMap { $0 }.joined(separator: ":"),
                "SHELL": "/bin/bash", "LANG": "C.UTF-8", "TMPDIR": home.path + "/tmp",
            ]
            // Reuse the user's SwiftPM cache so the clone resolves its dependency without the network.
            if let realHome = real["HOME"] { env["XDG_CACHE_HOME"] = real["XDG_CACHE_HOME"] ?? realHome + "/.cache" }
            environment = env
        }

        @discardableResult
        func run(_ command: String, cwd: URL? = nil) throws -> LoopXRunner.Result {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", command]
            process.currentDirectoryURL = cwd ?? home
            process.environment = environment
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return .init(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
        }
    }

    /// Every path under HOME outside the clone, with its kind, size, link target and mtime.
    static func state(_ home: URL) -> [String] {
        let fm = FileManager.default
        let paths = fm.enumerator(atPath: home.path)?.compactMap { $0 as? String } ?? []
        return paths.filter { !$0.hasPrefix("src") && !$0.hasPrefix("tmp") }.sorted().map { path in
            let full = home.path + "/" + path
            let attributes = (try? fm.attributesOfItem(atPath: full)) ?? [:]
            let link = (try? fm.destinationOfSymbolicLink(atPath: full)) ?? ""
            let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path) \(attributes[.type] ?? "") \(attributes[.size] ?? "") \(link) \(mtime)"
        }
    }

    @Test func cleanClonePromotesRerunChangesNothingDirtyCloneInstallsOnlyTheCanary() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("loopx-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let shell = Shell(home: home)
        let clone = home.appendingPathComponent("src/loopx")
        let cloned = try shell.run("git clone -q \"\(Self.repoRoot.path)\" src/loopx && git -C src/loopx checkout -q -B main")
        #expect(cloned.status == 0, "\(cloned.stderr)")

        let first = try shell.run("scripts/install-local.sh", cwd: clone)
        #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        #expect(first.stdout.contains("published release"))
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: home.path + "/.local/bin/loopx")
        #expect(link.hasPrefix(home.path + "/.local/share/loopx/releases/") && link.hasSuffix("/bin/loopx"))
        let release = URL(fileURLWithPath: link).deletingLastPathComponent().deletingLastPathComponent()
        for part in ["bin/loopx-mcp", "Rules/pipeline.yaml", "docs", "skills/loopx-project/SKILL.md", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: release.path + "/" + part), "snapshot lacks \(part)")
        }
        let head = try shell.run("git rev-parse HEAD", cwd: clone).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let manifest = try JSONParser.parse(try String(contentsOf: release.appendingPathComponent("manifest.json"), encoding: .utf8))
        #expect(manifest["commit"]?.stringValue == head)
        #expect(FileManager.default.isExecutableFile(atPath: home.path + "/.local/bin/loopx-canary"))
        #expect(FileManager.default.fileExists(atPath: home.path + "/.codex/skills/loopx-project/SKILL.md"))
        let profile = try String(contentsOf: home.appendingPathComponent(".bashrc"), encoding: .utf8)
        #expect(profile.components(separatedBy: "added by loopx install-local.sh").count == 2)

        let before = Self.state(home)
        let second = try shell.run("scripts/install-local.sh", cwd: clone)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("loopx already at \(head)"))
        #expect(Self.state(home) == before, "a rerun changed the install")

        let doctor = try shell.run("PATH=\"$HOME/.local/bin:$PATH\" loopx --format json doctor")
        #expect(doctor.status == 0, "\(doctor.stdout)")
        let report = try JSONParser.parse(doctor.stdout)
        #expect(report["ok"] == true)
        for name in ["release_snapshot", "canary", "skill", "install_freshness", "rules", "local_bin_on_path"] {
            let check = report["checks"]?.arrayValue?.first { $0["name"]?.stringValue == name }
            #expect(check?["ok"] == true, "\(name): \(check?["detail"]?.stringValue ?? "missing")")
        }
        #expect(report["install"]?["current_invocation"]?["source"] == "release_snapshot")

        // The README's quick start: the installed release runs the tour with its own Rules/.
        let demo = try shell.run("\"$HOME/.local/bin/loopx\" demo")
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("- decision: **"))

        try "scratch\n".write(to: clone.appendingPathComponent("DIRTY.txt"), atomically: true, encoding: .utf8)
        let dirty = try shell.run("scripts/install-local.sh", cwd: clone)
        #expect(dirty.status == 0, "\(dirty.stderr)")
        #expect(dirty.stdout.contains("did not promote a release: the checkout has uncommitted changes"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: home.path + "/.local/bin/loopx") == link)
        let releases = try FileManager.default.contentsOfDirectory(atPath: home.path + "/.local/share/loopx/releases")
        #expect(releases.filter { !$0.hasPrefix(".") }.count == 1)
        let canary = try shell.run("\"$HOME/.local/bin/loopx-canary\" --version")
        #expect(canary.status == 0, "\(canary.stderr)")
    }
}
