import LoopXRules
import LoopXSupport

/// What a `connect` / `bootstrap` rerun kept although the caller passed something else: a
/// rerun never replaces an existing entry or state file without `--force`, so each passed
/// value that differs from the kept one is reported with the command that replaces it.
extension Bootstrap {
    /// One registry field the caller can pass: whether it was passed, where it lives in the
    /// entry, and how to replace it.
    struct FieldCheck {
        var field: String
        var passed: Bool
        var path: [String]
        var replace: String
    }

    /// The passed values the kept registry entry and state file differ from, each as
    /// `{field, kept, passed, replace_with}`; empty when nothing was kept or nothing differs.
    func keptFields(kept: GoalEntry?, passed: GoalEntry, goalID: GoalID, statePath: String, stateKept: Bool) -> [JSONValue] {
        var out: [JSONValue] = []
        let configure = "loopx configure-goal --goal-id \(goalID)"
        let force = "rerun with --force (replaces the whole registry entry and the active state file)"
        if let kept {
            let checks = [
                FieldCheck(field: "domain", passed: options.domain != nil, path: ["domain"], replace: force),
                FieldCheck(field: "role", passed: options.role != nil, path: ["role"], replace: force),
                FieldCheck(field: "parent_goal_id", passed: options.parentGoalID != nil, path: ["parent_goal_id"], replace: force),
                FieldCheck(field: "goal_doc", passed: options.goalDoc != nil, path: ["authority_sources"], replace: force),
                FieldCheck(
                    field: "adapter.kind", passed: options.adapterKind != nil, path: ["adapter", "kind"],
                    replace: "\(configure) --adapter-kind \(ShellQuote.quote(options.adapterKind ?? "")) --execute"),
                FieldCheck(
                    field: "adapter.status", passed: options.adapterStatus != nil, path: ["adapter", "status"],
                    replace: "\(configure) --adapter-status \(ShellQuote.quote(options.adapterStatus ?? "")) --execute"),
                FieldCheck(
                    field: "coordination.write_scope", passed: !options.writeScopes.isEmpty, path: ["coordination", "write_scope"],
                    replace: "\(configure) --clear-write-scope"
                        + options.writeScopes.map { " --write-scope \(ShellQuote.quote($0))" }.joined() + " --execute"),
                FieldCheck(
                    field: "coordination.registered_agents", passed: !options.registeredAgents.isEmpty,
                    path: ["coordination", "registered_agents"],
                    replace: "\(configure) --clear-registered-agents"
                        + options.registeredAgents.map { " --registered-agent \(ShellQuote.quote($0))" }.joined() + " --execute"),
                FieldCheck(
                    field: "spawn_policy.allowed", passed: options.spawnAllowed, path: ["spawn_policy", "allowed"],
                    replace: "\(configure) --spawn-allowed --execute"),
                FieldCheck(
                    field: "spawn_policy.allowed_domains", passed: !options.allowedDomains.isEmpty,
                    path: ["spawn_policy", "allowed_domains"],
                    replace: "\(configure) --clear-allowed-domains"
                        + options.allowedDomains.map { " --allowed-domain \(ShellQuote.quote($0))" }.joined() + " --execute"),
            ]
            for check in checks where check.passed {
                let was = Bootstrap.value(kept.object, at: check.path)
                let now = Bootstrap.value(passed.object, at: check.path)
                guard was != now else { continue }
                out.append(["field": .string(check.field), "kept": was, "passed": now, "replace_with": .string(check.replace)])
            }
        }
        if stateKept, let objective = options.objective {
            let document = try? ActiveStateFile.read(statePath).0
            let current = document?.frontMatter.first { $0.key == "objective" }?.value ?? ""
            if current != objective {
                out.append([
                    "field": "objective", "kept": .string(current), "passed": .string(objective),
                    "replace_with": .string("edit `objective:` and the `## Objective` section of \(statePath), or \(force)"),
                ])
            }
        }
        return out
    }

    /// The value at a key path of an entry object; `null` when absent.
    static func value(_ object: JSONObject, at path: [String]) -> JSONValue {
        var current = JSONValue.object(object)
        for key in path { current = current[key] ?? .null }
        return current
    }

    /// The Markdown lines of the kept fields and warnings; empty when there are none.
    static func keptMarkdown(_ payload: JSONObject) -> [String] {
        var lines: [String] = []
        let kept = payload["kept_fields"]?.arrayValue ?? []
        if !kept.isEmpty {
            lines += ["", "## Kept, not changed", ""]
            for field in kept {
                let name = field["field"]?.stringValue ?? ""
                let was = JSONWriter().string(field["kept"] ?? .null)
                let passed = JSONWriter().string(field["passed"] ?? .null)
                lines.append("- `\(name)` kept \(was) (passed \(passed)); to replace: \(field["replace_with"]?.stringValue ?? "")")
            }
        }
        let warnings = payload["warnings"]?.arrayValue ?? []
        if !warnings.isEmpty {
            lines += ["", "## Warnings", ""]
            lines += warnings.map { "- " + ($0.stringValue ?? "") }
        }
        return lines
    }
}
