import LoopXRules
import LoopXSupport

/// The answer of `quota status` / `quota plan`: every registered goal's plan item grouped by
/// quota state, the summary, and the next goal due an automatic turn.
public struct QuotaPlanReport: Report {
    public var mode: String
    public var registryPath: String
    public var runtimeRoot: String
    public var healthOK: Bool
    public var groups: [(state: String, items: [JSONValue])]
    public var healthItems: [JSONValue]
    public var runCount: Int
    /// The registry's problems (they make `healthOK` false), named so the plan says what to fix.
    public var registryProblems: [JSONValue] = []

    public var ok: Bool { healthOK }

    var items: [JSONValue] { groups.flatMap(\.items) }

    /// The first eligible item: the goal the next heartbeat would spend on.
    public var nextAutomaticTurn: JSONValue { groups.first { $0.state == "eligible" }?.items.first ?? .null }

    public var json: JSONValue {
        var states = JSONObject()
        for group in groups where !group.items.isEmpty { states[group.state] = .int(Int64(group.items.count)) }
        let blockers = (groups.first { $0.state == "blocked_health" }?.items.count ?? 0) + healthItems.count
        let summary: JSONObject = [
            "registered_goals": .int(Int64(items.count)), "health_blockers": .int(Int64(blockers)),
            "next_automatic_turn": nextAutomaticTurn["goal_id"] ?? .null, "states": .object(states),
        ]
        var object: JSONObject = [
            "ok": .bool(ok), "mode": .string(mode), "registry": .string(registryPath), "runtime_root": .string(runtimeRoot),
            "goal_count": .int(Int64(items.count)), "run_count": .int(Int64(runCount)), "summary": .object(summary),
            "next_automatic_turn": nextAutomaticTurn,
            "groups": .object(JSONObject(groups.map { ($0.state, JSONValue.array($0.items)) })),
            "health_items": .array(healthItems),
        ]
        if !registryProblems.isEmpty { object["registry_problems"] = .array(registryProblems) }
        return .object(object)
    }

    public var markdown: String {
        var lines = ["# Quota \(mode)", ""]
        lines.append("- registry: `\(registryPath)`")
        lines.append("- goals: \(items.count), runs: \(runCount), health ok: \(healthOK)")
        let next = nextAutomaticTurn["goal_id"]?.stringValue
        lines.append("- next automatic turn: " + (next.map { "`\($0)`" } ?? "none"))
        for group in groups {
            if group.items.isEmpty, mode == "plan" { continue }
            lines.append("")
            lines.append("## \(group.state) (\(group.items.count))")
            lines.append("")
            if group.items.isEmpty {
                lines.append("(none)")
                continue
            }
            lines += MarkdownText.table(["goal", "waiting on", "slots", "reason"], group.items.map { item in
                let quota = item["quota"] ?? .null
                return [
                    item["goal_id"]?.stringValue ?? "", item["waiting_on"]?.stringValue ?? "",
                    "\(quota["spent_slots"]?.intValue ?? 0)/\(quota["allowed_slots"]?.intValue ?? 0)",
                    quota["reason"]?.stringValue ?? "",
                ]
            })
        }
        if !registryProblems.isEmpty {
            lines += ["", "## Registry problems", ""]
            for problem in registryProblems {
                lines.append("- `\(problem["code"]?.stringValue ?? "")`: \(problem["message"]?.stringValue ?? "")")
            }
        }
        if !healthItems.isEmpty {
            lines += ["", "## Health items", ""]
            for item in healthItems {
                lines.append("- `\(item["goal_id"]?.stringValue ?? "")`: \(item["recommended_action"]?.stringValue ?? "")")
            }
        }
        return lines.joined(separator: "\n")
    }
}
