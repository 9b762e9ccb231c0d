import LoopXRules
import LoopXSupport

/// The answer of `loopx rules replay`: per goal, how many logged decisions were replayed and
/// which would change (old -> new, and the rule that made the difference). Not ok (exit 1)
/// when any decision would change.
public struct RulesReplayReport: Report {
    public var since: Timestamp?
    public var gitRevision: String?
    public var goals: [GoalReplay] = []

    public init(since: Timestamp?, gitRevision: String?) {
        self.since = since
        self.gitRevision = gitRevision
    }

    public var changed: Int { goals.reduce(0) { $0 + $1.changes.count } }
    public var replayed: Int { goals.reduce(0) { $0 + $1.replayed } }

    public var ok: Bool { changed == 0 }

    public var json: JSONValue {
        [
            "ok": .bool(ok), "mode": "rules-replay", "since": since.map { .string($0.rfc3339) } ?? .null,
            "git_rev": gitRevision.map(JSONValue.string) ?? .null, "replayed": .int(Int64(replayed)),
            "changed": .int(Int64(changed)), "goals": .array(goals.map(\.json)),
        ]
    }

    public var markdown: String {
        var lines = ["# Replay of logged decisions", ""]
        let scope = (since.map { " since \($0.rfc3339)" } ?? "") + (gitRevision.map { " with .loopx/rules at \($0)" } ?? "")
        lines.append("\(replayed) decisions replayed\(scope); **\(changed) would change**.")
        for goal in goals {
            lines += ["", "## `\(goal.goalID)`: \(goal.changes.count) of \(goal.replayed) would change", ""]
            if goal.unreplayable > 0 { lines.append("- \(goal.unreplayable) records skipped: their facts are no longer stored") }
            for change in goal.changes {
                lines.append("- \(change.record.at.rfc3339) \(change.record.kind): \(DecisionAnswer.summary(change.record.answer))"
                    + " -> \(DecisionAnswer.summary(change.newAnswer))")
                let rule = change.rule
                if let id = rule["id"]?.stringValue {
                    let now = rule["outcome"]?.stringValue ?? ""
                    var text = "  - rule `\(id)`: \(rule["was"]?.stringValue ?? "") -> \(now)"
                    if let source = rule["source"]?.stringValue { text += " (\(rule["layer"]?.stringValue ?? "") \(source))" }
                    lines.append(text)
                    if let conjunct = rule["why"]?["conjunct"]?.stringValue { lines.append("    - near miss: `\(conjunct)`") }
                    for fact in rule["why"]?["facts"]?.objectValue ?? JSONObject() {
                        lines.append("    - `\(fact.key)` = `\(JSONWriter(sortedKeys: true, pretty: false).string(fact.value))`")
                    }
                } else {
                    lines.append("  - the same rules fired; their outputs changed")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
