import Foundation
import LoopXSupport
import Testing
import LoopXRules

@Suite struct DoctorTests {
    @Test func reportsOkAsJSONWithEveryCheck() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["--format", "json", "doctor", "--runtime-root", runner.home.path + "/rt"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        #expect(json["ok"] == .bool(true))
        let names = json["checks"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(names == [
            "binary", "local_bin_on_path", "libyaml", "rules", "runtime_root", "store",
            "release_snapshot", "canary", "skill", "install_freshness", "global_registry_writable",
        ])
        // Nothing is installed in the fresh HOME: the install checks warn with a fix, never fail.
        let install = json["checks"]?.arrayValue?.filter { ["release_snapshot", "canary", "skill"].contains($0["name"]?.stringValue ?? "") } ?? []
        #expect(install.count == 3 && install.allSatisfy { $0["ok"] == false && $0["required"] == false && $0["fix"] != nil })
        #expect(json["install"]?["install_freshness"]?["status"] == "missing")
        #expect(json["install"]?["current_invocation"]?["source"] == "live_checkout")
    }

    /// A hand-made install: a release snapshot linked as the default command, a canary, a skill.
    static func fakeInstall(_ runner: LoopXRunner, releaseID: String, buildDate: String, skill: String) throws {
        let release = ".local/share/loopx/releases/\(releaseID)"
        try runner.write(release + "/bin/loopx", "#!/bin/sh\nexit 0\n")
        try runner.write(release + "/manifest.json", "{\"build_date\": \"\(buildDate)\", \"commit\": \"0123456789abcdef\"}\n")
        try runner.write(release + "/skills/loopx-project/SKILL.md", "# skill v2\n")
        try runner.write(".codex/skills/loopx-project/SKILL.md", skill)
        try runner.write(".local/bin/loopx-canary", "#!/bin/sh\nexit 0\n")
        let fm = FileManager.default
        let home = runner.home.path
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: home + "/" + release + "/bin/loopx")
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: home + "/.local/bin/loopx-canary")
        try fm.createSymbolicLink(atPath: home + "/.local/bin/loopx", withDestinationPath: home + "/" + release + "/bin/loopx")
    }

    static func check(_ json: JSONValue, _ name: String) -> JSONValue? {
        json["checks"]?.arrayValue?.first { $0["name"]?.stringValue == name }
    }

    @Test func recognisesAReleaseSnapshotCanarySkillAndFreshness() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try Self.fakeInstall(runner, releaseID: "20251231T000000Z", buildDate: "2025-12-31T00:00:00Z", skill: "# skill v2\n")
        let result = try runner.run(["doctor", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        #expect(Self.check(json, "release_snapshot")?["ok"] == true)
        #expect(Self.check(json, "release_snapshot")?["detail"]?.stringValue?.contains("release 20251231T000000Z (commit 0123456789ab") == true)
        #expect(Self.check(json, "canary")?["ok"] == true)
        #expect(Self.check(json, "skill")?["ok"] == true)
        #expect(Self.check(json, "install_freshness")?["ok"] == true)
        #expect(json["install"]?["install_freshness"]?["release_age_hours"] == .double(32))
        #expect(json["install"]?["default_release"]?["id"] == "20251231T000000Z")
    }

    @Test func warnsAboutAStaleReleaseAndAnOutdatedSkill() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try Self.fakeInstall(runner, releaseID: "20251201T000000Z", buildDate: "2025-12-01T00:00:00Z", skill: "# skill v1\n")
        let result = try runner.run(["doctor", "--format", "json", "--runtime-root", runner.home.path + "/rt"])
        #expect(result.status == 0, "warnings do not fail doctor: \(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        let freshness = Self.check(json, "install_freshness")
        #expect(freshness?["ok"] == false)
        #expect(freshness?["detail"]?.stringValue?.contains("752.0 h old, older than 168 h") == true)
        #expect(freshness?["fix"]?.stringValue?.contains("install-local.sh") == true)
        #expect(json["install"]?["install_freshness"]?["requires_upgrade"] == true)
        #expect(Self.check(json, "skill")?["ok"] == false)
        #expect(Self.check(json, "skill")?["detail"]?.stringValue?.contains("differs from") == true)
    }

    @Test func aReadOnlyGlobalRegistryFailsDoctor() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write("rt/registry.global.json", "{}\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: runner.home.path + "/rt/registry.global.json")
        let result = try runner.run(["doctor", "--format", "json", "--runtime-root", runner.home.path + "/rt"])
        let json = try JSONParser.parse(result.stdout)
        // root can write anything; the check is only meaningful for ordinary users.
        if getuid() != 0 {
            #expect(result.status == 1)
            #expect(Self.check(json, "global_registry_writable")?["ok"] == false)
        } else {
            #expect(Self.check(json, "global_registry_writable")?["ok"] == true)
        }
    }

    @Test func failsWithAFixWhenTheRuntimeRootCannotBeCreated() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        // A regular file where a directory is needed: no user, not even root, can create it.
        try runner.write("blocker", "not a directory")
        let result = try runner.run(["doctor", "--format", "json", "--runtime-root", runner.home.path + "/blocker/rt"])
        #expect(result.status == 1)
        let json = try JSONParser.parse(result.stdout)
        #expect(json["ok"] == .bool(false))
        #expect(json["fix"]?.stringValue?.contains("--runtime-root") == true)
    }

    @Test func usageErrorsExitWithTwo() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["doctor", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-flag"))
        let badNow = try runner.run(["--now", "yesterday", "doctor"])
        #expect(badNow.status == 2)
        #expect(badNow.stderr.contains("RFC 3339"))
    }
}
