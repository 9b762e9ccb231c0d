import Testing
@testable import LoopXCore

/// Git-aware behaviour: tracked files of any kind are scanned, tracked private state is a
/// finding, and untracked private state that git does not ignore is a warning.
@Suite struct BoundaryGitTests {
    @Test func trackedPrivateStateIsAFindingAndIsScanned() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        guard try tree.git(["init", "-q"]) else { return }
        try tree.write(".loopx/registry.json", "{\"goals\": []}\n")
        try tree.write(".codex/goals/g/ACTIVE_GOAL_STATE.md", "host \(Planted.privateIP)\n")
        try tree.write(".codex/skills/s/SKILL.md", "a shared skill\n")
        try tree.write("examples/demo/.loopx/registry.json", "{\"goals\": []}\n")
        try tree.write("README.md", "hello\n")
        #expect(try tree.git(["add", "-A"]))
        let result = tree.scan(git: true)
        #expect(result.usedGit)
        #expect(result.findings.map(\.rendered) == [
            ".codex/goals/g/ACTIVE_GOAL_STATE.md:0: tracked_private_state",
            ".codex/goals/g/ACTIVE_GOAL_STATE.md:1: private_ip",
            ".loopx/registry.json:0: tracked_private_state",
        ])
        #expect(result.filesScanned == 5)
    }

    @Test func trackedFilesOfOtherKindsAreScanned() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        guard try tree.git(["init", "-q"]) else { return }
        try tree.write("Sources/App/Config.swift", "let key = \"\(Planted.awsKey)\"\n")
        try tree.write("untracked.swift", "let key = \"\(Planted.awsKey)\"\n")
        try tree.write("logo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00])
        try tree.write("data.bin2", bytes: [0x41, 0x00, 0x42])
        try tree.write("node_modules/x/index.js", "key \(Planted.awsKey)\n")
        #expect(try tree.git(["add", "-f", "Sources", "logo.png", "data.bin2", "node_modules"]))
        let result = tree.scan(git: true)
        #expect(result.findings.map(\.rendered) == ["Sources/App/Config.swift:1: credential"])
        #expect(result.skipped.binary == 2)
        #expect(result.binaryFiles == ["data.bin2", "logo.png"])
        #expect(result.filesScanned == 1)
    }

    @Test func privateStateNotIgnoredIsAWarningUntilGitignored() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        guard try tree.git(["init", "-q"]) else { return }
        try tree.write(".loopx/registry.json", "{}\n")
        let warned = tree.scan(git: true)
        #expect(warned.warnings == [BoundaryWarning(code: "private_state_not_gitignored", path: ".loopx")])
        #expect(warned.clean)
        try tree.write(".gitignore", ".loopx/\n")
        let ignored = tree.scan(git: true)
        #expect(ignored.warnings.isEmpty)
    }

    /// Bootstrap advises `.loopx/` and `.codex/goals/`; following it silences the warning,
    /// whichever spelling the pattern uses, while shared `.codex/skills` stays unflagged.
    @Test(arguments: [".codex/goals/", "/.codex/", ".codex/*", "**/.codex/goals"])
    func followingBootstrapsGitignoreAdviceSilencesTheWarning(_ pattern: String) throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        guard try tree.git(["init", "-q"]) else { return }
        try tree.write(".loopx/registry.json", "{}\n")
        try tree.write(".codex/goals/g/ACTIVE_GOAL_STATE.md", "state\n")
        try tree.write(".gitignore", ".loopx/\n\(pattern)\n")
        #expect(tree.scan(git: true).warnings == [])
        #expect(GitignoreAdvice(project: tree.path).missing == [])
        try tree.write(".gitignore", ".loopx/\n")
        #expect(tree.scan(git: true).warnings == [BoundaryWarning(code: "private_state_not_gitignored", path: ".codex/goals")])
        #expect(GitignoreAdvice(project: tree.path).missing == [".codex/goals/"])
    }

    @Test func registryCanAllowPrivateDocLinksInTrackedFilesOnly() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        guard try tree.git(["init", "-q"]) else { return }
        let link = "see https://acme.\(Planted.larkHost).com/wiki/x\n"
        try tree.write("docs/tracked.md", link)
        try tree.write("docs/untracked.md", link)
        #expect(try tree.git(["add", "docs/tracked.md"]))
        #expect(tree.scan(git: true).findings.map(\.path) == ["docs/tracked.md", "docs/untracked.md"])
        #expect(tree.scan(git: true, allowDocs: true).findings.map(\.path) == ["docs/untracked.md"])
    }

    @Test func withoutGitTheWalkAloneDecides() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("a.swift", "let key = \"\(Planted.awsKey)\"\n")
        try tree.write(".loopx/registry.json", "{}\n")
        let result = tree.scan(git: true)
        #expect(!result.usedGit)
        #expect(result.findings.isEmpty)
        #expect(result.warnings.isEmpty)
    }
}
