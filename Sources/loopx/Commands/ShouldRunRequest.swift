import LoopXCore
import LoopXRules
import LoopXSupport

/// What `quota should-run` was asked, as plain values. `QuotaShouldRunCommand` fills it
/// through ArgumentParser; on the heartbeat path `parse` fills it directly, because building
/// ArgumentParser's command model by reflection costs more than the decision itself.
struct ShouldRunRequest {
    var goalID: String
    var agentID: String?
    var trace: TraceLevel = .off
    var saveFixture: String?
    /// Decide without recording anything: no obligation, no decision-log record.
    var readOnly = false
    /// Whether this call records anything: not with `--read-only`, and not with `--now` (a
    /// replay as of another instant must not write what that instant decided into live state).
    var records: Bool { !readOnly && settings.now == nil }
    var settings = GlobalSettings()

    /// Decides and prints; ends the process with the report's exit status.
    func run() throws -> Never {
        let context = try LoopXContext(environment: .current(), settings: settings)
        let id = try GoalID.parse(goalID)
        let session = try openSession(context, goalID: id)
        let report = try ShouldRun(session: session, goalID: id).run(trace: trace, agentID: agentID, record: records)
        if let saveFixture {
            let path = context.environment.absolute(saveFixture)
            let text = JSONWriter(pretty: true).string(ShouldRun.fixture(report, now: context.now)) + "\n"
            do { try FileSystem.writeAtomically(path, text: text) } catch { throw CommandFailure(error.description) }
            Output.error("saved fixture \(path)")
        }
        emitAndExit(report, format: context.format)
    }

    /// Reads `quota should-run ...` (global options already moved after the verb) with
    /// `FastArguments`; nil (ArgumentParser then parses the line) for anything else, a missing
    /// goal id included.
    static func parse(_ arguments: [String]) -> ShouldRunRequest? {
        guard arguments.count >= 2,
            arguments[0] == "quota", arguments[1] == "should-run"
        else { return nil }
        guard let read = FastArguments(
            arguments.dropFirst(2), options: ["goal-id", "agent-id", "save-fixture"], flags: ["trace", "trace-full", "read-only"]),
            let goalID = read.values["goal-id"], let settings = read.settings
        else { return nil }
        return ShouldRunRequest(
            goalID: goalID, agentID: read.values["agent-id"],
            trace: read.flags.contains("trace-full") ? .full : (read.flags.contains("trace") ? .on : .off),
            saveFixture: read.values["save-fixture"], readOnly: read.flags.contains("read-only"), settings: settings)
    }
}
