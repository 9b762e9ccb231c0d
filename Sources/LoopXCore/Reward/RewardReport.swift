import LoopXRules
import LoopXSupport

/// The outcome of `loopx reward`: the overlay, the coordination fields and the write effects.
public struct RewardReport: Report {
    /// What happened (or would happen) to the active state.
    public struct StateUpdate: Sendable {
        public var requested: Bool
        public var written = false
        public var wouldWrite = false
        public var alreadyPresent = false
        public var stateFile: String?
        public var entry: [String]?

        var json: JSONValue {
            var out: JSONObject = ["requested": .bool(requested), "written": .bool(written), "would_write": .bool(wouldWrite)]
            if requested {
                out["already_present"] = .bool(alreadyPresent)
                out["section"] = .string(ProgressLedger.title)
                out["state_file"] = JSONField.string(stateFile)
                out["entry"] = JSONField.string(entry?.joined(separator: "\n"))
            }
            return .object(out)
        }
    }

    var request: RewardRequest
    var workspace: GoalWorkspace
    var run: RunRecord
    var humanReward: JSONObject
    var overlay: JSONObject
    var rawIndexRecordsBefore: Int
    var appended: Bool
    var alreadyRecorded: Bool
    var summary: String
    var historyCommand: String
    var state: StateUpdate

    public var ok: Bool { true }

    var text: RewardText { RewardText(language: request.language) }

    /// How another project agent finds the reward: the overlay is the source of truth.
    public var projectAgentVisibility: JSONValue {
        var out: JSONObject = [
            "source_of_truth": "run_bound_human_reward_overlay", "history_command": .string(historyCommand),
            "active_state_role": "summary_only", "review_packet_role": "optional_handoff_only",
        ]
        if request.lesson != nil { out["lesson_role"] = "route_warning_only_not_write_control" }
        return .object(out)
    }

    var selectedRun: JSONValue {
        let reported = run.reported
        return [
            "generated_at": .string(run.generatedAt), "classification": JSONField.string(run.classification),
            "recommended_action": JSONField.string(run.recommendedAction),
            "json_exists": reported["json_exists"] ?? false, "markdown_exists": reported["markdown_exists"] ?? false,
        ]
    }

    public var json: JSONValue {
        [
            "ok": true, "registry": .string(workspace.store.registryPath), "runtime_root": .string(workspace.runtimeRoot),
            "goal_id": .string(workspace.goalID.rawValue), "index_path": .string(workspace.history.indexPath),
            "raw_index_records_before": .int(Int64(rawIndexRecordsBefore)), "dry_run": .bool(request.dryRun),
            "selected_run": selectedRun, "human_reward": .object(humanReward), "active_state_summary": .string(summary),
            "project_agent_visibility": projectAgentVisibility, "active_state_update": state.json,
            "index_record": .object(overlay), "appended": .bool(appended), "already_recorded": .bool(alreadyRecorded),
            "language": .string(request.language.rawValue),
        ]
    }

    public var markdown: String {
        let t = text
        var lines = [
            "# loopx reward", "",
            "- goal: `\(workspace.goalID)`", "- dry_run: \(request.dryRun)", "- appended: \(appended)",
            "- index: `\(workspace.history.indexPath)`", "- raw index records before: \(rawIndexRecordsBefore)", "",
            "## Write effect", "",
            "- selected_run: `\(run.generatedAt)` (\(run.classification ?? "unclassified"))",
            "- run_overlay: " + t.overlayEffect(dryRun: request.dryRun, appended: appended, alreadyRecorded: alreadyRecorded),
            "- active_state: " + t.stateEffect(
                requested: state.requested, dryRun: request.dryRun, written: state.written, alreadyPresent: state.alreadyPresent),
            "- project_agent_visibility: `\(historyCommand)`", "",
            "## Selected run", "",
            "- generated_at: `\(run.generatedAt)`", "- classification: \(run.classification ?? "-")",
            "- recommended_action: \(run.recommendedAction ?? "-")", "",
            "## Reward", "",
            "- decision: \(request.decision)", "- reward: \(request.reward.rawValue)",
            "- reason_summary: \(request.reasonSummary)",
        ]
        if let follow = request.followUp { lines.append("- follow_up: \(follow)") }
        if let lesson = request.lesson {
            lines.append("- lesson: \(lesson.kind.rawValue): \(lesson.summary)")
            for item in lesson.avoid { lines.append("  - avoid: \(item)") }
            for item in lesson.prefer { lines.append("  - prefer: \(item)") }
        }
        lines += ["", "## Active-state summary", "", summary, "", "## Active-state writeback", ""]
        if let entry = state.entry {
            lines.append("- state_file: `\(state.stateFile ?? "-")`")
            lines.append("- effect: " + t.stateEffect(
                requested: true, dryRun: request.dryRun, written: state.written, alreadyPresent: state.alreadyPresent))
            lines += ["", "```markdown"] + entry + ["```"]
        } else {
            lines.append("- " + t.stateEffect(requested: false, dryRun: request.dryRun, written: false, alreadyPresent: false))
        }
        lines += [
            "", "## Project-agent visibility", "",
            "- source_of_truth: run_bound_human_reward_overlay", "- history_command: `\(historyCommand)`",
            "- active_state_role: summary_only", "- review_packet_role: optional_handoff_only",
        ]
        if request.lesson != nil { lines.append("- lesson_role: route_warning_only_not_write_control") }
        return lines.joined(separator: "\n")
    }
}
