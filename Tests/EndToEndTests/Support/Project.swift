import Foundation
import LoopXRules
import LoopXSupport

/// A throw-away project inside a runner's HOME, with helpers for the data-layer commands.
struct Project {
    let runner: LoopXRunner
    let name: String

    init(_ runner: LoopXRunner, name: String = "proj") throws {
        self.runner = runner
        self.name = name
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var url: URL { runner.home.appendingPathComponent(name) }
    var path: String { url.path }
    var registryPath: String { path + "/.loopx/registry.json" }
    var runtimeRoot: String { runner.home.path + "/.codex/loopx" }

    func statePath(_ goal: String) -> String { path + "/.codex/goals/\(goal)/ACTIVE_GOAL_STATE.md" }
    func indexPath(_ goal: String) -> String { runtimeRoot + "/goals/\(goal)/runs/index.jsonl" }

    /// Runs loopx in the project directory.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> LoopXRunner.Result {
        try runner.run(arguments, cwd: url, environment: environment)
    }

    /// Runs loopx with `--format json` and parses stdout.
    func json(_ arguments: [String], environment: [String: String] = [:]) throws -> (LoopXRunner.Result, JSONValue) {
        let result = try run(arguments + ["--format", "json"], environment: environment)
        return (result, (try? JSONParser.parse(result.stdout)) ?? .null)
    }

    func read(_ absolutePath: String) throws -> String { try String(contentsOfFile: absolutePath, encoding: .utf8) }

    func write(_ absolutePath: String, _ text: String) throws {
        let url = URL(fileURLWithPath: absolutePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func exists(_ absolutePath: String) -> Bool { FileManager.default.fileExists(atPath: absolutePath) }
}
