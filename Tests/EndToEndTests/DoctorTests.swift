import Foundation
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
        #expect(names == ["binary", "local_bin_on_path", "libyaml", "rules", "runtime_root"])
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
