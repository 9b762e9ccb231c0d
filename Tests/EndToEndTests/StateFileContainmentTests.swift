import Foundation
import Testing
import LoopXRules

/// A registry `state_file` must resolve inside the goal's repository; otherwise every command
/// that would read or write it refuses, and multi-goal views report the registry problem
/// (issue 15, finding 10).
@Suite struct StateFileContainmentTests {
    static let code = "registry_state_file_outside_repo"
    static let outsideText = "# a shell rc file\nexport PATH=/usr/bin\n"

    /// A bootstrapped project whose registry `state_file` is replaced by `stateFile`, and the
    /// outside file `~/outside/rc` it may point at.
    func project(_ runner: LoopXRunner, stateFile: String, prepare: (Project) throws -> Void = { _ in }) throws -> Project {
        let project = try Project(runner)
        let boot = try project.run(["bootstrap", "--goal-id", "shop", "--no-global-sync", "--registered-agent", "codex-a"])
        #expect(boot.status == 0, "\(boot.stderr)")
        try project.write(runner.home.path + "/outside/rc", Self.outsideText)
        try prepare(project)
        let registry = try project.read(project.registryPath)
        let pattern = try NSRegularExpression(pattern: "\"state_file\" *: *\"[^\"]*\"")
        let range = NSRange(registry.startIndex..., in: registry)
        #expect(pattern.numberOfMatches(in: registry, range: range) == 1)
        let escaped = stateFile.replacingOccurrences(of: "/", with: "\\/")
        let edited = pattern.stringByReplacingMatches(
            in: registry, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: "\"state_file\": \"\(escaped)\""))
        try project.write(project.registryPath, edited)
        return project
    }

    /// Every reader and writer refuses with the code; the outside file is untouched; `check`,
    /// `registry` and `status` report the problem.
    func expectRefused(_ project: Project, _ runner: LoopXRunner, label: String) throws {
        let outside = runner.home.path + "/outside/rc"
        let commands: [[String]] = [
            ["todo", "add", "--goal-id", "shop", "--text", "[P1] escape"],
            ["todo", "list", "--goal-id", "shop"],
            ["refresh-state", "--goal-id", "shop", "--no-global-sync"],
            ["heartbeat-prompt", "--goal-id", "shop"],
        ]
        for command in commands {
            let result = try project.run(command)
            #expect(result.status != 0, "\(label) \(command[0]) was not refused: \(result.stdout)")
            #expect(result.stderr.contains(Self.code), "\(label) \(command[0]): \(result.stderr)")
        }
        #expect(try project.read(outside) == Self.outsideText, "\(label): the outside file changed")
        let (check, checkJSON) = try project.json(["check"])
        #expect(check.status == 1)
        let codes = checkJSON["registry_problems"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        #expect(codes.contains(Self.code), "\(label): \(codes)")
        let status = try project.run(["status", "--format", "json"])
        #expect(status.stdout.contains(Self.code), "\(label): status does not report the problem")
        #expect(try project.read(outside) == Self.outsideText, "\(label): the outside file changed")
    }

    @Test func absolutePathOutsideIsRefused() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try project(runner, stateFile: runner.home.path + "/outside/rc")
        try expectRefused(project, runner, label: "absolute")
    }

    @Test func dotDotEscapeIsRefused() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try project(runner, stateFile: "../outside/rc")
        try expectRefused(project, runner, label: "dotdot")
    }

    @Test func symlinkPointingOutsideIsRefused() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try project(runner, stateFile: "docs/STATE.md") { project in
            try FileManager.default.createDirectory(atPath: project.path + "/docs", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: project.path + "/docs/STATE.md", withDestinationPath: "../../outside/rc")
        }
        try expectRefused(project, runner, label: "symlink")
    }

    @Test func symlinkedDirectoryIsRefused() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        // `.codex/goals/elsewhere` is a symlink to ~/outside; `../` after it would climb physically.
        let project = try project(runner, stateFile: ".codex/goals/elsewhere/rc") { project in
            try FileManager.default.createSymbolicLink(
                atPath: project.path + "/.codex/goals/elsewhere", withDestinationPath: runner.home.path + "/outside")
        }
        try expectRefused(project, runner, label: "symlinked directory")
    }

    @Test func danglingSymlinkToOutsideIsRefused() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try project(runner, stateFile: "new-state.md") { project in
            try FileManager.default.createSymbolicLink(atPath: project.path + "/new-state.md", withDestinationPath: runner.home.path + "/outside/created-by-loopx")
        }
        try expectRefused(project, runner, label: "dangling")
        #expect(!project.exists(runner.home.path + "/outside/created-by-loopx"))
    }

    @Test func insidePathsStillWork() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        // An in-repo directory symlink and `..` that stays inside are fine; so is a repo
        // reached through a symlink.
        let project = try project(runner, stateFile: "docs/../.codex/goals/alias/ACTIVE_GOAL_STATE.md") { project in
            try FileManager.default.createSymbolicLink(atPath: project.path + "/.codex/goals/alias", withDestinationPath: "shop")
        }
        let added = try project.run(["todo", "add", "--goal-id", "shop", "--text", "[P1] inside"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try project.read(project.statePath("shop")).contains("[P1] inside"))
        let (check, checkJSON) = try project.json(["check"])
        let codes = checkJSON["registry_problems"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        #expect(!codes.contains(Self.code), "\(check.stdout)")
        #expect(try project.run(["refresh-state", "--goal-id", "shop", "--no-global-sync"]).status == 0)

        // The same registry read through a symlinked repo path.
        let alias = runner.home.path + "/alias"
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: project.path)
        let registry = try project.read(project.registryPath).replacingOccurrences(of: project.path, with: alias)
        try project.write(project.registryPath, registry)
        let viaAlias = try project.run(["todo", "list", "--goal-id", "shop"])
        #expect(viaAlias.status == 0, "\(viaAlias.stderr)")
    }
}
