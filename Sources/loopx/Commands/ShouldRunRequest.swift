import LoopXCore
import LoopXRules

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

    /// Reads `quota should-run ...` (global options already moved after the verb) when every
    /// argument is `--name value`, `--name=value` or a flag of this command, each given once
    /// (`--rules` may repeat). Anything else — help, an unknown or repeated option, a missing
    /// value or goal id — gives nil, and ArgumentParser then parses the line, so errors and
    /// usage text are exactly the full parser's. (`LOOPX_FAST_ARGS=off` makes `main` skip it.)
    static func parse(_ arguments: [String]) -> ShouldRunRequest? {
        guard arguments.count >= 2,
            arguments[0] == "quota", arguments[1] == "should-run"
        else { return nil }
        var values: [String: String] = [:]
        var rules: [String] = []
        var flags: Set<String> = []
        var rest = arguments.dropFirst(2)
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("--") else { return nil }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0].dropFirst(2))
            if ["trace", "trace-full", "read-only"].contains(name) {
                guard parts.count == 1, flags.insert(name).inserted else { return nil }
                continue
            }
            guard ["goal-id", "agent-id", "save-fixture", "registry", "runtime-root", "format", "now", "rules"].contains(name)
            else { return nil }
            let value: String
            if parts.count == 2 {
                value = String(parts[1])
            } else {
                guard let next = rest.popFirst(), !next.hasPrefix("-") else { return nil }
                value = next
            }
            if name == "rules" {
                rules.append(value)
            } else {
                guard values.updateValue(value, forKey: name) == nil else { return nil }
            }
        }
        guard let goalID = values["goal-id"] else { return nil }
        var format = OutputFormat.markdown
        if let text = values["format"] {
            guard let parsed = OutputFormat(rawValue: text) else { return nil }
            format = parsed
        }
        return ShouldRunRequest(
            goalID: goalID, agentID: values["agent-id"],
            trace: flags.contains("trace-full") ? .full : (flags.contains("trace") ? .on : .off),
            saveFixture: values["save-fixture"], readOnly: flags.contains("read-only"),
            settings: GlobalSettings(registry: values["registry"], runtimeRoot: values["runtime-root"], format: format,
                                     now: values["now"], rules: rules))
    }
}
