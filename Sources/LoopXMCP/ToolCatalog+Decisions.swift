import LoopXCore

extension ToolCatalog {
    /// `quota should-run`.
    static let shouldRun = LoopXTool(
        name: "should_run",
        description: """
            The heartbeat guard: should this goal spend compute now? Same answer as \
            `loopx --format json quota should-run`. Call it first on every heartbeat; when ok is false, \
            stop and report `reason`. read_only decides without recording an obligation or a decision-log record.
            """,
        properties: [ToolSchema.agent, .boolean("read_only", "Decide without recording anything."), .boolean("trace", "Add every rule's outcome and near-miss why.")],
        required: [], readOnly: false
    ) { arguments, context in
        let goal = try GoalID.parse(try arguments.goalID())
        let session = try openSession(context, goal)
        return try ShouldRun(session: session, goalID: goal).run(
            trace: try arguments.bool("trace") ? .on : .off, agentID: try arguments.string("agent_id"),
            record: !(try arguments.bool("read_only")))
    }

    /// `gate check`.
    static let gateCheck = LoopXTool(
        name: "gate_check",
        description: """
            May a proposed action proceed? Evaluates the boundary gates exactly as `loopx gate check`. \
            allowed=true means go; otherwise `gate` is blocked (fix first), operator_approval or \
            parent_approval (ask that person) and `rules` name the deciding rules with their reasons. \
            Pass the literal command for git/shell actions so the rules can classify it.
            """,
        properties: [
            .string("kind", "The action kind.", enum: GateCheck.kinds.map(\.cli)),
            .string("ref", "The target branch or ref."),
            .strings("paths", "Repo-relative paths the action writes."),
            .string("command", "The literal command, when the action is one."),
            .boolean("validated", "Targeted validation of the change passed."),
            .boolean("scan_clean", "The boundary scan of the change is clean."),
            .string("environment", "Target environment (production, staging, ...)."),
            .boolean("requires_review", "A repository rule requires review for this action."),
            ToolSchema.agent,
            .boolean("read_only", "Decide without appending to the goal's decision log."),
            .boolean("trace", "Add every gate rule's outcome and near-miss why."),
        ],
        required: ["kind"], readOnly: false
    ) { arguments, context in
        let goal = try arguments.goalID()
        var request = GateCheck.Request(goalID: goal, kind: try arguments.required("kind"))
        request.paths = try arguments.strings("paths")
        request.ref = try arguments.string("ref") ?? ""
        request.command = try arguments.string("command") ?? ""
        request.validated = try arguments.bool("validated")
        request.scanClean = try arguments.bool("scan_clean")
        request.environment = try arguments.string("environment") ?? ""
        request.requiresReview = try arguments.bool("requires_review")
        request.agentID = try arguments.string("agent_id") ?? ""
        _ = try GateCheck.action(request)
        let session = try openSession(context, try GoalID.parse(goal))
        return try GateCheck(session: session).run(
            request, trace: try arguments.bool("trace") ? .on : .off, record: !(try arguments.bool("read_only")))
    }

    /// `quota spend-slot`.
    static let spendSlot = LoopXTool(
        name: "spend_slot",
        description: """
            Spend quota slot(s) after a validated delivery segment. A preview unless execute is true; \
            refused unless should_run allows it. Same answer as `loopx quota spend-slot`.
            """,
        properties: [
            .integer("slots", "Slots to spend (default 1)."),
            .string("source", "Who spends (default heartbeat).", enum: SpendSource.allCases.map(\.rawValue)),
            .string("reason_summary", "Why the slot is spent (public-safe)."), ToolSchema.agent,
            .boolean("execute", "Write the spend (default: preview only)."),
        ],
        required: [], readOnly: false
    ) { arguments, context in
        let goal = try arguments.goalID()
        let sourceName = try arguments.string("source") ?? SpendSource.heartbeat.rawValue
        guard let source = SpendSource(rawValue: sourceName) else {
            throw ToolFailure(.usage, "unknown source '\(sourceName)'", hint: "one of " + SpendSource.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let session = try openSession(context, try GoalID.parse(goal))
        let request = SpendSlotRequest(
            goalID: goal, slots: try arguments.integer("slots") ?? 1, source: source, execute: try arguments.bool("execute"),
            agentID: try arguments.string("agent_id"), reasonSummary: try arguments.string("reason_summary"))
        return try SpendSlot.run(request, session: session)
    }

    /// `quota void-slot`.
    static let voidSlot = LoopXTool(
        name: "void_slot",
        description: """
            Correct a spend: append a quota_slot_voided run naming it (nothing is deleted). Same answer \
            as `loopx quota void-slot`; dry_run reports what would be appended.
            """,
        properties: [
            .string("void_generated_at", "generated_at of the quota_slot_spent run to void."),
            .string("reason_summary", "Why the spend is voided (public-safe)."),
            .integer("slots", "Slots to void (default: all of the spend not voided yet)."), ToolSchema.agent,
            .boolean("dry_run", "Report what would be appended; write nothing."),
        ],
        required: ["void_generated_at", "reason_summary"], readOnly: false
    ) { arguments, context in
        let request = VoidSlot.Request(
            goalID: try arguments.goalID(), voidGeneratedAt: try arguments.required("void_generated_at"),
            reasonSummary: try arguments.required("reason_summary"), slots: try arguments.integer("slots"),
            dryRun: try arguments.bool("dry_run"), agentID: try arguments.string("agent_id"))
        return try VoidSlot.run(request, context: context)
    }

    /// `rules explain --goal-id`.
    static let rulesExplain = LoopXTool(
        name: "rules_explain",
        description: """
            The full trace of a decision for the goal: every stage, outcome and near miss. Same answer \
            as `loopx rules explain --goal-id G --decision D`. Use it to understand why should_run or a gate said no.
            """,
        properties: [
            .string("decision", "should_run (default), status or gate."),
            .boolean("full", "Also show the value of every sub-expression."),
        ],
        required: [], readOnly: true
    ) { arguments, context in
        let goal = try GoalID.parse(try arguments.goalID())
        let session = try openSession(context, goal)
        return try RulesExplainReport.forGoal(
            session: session, goalID: goal, decision: try arguments.string("decision") ?? "should_run",
            trace: try arguments.bool("full") ? .full : .on)
    }

    /// A decision session, its failures as tool failures.
    static func openSession(_ context: LoopXContext, _ goal: GoalID) throws(ToolFailure) -> DecisionSession {
        do { return try DecisionSession.open(context, goalID: goal) } catch { throw ToolFailure(error) }
    }
}
