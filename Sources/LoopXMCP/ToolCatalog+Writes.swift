import LoopXCore

extension ToolCatalog {
    /// `refresh-state`.
    static let refreshState = LoopXTool(
        name: "refresh_state",
        description: """
            Write back after a segment: record a run (default classification state_refreshed) derived \
            from the goal's active state, with the delivery scale and outcome. Same answer as \
            `loopx refresh-state`; dry_run writes nothing.
            """,
        properties: [
            .string("classification", "Run classification (default state_refreshed)."),
            .string("recommended_action", "Recommended action (default: first public-safe Next Action item)."),
            .string("delivery_batch_scale", "The segment's scale.", enum: ["test_only", "single_surface", "multi_surface", "implementation"]),
            .string("delivery_outcome", "The segment's outcome.", enum: ["surface_only", "outcome_gap", "outcome_progress", "primary_goal_outcome"]),
            .boolean("dry_run", "Report what would be written; write nothing."),
            .boolean("no_global_sync", "Do not sync the goal into the global registry."),
        ],
        required: [], readOnly: false
    ) { arguments, context in
        var refresh = RefreshState(store: try GoalStore.open(context), goalID: try arguments.goalID())
        refresh.classification = try arguments.string("classification") ?? "state_refreshed"
        refresh.recommendedAction = try arguments.string("recommended_action")
        refresh.deliveryBatchScale = try arguments.string("delivery_batch_scale")
        refresh.deliveryOutcome = try arguments.string("delivery_outcome")
        refresh.dryRun = try arguments.bool("dry_run")
        refresh.noGlobalSync = try arguments.bool("no_global_sync")
        return try refresh.run()
    }

    static let todoClaim = todoTool(
        .claim, "todo_claim",
        "Lease an active-state todo to an agent (refused while another agent's lease is live). Same answer as `loopx todo claim`.",
        [.string("todo_id", "The todo id (from the status or the active state)."), .string("agent_id", "The claiming agent."),
         .integer("ttl_minutes", "Lease length in minutes, 1...525600 (default: the goal's claim_ttl_minutes).")],
        required: ["todo_id", "agent_id"]
    ) { operation, arguments throws in
        (operation.todoID, operation.agentID, operation.ttlMinutes) = (try arguments.required("todo_id"), try arguments.required("agent_id"), try arguments.integer("ttl_minutes"))
    }

    static let todoRelease = todoTool(
        .release, "todo_release", "End an agent's lease on a todo. Same answer as `loopx todo release`.",
        [.string("todo_id", "The todo id."), .string("agent_id", "The agent holding the lease.")],
        required: ["todo_id", "agent_id"]
    ) { operation, arguments throws in
        (operation.todoID, operation.agentID) = (try arguments.required("todo_id"), try arguments.required("agent_id"))
    }

    static let todoComplete = todoTool(
        .complete, "todo_complete", "Mark a todo done and end its lease. Same answer as `loopx todo complete`.",
        [.string("todo_id", "The todo id."), .string("agent_id", "The completing agent (required while a lease is live)."),
         .string("evidence", "Public-safe evidence of completion.")],
        required: ["todo_id"]
    ) { operation, arguments throws in
        (operation.todoID, operation.agentID, operation.evidence) = (try arguments.required("todo_id"), try arguments.string("agent_id"), try arguments.string("evidence"))
    }

    /// A `todo` action: locked, byte-preserving edits of the goal's active state.
    static func todoTool(
        _ action: TodoOperation.Action, _ name: String, _ description: String, _ properties: [ToolSchema.Property],
        required: [String], configure: @escaping @Sendable (inout TodoOperation, ToolArguments) throws -> Void
    ) -> LoopXTool {
        LoopXTool(
            name: name, description: description,
            properties: properties + [.boolean("dry_run", "Report what would change; write nothing.")],
            required: required, readOnly: false
        ) { arguments, context in
            var operation = TodoOperation(store: try GoalStore.open(context), action: action, goalID: try arguments.goalID())
            operation.dryRun = try arguments.bool("dry_run")
            try configure(&operation, arguments)
            return try operation.run()
        }
    }

    /// `reward --dry-run`: appending a reward stays a human act.
    static let rewardPreview = LoopXTool(
        name: "reward_preview",
        description: """
            Preview a human reward overlay for a run (always a dry run: appending a reward stays a \
            human act through `loopx reward` or the status page). Same answer as `loopx reward --dry-run`.
            """,
        properties: [
            .string("decision", "The decision taken, e.g. continue_route or route_correction."),
            .string("reward", "The judgement.", enum: RewardRequest.Value.allCases.map(\.rawValue)),
            .string("reason_summary", "One public-safe sentence: why."), .string("follow_up", "What should happen next."),
            .string("run_generated_at", "generated_at of the run to judge (default: the newest run)."),
            .string("lesson_kind", "route, priority, benchmark_protocol, safety_boundary or operating_rule."),
            .string("lesson_summary", "The lesson in one sentence."),
            .strings("lesson_avoid", "Things to avoid (at most 5)."), .strings("lesson_prefer", "Things to prefer (at most 5)."),
            .boolean("write_active_state_summary", "Also preview the Progress Ledger line."),
        ],
        required: ["decision", "reward", "reason_summary"], readOnly: true
    ) { arguments, context in
        var request = try RewardRequest(
            goalID: try arguments.goalID(), decision: try arguments.required("decision"), reward: try arguments.required("reward"),
            reasonSummary: try arguments.required("reason_summary"), followUp: try arguments.string("follow_up"))
        request.runGeneratedAt = try arguments.string("run_generated_at")
        request.lesson = try RewardLesson.fromFlags(
            kind: try arguments.string("lesson_kind"), summary: try arguments.string("lesson_summary"),
            avoid: try arguments.strings("lesson_avoid"), prefer: try arguments.strings("lesson_prefer"))
        request.writeActiveStateSummary = try arguments.bool("write_active_state_summary")
        request.dryRun = true
        return try HumanRewardRecorder.run(request, context: context)
    }

    /// `status`.
    static let status = LoopXTool(
        name: "status",
        description: """
            Contract health, the attention queue, run history, waivers and lapsed obligations. Same \
            answer as `loopx --format json status`; goal_id narrows it to one goal.
            """,
        properties: [ToolSchema.goal, .integer("limit", "Newest runs shown per goal (default 5).", minimum: 0)],
        required: [], takesGoal: false, readOnly: true
    ) { arguments, context in
        let goal = try arguments.string("goal_id") ?? arguments.pinnedGoal
        if let pinned = arguments.pinnedGoal, goal != pinned { _ = try arguments.goalID() }
        let limit = try arguments.integer("limit").map { Int(clamping: max($0, 0)) } ?? 5
        let options = StatusOptions(goalID: try goal.map(GoalID.parse), limit: limit)
        return try StatusCollector(context: context, options: options).collect()
    }
}
