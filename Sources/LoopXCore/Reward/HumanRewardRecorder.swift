import LoopXRules
import LoopXSupport

/// `loopx reward`: binds a human judgement (and optional lesson) to one run by appending an
/// overlay row with the run's identity, so every reader merges it into that run.
public enum HumanRewardRecorder {
    /// Row fields copied from the selected run into the overlay (those present).
    static let copiedKeys = [
        "generated_at", "goal_id", "classification", "recommended_action", "health_check", "active_task_count",
        "active_priorities", "cache_check", "controller_readiness", "json_path", "markdown_path",
    ]

    /// Validates, selects the run, appends the overlay and (when asked) writes the summary into
    /// the active state. With `dryRun` nothing is written, but the report is the same shape.
    public static func run(_ request: RewardRequest, context: LoopXContext) throws(CommandFailure) -> RewardReport {
        let workspace = try GoalWorkspace(context: context, goalID: request.goalID)
        let recordedAt = try RecordedAt.resolve(request.recordedAt, now: context.now)
        let history = workspace.history
        let rawBefore = history.rawLineCount()
        let run = try selectRun(history, generatedAt: request.runGeneratedAt, goalID: workspace.goalID)
        let humanReward = request.humanReward(recordedAt: recordedAt)
        var overlay = JSONObject()
        for key in copiedKeys { if let value = run.fields[key] { overlay[key] = value } }
        overlay["human_reward"] = .object(humanReward)
        // Key order differs between a parsed row and a built object: compare canonical text.
        let canonical = JSONWriter(sortedKeys: true, pretty: false)
        let alreadyRecorded = run.humanReward.map { canonical.string(.object($0)) } == canonical.string(.object(humanReward))

        let goalID = workspace.goalID.rawValue
        let text = RewardText(language: request.language)
        let historyCommand = "loopx history --goal-id \(goalID) --limit 3"
        let recordedSummary = text.summary(goalID: goalID, runAt: run.generatedAt, request: request, recorded: true)
        var state = RewardReport.StateUpdate(requested: request.writeActiveStateSummary)
        if request.writeActiveStateSummary {
            guard let path = try workspace.stateFilePath(override: request.stateFile) else {
                throw CommandFailure("goal '\(goalID)' declares no state_file", hint: "pass --state-file PATH")
            }
            let entry = ProgressLedger.entry(recordedAt: recordedAt, summary: recordedSummary, historyCommand: historyCommand)
            let (document, _) = try ActiveStateFile.read(path)
            state.stateFile = path
            state.entry = entry
            state.alreadyPresent = ProgressLedger.contains(entry, in: document)
            state.wouldWrite = !state.alreadyPresent
        }

        var appended = false
        if !request.dryRun {
            // The overlay is appended only once the state edit (when asked) is staged on disk,
            // so a write that cannot happen leaves the index untouched too.
            func appendOverlay() throws(CommandFailure) {
                guard !alreadyRecorded, !appended else { return }
                do { try history.append(row: overlay) } catch { throw CommandFailure(error.description) }
                appended = true
            }
            if let path = state.stateFile, let entry = state.entry, state.wouldWrite {
                let outcome = try ActiveStateFile.edit(path, now: context.now, beforeWrite: appendOverlay) { editor throws(CommandFailure) in
                    ProgressLedger.insert(entry, into: &editor.document, updatedAt: recordedAt)
                }
                state.written = outcome.changed
                state.alreadyPresent = !outcome.result
            }
            try appendOverlay()
        }
        return RewardReport(
            request: request, workspace: workspace, run: run, humanReward: humanReward, overlay: overlay,
            rawIndexRecordsBefore: rawBefore, appended: appended, alreadyRecorded: alreadyRecorded,
            summary: request.dryRun
                ? text.summary(goalID: goalID, runAt: run.generatedAt, request: request, recorded: false) : recordedSummary,
            historyCommand: historyCommand, state: state)
    }

    /// The run with exactly this `generated_at`, else the newest delivery run (quota spends
    /// and voids are bookkeeping, never rewarded by default) among the newest
    /// `FactsBuilder.historyWindow`.
    static func selectRun(_ history: RunHistory, generatedAt: String?, goalID: GoalID) throws(CommandFailure) -> RunRecord {
        let found: RunRecord?
        if let generatedAt {
            found = history.run(generatedAt: generatedAt)
            guard found != nil else {
                throw CommandFailure(
                    "goal '\(goalID)' has no run with generated_at '\(generatedAt)'",
                    hint: "list runs with `loopx history --goal-id \(goalID)` and copy a generated_at value", code: .notFound)
            }
        } else {
            let newest = history.newest(limit: FactsBuilder.historyWindow)
            found = newest.first(where: { !$0.isSpendBookkeeping })
            if found == nil, !newest.isEmpty {
                throw CommandFailure(
                    "goal '\(goalID)' has no delivery run to reward among its newest \(newest.count) runs (only quota spends)",
                    hint: "pass --generated-at with a run from `loopx history --goal-id \(goalID)`")
            }
        }
        guard let run = found else {
            throw CommandFailure(
                "goal '\(goalID)' has no runs to reward",
                hint: "record a run first, e.g. `loopx refresh-state --goal-id \(goalID)` or `loopx read-only-map --goal-id \(goalID)`",
                code: .notFound)
        }
        guard !(run.jsonPath ?? "").isEmpty, !(run.markdownPath ?? "").isEmpty else {
            throw CommandFailure("the selected run (\(run.generatedAt)) has no json_path/markdown_path, so an overlay cannot bind to it")
        }
        return run
    }
}
