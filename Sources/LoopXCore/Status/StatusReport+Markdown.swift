extension StatusReport {
    /// The status for people: a summary, the attention queue, run history per goal, and the
    /// contract and global-registry findings.
    public var markdown: String {
        let queue = queue
        var lines = ["# loopx status", ""]
        lines.append("- ok: \(ok)")
        lines.append("- registry: `\(registryPath)`")
        lines.append("- runtime root: `\(runtimeRoot)`")
        lines.append("- goals: \(goals.count), runs loaded: \(runCount)")
        lines.append("- contract: \(contract.ok ? "ok" : "\(contract.errors.count) error(s)"), \(contract.warnings.count) warning(s)")
        if let global = globalRegistry {
            lines.append("- global registry: \(global.available ? (global.ok ? "ok" : "not ok") : "not present"), \(global.findings.count) finding(s)")
        }
        lines += ["", "## Attention queue", ""]
        if queue.isEmpty { lines.append("Nothing needs attention.") }
        for item in queue {
            let goal = item["goal_id"]?.stringValue ?? ""
            let head = goal.isEmpty ? "(all goals)" : "`\(goal)`"
            lines.append("- \(head) **\(item["status"]?.stringValue ?? "")** — waiting on \(item["waiting_on"]?.stringValue ?? ""), severity \(item["severity"]?.stringValue ?? "")")
            lines.append("  - action: \(item["recommended_action"]?.stringValue ?? "")")
            for key in ["operator_question", "agent_command", "next_handoff_condition"] {
                if let text = item[key]?.stringValue { lines.append("  - \(key.replacingUnderscores): \(text)") }
            }
            if let state = item["quota"]?["state"]?.stringValue { lines.append("  - quota: \(state)") }
        }
        if !lapsedObligations.isEmpty {
            lines += ["", "## Lapsed obligations", ""]
            for obligation in lapsedObligations {
                lines.append("- `\(obligation["goal_id"]?.stringValue ?? "")`: \(obligation["kind"]?.stringValue ?? "") issued \(obligation["issued_at"]?.stringValue ?? ""), no run written since")
            }
        }
        if !waivers.isEmpty {
            lines += ["", "## Active waivers", ""]
            for waiver in waivers {
                lines.append("- `\(waiver["rule"]?.stringValue ?? "")` until \(waiver["expires"]?.stringValue ?? ""): \(waiver["reason"]?.stringValue ?? "")"
                    + " (owner \(waiver["owner"]?.stringValue ?? ""))")
            }
        }
        if !expiredWaivers.isEmpty {
            lines += ["", "## Expired waivers (warnings: the rules are back in force)", ""]
            for waiver in expiredWaivers {
                lines.append("- `\(waiver["rule"]?.stringValue ?? "")` expired on \(waiver["expires"]?.stringValue ?? "")"
                    + " (owner \(waiver["owner"]?.stringValue ?? ""), \(waiver["source"]?.stringValue ?? ""))")
            }
        }
        lines += ["", "## Run history", ""]
        for goal in goals {
            lines.append("- `\(goal["id"]?.stringValue ?? "")` (\(goal["status"]?.stringValue ?? ""), \(goal["lifecycle_phase"]?.stringValue ?? ""))")
            for run in goal["latest_runs"]?.arrayValue ?? [] {
                var detail = run["classification"]?.stringValue ?? ""
                if let scale = run["delivery_batch_scale"]?.stringValue { detail += ", \(scale)" }
                if let outcome = run["delivery_outcome"]?.stringValue { detail += ", \(outcome)" }
                if let host = run["host"]?.stringValue { detail += " (on \(host))" }
                lines.append("  - \(run["generated_at"]?.stringValue ?? ""): \(detail)")
            }
        }
        for (title, entries) in [("Errors", contract.errors), ("Warnings", contract.warnings)] where !entries.isEmpty {
            lines += ["", "## \(title)", ""] + entries.map { "- \($0)" }
        }
        if let findings = globalRegistry?.findings, !findings.isEmpty {
            lines += ["", "## Global registry findings", ""]
            for finding in findings {
                lines.append("- \(finding["severity"]?.stringValue ?? "") `\(finding["kind"]?.stringValue ?? "")` \(finding["goal_id"]?.stringValue ?? ""): \(finding["action"]?.stringValue ?? "")")
            }
        }
        return lines.joined(separator: "\n")
    }
}
