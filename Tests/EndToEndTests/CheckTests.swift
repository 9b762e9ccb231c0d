import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// `loopx check` through the built binary on planted trees.
@Suite struct CheckTests {
    /// Pieces joined at run time so this file holds no literal the scan would flag.
    static let awsKey = "AK" + "IA" + "ZXCVBNMASDFGHJKL"
    static let privateIP = "192" + ".168.77.12"
    static let registry = "{\"schema_version\": \"loopx_registry_v0\", \"goals\": []}\n"

    @Test func findsAPlantedKeyAndAddressAndPrintsNeither() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write("project/.loopx/registry.json", CheckTests.registry)
        try runner.write("project/docs/setup.md", "# Setup\n\nUse key \(CheckTests.awsKey) for uploads.\n")
        try runner.write("project/deploy/hosts.yaml", "hosts:\n  - \(CheckTests.privateIP)\n")
        try runner.write("project/node_modules/dep/README.md", "key \(CheckTests.awsKey)\n")
        let project = runner.home.appendingPathComponent("project")

        let json = try runner.run(["check", "--format", "json"], cwd: project)
        #expect(json.status == 1, "\(json.stderr)")
        let payload = try JSONParser.parse(json.stdout)
        #expect(payload["ok"] == .bool(false))
        let findings = payload["public_boundary_scan"]?["findings"]?.arrayValue ?? []
        let rendered = findings.map { "\($0["path"]?.stringValue ?? ""):\($0["line"]?.intValue ?? -1): \($0["rule"]?.stringValue ?? "")" }
        #expect(rendered == ["deploy/hosts.yaml:2: private_ip", "docs/setup.md:3: credential"])
        #expect(findings.allSatisfy { $0["severity"] == .string("error") })
        #expect(payload["errors"]?.arrayValue?.contains(.string("public boundary hit: docs/setup.md:3: credential")) == true)
        #expect(payload["public_boundary_scan"]?["counts_by_rule"]?["credential"] == .int(1))

        let markdown = try runner.run(["check"], cwd: project)
        #expect(markdown.status == 1)
        #expect(markdown.stdout.contains("docs/setup.md:3: credential"))
        #expect(markdown.stdout.contains("deploy/hosts.yaml:2: private_ip"))

        for result in [json, markdown] {
            for secret in [CheckTests.awsKey, CheckTests.privateIP, "ZXCVBNM", "77.12"] {
                #expect(!result.stdout.contains(secret), "stdout leaks \(secret)")
                #expect(!result.stderr.contains(secret), "stderr leaks \(secret)")
            }
        }
    }

    @Test func aCleanTreeIsOkWithExitZero() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write("project/.loopx/registry.json", CheckTests.registry)
        try runner.write("project/README.md", "Set `TOKEN=$GITHUB_TOKEN` before running.\n")
        let result = try runner.run(
            ["check", "--format", "json", "--runtime-root", runner.home.path + "/rt"],
            cwd: runner.home.appendingPathComponent("project"))
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let payload = try JSONParser.parse(result.stdout)
        #expect(payload["ok"] == .bool(true))
        #expect(payload["public_boundary_scan"]?["clean"] == .bool(true))
        #expect(payload["public_boundary_scan"]?["credential_references_downgraded"] == .int(1))
        let checks = payload["checks"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(checks.contains("public boundary scan clean: 1 files"))
        #expect(result.stderr.isEmpty, "no progress line when stderr is not a terminal")
    }

    @Test func scanRootAndScanPathsChooseWhatIsScanned() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write(".loopx/registry.json", CheckTests.registry)
        try runner.write("tree/docs/a.md", "host \(CheckTests.privateIP)\n")
        try runner.write("tree/src/b.md", "host \(CheckTests.privateIP)\n")
        let result = try runner.run(["check", "--format", "json", "--scan-root", "tree", "--scan-path", "docs"])
        #expect(result.status == 1)
        let payload = try JSONParser.parse(result.stdout)
        #expect(payload["scan_roots"] == .array([.string("docs")]))
        let paths = payload["public_boundary_scan"]?["findings"]?.arrayValue?.compactMap { $0["path"]?.stringValue }
        #expect(paths == ["docs/a.md"])
    }

    @Test func aMissingRegistryIsAnErrorAndABadFlagIsAUsageError() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write("project/README.md", "hello\n")
        let project = runner.home.appendingPathComponent("project")
        let missing = try runner.run(["check", "--format", "json"], cwd: project)
        #expect(missing.status == 1)
        let errors = try JSONParser.parse(missing.stdout)["errors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(errors.contains { $0.hasPrefix("registry unavailable") })
        let usage = try runner.run(["check", "--no-such-flag"], cwd: project)
        #expect(usage.status == 2)
    }
}

/// The registry and run-history parts of `loopx check`, read through the data layer.
@Suite struct CheckRegistryTests {
    @Test func reportsRegistryProblemsBoundaryClassAndInvalidHistoryLines() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let registry = """
            {"schema_version": "loopx_registry_v0", "goals": [
              {"id": "alpha", "repo": ".", "domain": "docs", "state_file": ".codex/goals/alpha/ACTIVE_GOAL_STATE.md",
               "adapter": {"kind": "read_only_project_map_v0"}},
              {"id": "beta", "repo": "."}
            ]}
            """
        try runner.write("project/.loopx/registry.json", registry)
        try runner.write("rt/goals/alpha/runs/index.jsonl", """
            {"generated_at": "2026-01-01T07:00:00Z", "goal_id": "alpha", "classification": "state_refreshed"}
            {not json
            {"generated_at": "2026-01-01T07:30:00Z", "goal_id": "alpha", "classification": "state_refreshed"}

            """)
        let result = try runner.run(
            ["check", "--format", "json", "--runtime-root", runner.home.path + "/rt"],
            cwd: runner.home.appendingPathComponent("project"))
        #expect(result.status == 1)
        let payload = try JSONParser.parse(result.stdout)
        let codes = payload["registry_problems"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        #expect(codes == ["registry_goal_missing_domain", "registry_goal_missing_state_file", "registry_goal_missing_adapter_kind"])
        let errors = payload["errors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(errors.filter { $0.hasPrefix("registry problem: ") }.count == 3)
        #expect(payload["registry_boundary"]?["classification"] == .string("project_local_private_registry"))
        #expect(payload["run_history_invalid_lines"] == .int(1))
        let checks = payload["checks"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(checks.contains("registry goals checked: 2"))
        #expect(checks.contains("run-history goals=1 runs=2"))
        let warnings = payload["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(warnings.contains("invalid run-history lines: alpha: 1"))
    }
}

/// Failure paths of `loopx check` keep the no-secret promise too.
@Suite struct CheckFailureTests {
    @Test func anUnparseableRegistryIsReportedWithoutItsSourceLine() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let key = "AK" + "IA" + "POIUYTREWQLKJHGF"
        try runner.write("project/.loopx/registry.json", "{\"goals\": [\n  {\"id\": \"g\", \"note\": \"\(key)\" oops}\n]}\n")
        try runner.write("project/README.md", "hello\n")
        let result = try runner.run(["check", "--format", "json"], cwd: runner.home.appendingPathComponent("project"))
        #expect(result.status == 1)
        let errors = try JSONParser.parse(result.stdout)["errors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(errors.contains { $0.hasPrefix("registry unavailable: invalid registry JSON") && $0.contains("registry.json:2:") })
        #expect(!result.stdout.contains(key))
        #expect(!result.stderr.contains(key))
    }

    @Test func aMissingScanRootIsAnError() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write(".loopx/registry.json", CheckTests.registry)
        let result = try runner.run(["check", "--format", "json", "--scan-path", "no-such-dir"])
        #expect(result.status == 1)
        let errors = try JSONParser.parse(result.stdout)["errors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(errors == ["scan root does not exist: no-such-dir"])
    }
}
