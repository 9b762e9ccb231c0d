import LoopXRules
import LoopXSupport

/// The outcome of `loopx operator-gate`: the recorded (or previewed) gate run.
public struct OperatorGateReport: Report {
    var workspace: GoalWorkspace
    var recorded: RecordedRun
    var dryRun: Bool
    var language: PromptLanguage
    var globalSync: JSONValue

    public var ok: Bool { true }

    public var json: JSONValue { recorded.payload(workspace: workspace, dryRun: dryRun, globalSync: globalSync) }

    public var markdown: String {
        OperatorGateReport.render(record: recorded.record, dryRun: dryRun, language: language)
    }

    /// The Markdown of a gate run, used for the command's output and the run's `.md` artifact.
    static func render(record: JSONObject, dryRun: Bool, language: PromptLanguage) -> String {
        let gate = record["operator_gate"]?.objectValue ?? JSONObject()
        func value(_ key: String, in object: JSONObject) -> String { object[key]?.stringValue ?? "-" }
        var lines = [
            OperatorGateText(language: language).title, "",
            "- goal: `\(value("goal_id", in: record))`", "- generated_at: `\(value("generated_at", in: record))`",
            "- classification: `\(value("classification", in: record))`", "- dry_run: \(dryRun)",
            "- health_check: \(value("health_check", in: record))", "",
            "## Decision", "",
            "- gate: `\(value("gate", in: gate))`", "- decision: **\(value("decision", in: gate))**",
            "- operator_question: \(value("operator_question", in: gate))",
            "- reason_summary: \(value("reason_summary", in: gate))",
        ]
        if let follow = gate["follow_up"]?.stringValue { lines.append("- follow_up: \(follow)") }
        lines += ["", "## Recommended action", "", value("recommended_action", in: record)]
        if let command = gate["agent_command"]?.stringValue {
            lines += ["", "## Agent command", "", "```bash", command, "```"]
        }
        lines += ["", "## Artifacts", "", "- json: `\(value("json_path", in: record))`", "- markdown: `\(value("markdown_path", in: record))`"]
        return lines.joined(separator: "\n")
    }
}
