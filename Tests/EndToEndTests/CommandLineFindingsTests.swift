import Foundation
import LoopXRules
import Testing

/// Regression tests for the command-line findings of issue 16: one exit code per mistake,
/// help text, typos, `--trace full`, JUnit times, `--coverage-min` and run timestamps.
@Suite struct CommandLineFindingsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// An unknown goal is the same mistake everywhere: exit 1, never an answer that says ok.
    @Test func anUnknownGoalIsNeverOK() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let commands: [[String]] = [
            ["status", "--goal-id", "nope"], ["history", "--goal-id", "nope"], ["quota", "should-run", "--goal-id", "nope"],
            ["heartbeat-prompt", "--goal-id", "nope"], ["review-packet", "--goal-id", "nope"], ["refresh-state", "--goal-id", "nope"],
        ]
        for command in commands {
            let plain = try runner.run(command, cwd: fixture.project)
            #expect(plain.status == 1, "\(command): \(plain.status)")
            #expect(plain.stderr.hasPrefix("error: goal 'nope'"), "\(command): \(plain.stderr)")
            #expect(!plain.stdout.contains("connected"), "\(command): \(plain.stdout)")
            let (json, answer) = try fixture.json(command)
            #expect(json.status == 1)
            #expect(answer?["error"]?["code"] == .string("unknown_goal"), "\(command): \(json.stdout)")
        }
        // No obligation, decision-log record or run was written for the unknown goal.
        #expect(!FileManager.default.fileExists(atPath: fixture.runtimeRoot.path + "/goals/nope"))
        // A goal no registry lists but with run history is not unknown: the rules decide for it.
        try fixture.addRun("legacy", at: "2025-12-31T00:00:00Z", classification: "state_refreshed")
        let (legacy, answer) = try fixture.json(["quota", "should-run", "--goal-id", "legacy", "--read-only"])
        #expect(answer?["error"] == nil, "\(legacy.stdout)")
        #expect(answer?["decision"] != nil)
    }

    /// `loopx stauts` suggests `status`, as option typos do; usage errors say `error:`.
    @Test func aMistypedSubcommandGetsASuggestion() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let top = try runner.run(["stauts"])
        #expect(top.status == 2)
        #expect(top.stderr.hasPrefix("error: unknown command 'stauts' (did you mean 'status'?)"), "\(top.stderr)")
        let nested = try runner.run(["quota", "shuold-run", "--goal-id", "app"])
        #expect(nested.status == 2)
        #expect(nested.stderr.contains("did you mean 'should-run'?"), "\(nested.stderr)")
        let option = try runner.run(["status", "--limt", "3"])
        #expect(option.stderr.hasPrefix("error: "), "\(option.stderr)")
        #expect(!option.stderr.contains("Error:"))
    }

    /// `--trace full` (a space) means `--trace=full`, for should-run and gate check.
    @Test func traceFullWithASpaceIsAccepted() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let spaced = try runner.run(["quota", "should-run", "--goal-id", "app", "--read-only", "--trace", "full", "--format", "json"], cwd: fixture.project)
        let joined = try runner.run(["quota", "should-run", "--goal-id", "app", "--read-only", "--trace=full", "--format", "json"], cwd: fixture.project)
        #expect(spaced.stderr.isEmpty, "\(spaced.stderr)")
        #expect(spaced.stdout == joined.stdout)
        #expect(spaced.stdout.contains("\"rule_trace\""))
        let gate = try runner.run(
            ["gate", "check", "--goal-id", "app", "--kind", "commit", "--read-only", "--trace", "full"], cwd: fixture.project)
        #expect(!gate.stderr.contains("Unexpected argument"), "\(gate.stderr)")
        #expect(gate.status != 2)
    }

    /// JUnit `time` is decimal seconds (never `3.0565e-05`).
    @Test func junitTimesAreFixedDecimals() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["rules", "test", "--format", "junit"])
        #expect(result.status == 0, "\(result.stderr)")
        let times = result.stdout.components(separatedBy: "time=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(times.count > 10)
        for time in times {
            #expect(time.wholeMatch(of: /[0-9]+\.[0-9]{6}/) != nil, "time=\"\(time)\"")
        }
    }

    /// `--coverage-min` is a percentage: 101 (or -1) is a usage error, nothing runs.
    @Test func coverageMinimumIsAPercentage() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        for value in ["101", "-1", "nan"] {
            let result = try runner.run(["rules", "test", "--coverage-min=" + value])
            #expect(result.status == 2, "\(value): \(result.status)")
            #expect(result.stderr.contains("0...100"), "\(value): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try runner.run(["rules", "test", "--coverage-min", "100"]).status == 0)
    }

    /// Every command's help names each default once; the top-level help lists the global options.
    @Test func helpTextNamesDefaultsOnceAndListsGlobalOptions() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let top = try runner.run(["--help"])
        for option in ["--registry", "--runtime-root", "--format", "--now", "--rules"] {
            #expect(top.stdout.contains("  \(option) <"), "top-level help lacks \(option)")
        }
        func subcommands(_ help: String) -> [String] {
            guard let start = help.range(of: "SUBCOMMANDS:") else { return [] }
            // The block of `  name   abstract` lines up to the first blank line.
            let block = help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
                .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return block.compactMap { line in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first,
                    word.wholeMatch(of: /[a-z][a-z-]*/) != nil
                else { return nil }
                return String(word)
            }
        }
        var commands = subcommands(top.stdout).map { [$0] }
        var checked = 0
        while let command = commands.popLast(), checked < 200 {
            let help = try runner.run(command + ["--help"]).stdout
            commands += subcommands(help).map { command + [$0] }
            // One paragraph per option: its lines up to the next option.
            for paragraph in help.components(separatedBy: "\n  -").dropFirst() {
                let text = paragraph.replacingOccurrences(of: "\n", with: " ")
                let defaults = text.components(separatedBy: "(default").count - 1
                let values = text.components(separatedBy: "values:").count - 1
                #expect(defaults <= 1 && values <= 1, "\(command.joined(separator: " ")): -\(paragraph)")
                if text.contains("(values:") {
                    #expect(!text.contains(" or json") && !text.contains("en or zh"), "\(command): -\(paragraph)")
                }
            }
            checked += 1
        }
        #expect(checked > 30)
    }

    /// Run records are written with one timestamp format (seconds), even when the clock has a fraction.
    @Test func runTimestampsHaveOneFormat() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let clock = ["LOOPX_NOW": "2026-01-01T08:00:00.250Z"]
        let refresh = try runner.run(["refresh-state", "--goal-id", "app", "--no-global-sync"], cwd: fixture.project, environment: clock)
        #expect(refresh.status == 0, "\(refresh.stderr)")
        let spend = try runner.run(
            ["quota", "spend-slot", "--goal-id", "app", "--execute", "--reason-summary", "bounded segment"], cwd: fixture.project,
            environment: ["LOOPX_NOW": "2026-01-01T08:05:00.750Z"])
        let rows = try fixture.rows("app")
        #expect(rows.count >= 1)
        for row in rows {
            let stamp = row["generated_at"]?.stringValue ?? ""
            #expect(stamp.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/) != nil, "\(stamp) (spend exit \(spend.status))")
        }
        #expect(rows.first?["generated_at"] == .string("2026-01-01T08:00:00Z"))
    }
}
