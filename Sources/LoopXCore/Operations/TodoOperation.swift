import LoopXRules
import LoopXSupport

/// `loopx todo add/list/claim/release/complete`: edits of a goal's active-state todos under
/// the file's lock, byte-preserving, with leases for claims.
public struct TodoOperation: Sendable {
    public enum Action: String, Sendable { case add, list, claim, release, complete }

    public var store: GoalStore
    public var action: Action
    public var goalID: String
    public var stateFile: String?
    public var todoID: String?
    public var agentID: String?
    public var role: TodoItem.Role?
    public var text: String?
    public var taskClass: String?
    public var actionKind: String?
    public var evidence: String?
    public var status: String?
    public var ttlMinutes: Int64?
    public var dryRun = false

    public init(store: GoalStore, action: Action, goalID: String) {
        self.store = store
        self.action = action
        self.goalID = goalID
    }

    public func run() throws(CommandFailure) -> PayloadReport {
        let id = try GoalID.parse(goalID)
        let goal = store.registry.goal(id: id.rawValue)
        let env = store.context.environment
        var declared: String?
        if stateFile == nil, let goal { declared = try store.stateFilePath(of: goal) }
        guard let path = stateFile.map(env.absolute) ?? declared else {
            throw store.unknownGoal(id, orStateFile: true)
        }
        let agent = try agentID.map { raw throws(CommandFailure) in try checkedAgent(raw, goal: goal) }
        var payload: JSONObject = [
            "goal_id": .string(id.rawValue), "state_file": .string(path), "action": .string(action.rawValue), "dry_run": .bool(dryRun),
        ]
        if action == .list {
            let (document, _) = try ActiveStateFile.read(path)
            let todos = document.todos.filter { todo in
                (role.map { todo.role == $0 } ?? true) && (status.map { todo.status.rawValue == $0 } ?? true)
            }
            payload["ok"] = true
            payload["todos"] = .array(todos.map(\.json))
            payload["open_count"] = .int(Int64(todos.filter { $0.status == .open }.count))
            payload["claimed_open_count"] = .int(Int64(todos.filter { $0.status == .open && $0.leaseHolder(at: store.context.now) != nil }.count))
            return PayloadReport(payload, markdown: TodoOperation.markdown(payload))
        }
        let ttl = try leaseMinutes(goal)
        if action != .add, let shared = try store.sharedStore() {
            return try runShared(shared, goalID: id, path: path, agent: agent, ttl: ttl, payload: payload)
        }
        let outcome = try ActiveStateFile.edit(path, now: store.context.now, write: !dryRun) { editor throws(CommandFailure) in
            try apply(&editor, agent: agent, ttl: ttl)
        }
        payload["ok"] = true
        payload["effect"] = .string(outcome.result.1.rawValue)
        payload["todo"] = outcome.result.0.json
        payload["changed"] = .bool(outcome.changed)
        payload["written"] = .bool(outcome.changed && !dryRun)
        // The item's lines as they are (or, in a dry run, would be) in the file.
        if let item = outcome.document.todo(id: outcome.result.0.id) {
            payload["lines"] = .strings((item.itemLine..<item.endLine).map(outcome.document.content))
        }
        if action == .claim { payload["ttl_minutes"] = .int(ttl) }
        return PayloadReport(payload, markdown: TodoOperation.markdown(payload))
    }

    /// The lease length of a claim: `--ttl-minutes` (a usage error outside its range), else
    /// the goal's `claim_ttl_minutes`; a registry value outside its range refuses the claim
    /// rather than leasing for a clamped time nobody asked for.
    func leaseMinutes(_ goal: GoalEntry?) throws(CommandFailure) -> Int64 {
        if let ttlMinutes { return try NumberRange.claimTTLMinutes.checkedFlag(ttlMinutes, flag: "--ttl-minutes") }
        let defaultMinutes = try FieldRules.builtin(store.context).claimTTLMinutes
        guard let goal else { return defaultMinutes }
        let ttl = goal.claimTTL(default: defaultMinutes)
        if action == .claim, let violation = ttl.violation {
            let index = goal.id.flatMap(store.registry.goalIndex(id:)) ?? 0
            throw CommandFailure("\(store.registryPath): \(violation.message(goalIndex: index))",
                                 hint: "fix the registry value, or pass --ttl-minutes N with N in \(NumberRange.claimTTLMinutes.text)")
        }
        return ttl.minutes
    }

    func apply(_ editor: inout TodoEditor, agent: String?, ttl: Int64) throws(CommandFailure) -> (TodoItem, TodoEditor.Effect) {
        do {
            switch action {
            case .add:
                guard let text, !TodoMetadata.compact(text).isEmpty else { throw CommandFailure("todo add needs --text", status: .usage) }
                try PublicSafeText.require(text, field: "--text")
                var metadata = TodoMetadata()
                if let taskClass {
                    guard TodoItem.taskClasses.contains(taskClass) else {
                        throw CommandFailure("--task-class must be one of \(TodoItem.taskClasses.joined(separator: ", "))", status: .usage)
                    }
                    metadata["task_class"] = taskClass
                }
                if let actionKind {
                    guard TodoValidation.isActionKind(actionKind) else { throw CommandFailure("--action-kind '\(actionKind)' is invalid", status: .usage) }
                    metadata["action_kind"] = actionKind
                }
                if let agent { metadata["claimed_by"] = agent }
                return editor.add(role: role ?? .agent, text: text, metadata: metadata)
            case .claim:
                guard let agent else { throw CommandFailure("todo claim needs --agent-id", status: .usage) }
                return try editor.claim(id: try todo(), agent: agent, ttlMinutes: ttl)
            case .release:
                guard let agent else { throw CommandFailure("todo release needs --agent-id", status: .usage) }
                return try editor.release(id: try todo(), agent: agent)
            case .complete:
                if let evidence { try PublicSafeText.require(evidence, field: "--evidence") }
                return try editor.complete(id: try todo(), agent: agent, evidence: evidence)
            case .list:
                throw CommandFailure("list does not edit")
            }
        } catch let refusal as TodoEditor.Refusal {
            throw CommandFailure(refusal.message, code: .refused)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    func todo() throws(CommandFailure) -> String {
        guard let todoID, !todoID.isEmpty else { throw CommandFailure("this action needs --todo-id", status: .usage) }
        return todoID
    }

    /// A valid agent id that is registered for the goal when the goal lists agents.
    func checkedAgent(_ raw: String, goal: GoalEntry?) throws(CommandFailure) -> String {
        let agent = TodoValidation.normalizeAgentID(raw)
        guard TodoValidation.isAgentID(agent) else {
            throw CommandFailure("agent id '\(raw)' is invalid", hint: "lower-case letters, digits and _.:@- (at most 80)", status: .usage)
        }
        let registered = goal?.registeredAgents.map(TodoValidation.normalizeAgentID) ?? []
        if !registered.isEmpty, !registered.contains(agent) {
            throw CommandFailure("agent '\(agent)' is not registered for goal '\(goalID)'",
                                 hint: "registered agents: \(registered.joined(separator: ", ")); add it to coordination.registered_agents")
        }
        return agent
    }

    static func markdown(_ payload: JSONObject) -> String {
        var lines = ["# loopx todo \(payload["action"]?.stringValue ?? "")", ""]
        lines += MarkdownText.bullets(payload, ["goal_id", "state_file", "effect", "changed", "written", "dry_run", "ttl_minutes", "open_count", "claimed_open_count"])
        let todos = payload["todos"]?.arrayValue ?? payload["todo"].map { [$0] } ?? []
        if !todos.isEmpty { lines += ["", "## Todos", ""] }
        for todo in todos {
            let mark = todo["status"] == "done" ? "x" : (todo["status"] == "deferred" ? "-" : " ")
            var line = "- [\(mark)] \(todo["text"]?.stringValue ?? "") — `\(todo["todo_id"]?.stringValue ?? "")` (\(todo["role"]?.stringValue ?? ""), \(todo["status"]?.stringValue ?? ""))"
            if let holder = todo["claimed_by"]?.stringValue { line += " claimed by \(holder) until \(todo["claim_expires_at"]?.stringValue ?? "-")" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
