import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

@Suite struct BoundaryScannerTests {
    @Test func scansEveryListedFileKindAndNothingElse() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        let line = "key \(Planted.awsKey)\n"
        for name in ["a.md", "b.py", "c.toml", "d.json", "e.yaml", "f.yml", "g.sh"] { try tree.write("src/\(name)", line) }
        for name in ["h.txt", "i.swift", "settings.local.json", "Makefile"] { try tree.write("src/\(name)", line) }
        let result = tree.scan()
        #expect(result.filesScanned == 7)
        #expect(result.findings.map(\.path) == ["src/a.md", "src/b.py", "src/c.toml", "src/d.json", "src/e.yaml", "src/f.yml", "src/g.sh"])
        #expect(result.findings.allSatisfy { $0.rule == .credential && $0.line == 1 && $0.severity == .error })
        #expect(result.countsByRule[.credential] == 7)
        #expect(!result.clean)
    }

    @Test func skipsGeneratedVendoredAndEnvironmentDirectories() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        let line = "ip \(Planted.privateIP)\n"
        let skipped = [
            ".git", ".build", "node_modules/pkg", "build", "dist", ".venv", "venv", "__pycache__", ".pytest_cache",
            ".ruff_cache", "runtime", "tool.egg-info", "env-custom",
        ]
        for directory in skipped { try tree.write("\(directory)/leak.md", line) }
        try tree.write("env-custom/pyvenv.cfg", "home = /usr/bin\n")
        try tree.write("docs/ok.md", "nothing private here\n")
        let result = tree.scan()
        #expect(result.findings.isEmpty)
        #expect(result.clean)
        #expect(result.filesScanned == 1)
        #expect(result.skipped.directories == skipped.count)
    }

    @Test func untrackedPrivateStateIsSkippedNotScanned() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        let line = "key \(Planted.awsKey)\n"
        try tree.write(".loopx/registry.json", line)
        try tree.write(".codex/goals/g/ACTIVE_GOAL_STATE.md", line)
        try tree.write(".local/notes.md", line)
        try tree.write("docs/ACTIVE_GOAL_STATE.md", line)
        let result = tree.scan()
        #expect(result.findings.isEmpty)
        #expect(result.skipped.privateState == 4)
        #expect(result.filesScanned == 0)
    }

    @Test func binaryAndOversizedFilesAreSkippedOtherEncodingsAreScanned() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("blob.json", bytes: [0x7B, 0x00, 0x20] + Array(Planted.awsKey.utf8))
        try tree.write("latin.md", bytes: [0x63, 0x61, 0x66, 0xE9, 0x20] + Array(Planted.awsKey.utf8))
        try tree.write("docs/logo.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x20] + Array(Planted.awsKey.utf8))
        try tree.write("big.md", String(repeating: "x", count: 2048) + Planted.awsKey)
        try tree.write("small.md", "fine\n")
        let result = tree.scan(maxFileBytes: 1024)
        #expect(result.findings.map(\.rendered) == ["blob.json:1: credential", "latin.md:1: credential"])
        #expect(result.skipped.binary == 1)
        #expect(result.binaryFiles == ["docs/logo.md"])
        #expect(result.skipped.tooLarge == 1)
        #expect(result.warnings == [BoundaryWarning(code: "file_too_large", path: "big.md")])
        #expect(result.filesScanned == 3)
        #expect(result.json["binary_files"] == ["docs/logo.md"])
        #expect(result.json["files_skipped"]?["binary"] == 1)
    }

    @Test func scanPathsNarrowTheScanAndKeepPathsRelativeToTheRoot() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("docs/a.md", "ip \(Planted.privateIP)\n")
        try tree.write("src/b.md", "ip \(Planted.privateIP)\n")
        try tree.write("notes.txt", "ip \(Planted.privateIP)\n")
        let result = tree.scan(roots: [tree.path + "/docs", tree.path + "/notes.txt"])
        #expect(result.scanRoots == ["docs", "notes.txt"])
        #expect(result.findings.map(\.rendered) == ["docs/a.md:1: private_ip", "notes.txt:1: private_ip"])
    }

    @Test func countsDowngradedReferencesWithoutListingThem() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("deploy.sh", "export TOKEN=$GITHUB_TOKEN\ncurl -H \"Authorization: Bearer $TOKEN\"\n")
        let result = tree.scan()
        #expect(result.findings.isEmpty)
        #expect(result.clean)
        #expect(result.referencesDowngraded == 2)
    }

    @Test func resultJSONNeverContainsTheSecrets() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("a.md", "k \(Planted.awsKey)\nhost \(Planted.privateIP)\npassword=\"\(Planted.longToken)\"\n")
        let result = tree.scan()
        #expect(result.findings.count == 3)
        let text = JSONWriter().string(result.json)
        for secret in [Planted.awsKey, Planted.privateIP, Planted.longToken] { #expect(!text.contains(secret)) }
        #expect(text.contains("\"rule\":\"private_ip\""))
    }
}
