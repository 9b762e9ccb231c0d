import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

/// `loopx expr eval`'s logic as a library call: bindings, clock, compile, check, evaluate, render.
@Suite struct ExpressionEvaluationTests {
    /// A context whose working directory is `dir`, with `--now` or `$LOOPX_NOW` when given.
    func context(_ dir: String, now: String? = nil, environmentNow: String? = nil,
                 format: OutputFormat = .markdown) throws -> LoopXContext
    {
        var environment = TestFiles.environment(home: dir, cwd: dir)
        environment.variables["LOOPX_NOW"] = environmentNow
        return try LoopXContext(environment: environment, settings: GlobalSettings(format: format, now: now))
    }

    func failure(_ body: () throws(CommandFailure) -> Value) -> CommandFailure? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func bindsFactsFromJSONAndYAMLRelativeToTheWorkingDirectory() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        try FileSystem.writeAtomically(dir + "/facts.json", text: #"{"n": 2, "names": ["a", "b"]}"#)
        try FileSystem.writeAtomically(dir + "/facts.yaml", text: "goal:\n  kind: codex\n")
        let ctx = try context(dir, now: "2026-01-01T08:00:00Z")
        let sum = try ExpressionEvaluation(expression: "n + size(names)", factsPath: "facts.json").evaluate(in: ctx)
        #expect(ExpressionEvaluation.render(sum, as: .markdown) == "4\n")
        let kind = try ExpressionEvaluation(expression: "goal.kind", factsPath: "facts.yaml").evaluate(in: ctx)
        #expect(ExpressionEvaluation.render(kind, as: .json) == #"{"value":"codex"}"# + "\n")
    }

    @Test func theExplicitClockWinsOverAFactsNowAndTheFactsNowOverTheWallClock() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        try FileSystem.writeAtomically(dir + "/facts.json", text: #"{"now": "from facts"}"#)
        let expression = ExpressionEvaluation(expression: "string(now)", factsPath: "facts.json")
        let explicit = try expression.evaluate(in: try context(dir, now: "2026-02-03T04:05:06Z"))
        #expect(explicit.stringValue == "2026-02-03T04:05:06Z")
        let fromEnvironment = try expression.evaluate(in: try context(dir, environmentNow: "2026-03-01T00:00:00Z"))
        #expect(fromEnvironment.stringValue == "2026-03-01T00:00:00Z")
        let fromFacts = try expression.evaluate(in: try context(dir))
        #expect(fromFacts.stringValue == "from facts")
        let wall = try ExpressionEvaluation(expression: "type(now) == google.protobuf.Timestamp").evaluate(in: try context(dir))
        #expect(wall.boolValue == true)
    }

    @Test func failuresCarryTheirCodesAndPositions() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        try FileSystem.writeAtomically(dir + "/list.json", text: "[1, 2]")
        try FileSystem.writeAtomically(dir + "/bad.json", text: #"{"a": 1,}"#)
        let ctx = try context(dir, now: "2026-01-01T08:00:00Z")
        let syntax = failure { () throws(CommandFailure) in try ExpressionEvaluation(expression: "1 +").evaluate(in: ctx) }
        #expect(syntax?.code == .invalidExpression)
        #expect(syntax?.diagnostics.first?.path == "<expr>")
        let runtime = failure { () throws(CommandFailure) in try ExpressionEvaluation(expression: "1 / 0").evaluate(in: ctx) }
        #expect(runtime?.code == .evaluationFailed)
        #expect(runtime?.description.contains("division by zero") == true)
        let typed = failure { () throws(CommandFailure) in
            try ExpressionEvaluation(expression: "size(1) > 0", typeCheck: true).evaluate(in: ctx)
        }
        #expect(typed?.code == .invalidExpression)
        let unchecked = failure { () throws(CommandFailure) in try ExpressionEvaluation(expression: "size(1) > 0").evaluate(in: ctx) }
        #expect(unchecked?.code == .evaluationFailed)
        let notMapping = failure { () throws(CommandFailure) in
            try ExpressionEvaluation(expression: "1", factsPath: "list.json").evaluate(in: ctx)
        }
        #expect(notMapping?.code == .invalidInput)
        #expect(notMapping?.message.contains("must hold a mapping") == true)
        let invalid = failure { () throws(CommandFailure) in
            try ExpressionEvaluation(expression: "1", factsPath: "bad.json").evaluate(in: ctx)
        }
        #expect(invalid?.code == .invalidInput)
        #expect(invalid?.diagnostics.first?.path == dir + "/bad.json")
        let missing = failure { () throws(CommandFailure) in
            try ExpressionEvaluation(expression: "1", factsPath: "absent.json").evaluate(in: ctx)
        }
        #expect(missing?.code == .invalidInput)
        #expect(missing?.message.contains("cannot read facts file") == true)
    }
}
