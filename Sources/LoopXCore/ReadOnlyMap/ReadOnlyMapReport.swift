import LoopXRules
import LoopXSupport

/// The outcome of `loopx read-only-map`: the recorded (or previewed) map run.
public struct ReadOnlyMapReport: Report {
    var workspace: GoalWorkspace
    var recorded: RecordedRun
    var dryRun: Bool
    var globalSync: JSONValue

    public var ok: Bool { true }

    public var json: JSONValue { recorded.payload(workspace: workspace, dryRun: dryRun, globalSync: globalSync) }

    public var markdown: String { ReadOnlyMapReport.render(record: recorded.record, dryRun: dryRun) }

    /// The Markdown of a map run, for the command's output and the run's `.md` artifact.
    static func render(record: JSONObject, dryRun: Bool) -> String {
        func text(_ value: JSONValue?) -> String { value?.stringValue ?? "-" }
        var lines = [
            "# loopx read-only-map", "",
            "- goal: `\(text(record["goal_id"]))`", "- generated_at: `\(text(record["generated_at"]))`",
            "- classification: `\(text(record["classification"]))`", "- dry_run: \(dryRun)",
            "- opt_in_required: \(record["opt_in_required"]?.boolValue ?? false)",
            "- project: `\(text(record["project"]))`", "- health_check: \(text(record["health_check"]))", "",
            "## Recommended action", "", text(record["recommended_action"]), "", "## Residual risks", "",
        ]
        let risks = record["residual_risks"]?.arrayValue?.compactMap(\.stringValue) ?? []
        lines += risks.isEmpty ? ["- none"] : risks.map { "- `\($0)`" }
        lines += ["", "## Project inventory", ""]
        let inventory = record["project_inventory"]
        for entry in inventory?["entries"]?.arrayValue ?? [] {
            lines.append("- [\(entry["exists"]?.boolValue == true ? "x" : " ")] `\(text(entry["path"]))`")
        }
        let languages = (inventory?["languages"]?.arrayValue ?? []).map { "\(text($0["language"])) \($0["files"]?.intValue ?? 0)" }
        lines.append("- languages: " + (languages.isEmpty ? "none detected" : languages.joined(separator: ", ")))
        let dirs = inventory?["top_level_directories"]?.arrayValue?.compactMap(\.stringValue) ?? []
        lines.append("- top-level directories: " + (dirs.isEmpty ? "none" : dirs.joined(separator: ", ")))
        lines += ["", "## State map", ""]
        let state = record["state_map"]
        lines.append("- state_file: `\(text(state?["path"]))` (\(state?["exists"]?.boolValue == true ? "present" : "missing"))")
        for entry in state?["sections"]?.objectValue ?? JSONObject() {
            lines.append("- \(entry.key): \(entry.value.arrayValue?.count ?? 0) line(s) sampled")
        }
        for missing in state?["sections_missing"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            lines.append("- \(missing): missing")
        }
        lines += ["", "## Artifacts", "", "- json: `\(text(record["json_path"]))`", "- markdown: `\(text(record["markdown_path"]))`"]
        return lines.joined(separator: "\n")
    }
}
