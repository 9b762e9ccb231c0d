import LoopXRules
import LoopXSupport

/// Writing the embedded sample with loopx's own writers: `connect` for the registry, the
/// run-history appender for the runs and the reward overlay.
extension DemoTour {
    static func writeSample(_ context: LoopXContext, root: String) throws(CommandFailure) {
        let project = FileSystem.join(root, "project")
        let id = try GoalID.parse(DemoSample.goalID)
        let now = Timestamp(seconds: context.now.seconds)
        do {
            try FileSystem.createDirectory(FileSystem.join(root, "home"))
            try FileSystem.createDirectory(FileSystem.join(project, "docs"))
            try FileSystem.writeAtomically(
                FileSystem.join(project, "docs/GOAL.md"), text: "# Goal\n\n\(DemoSample.objective).\n")
            let state = FileSystem.join(project, GoalTemplate.defaultStateFile(id))
            try FileSystem.createDirectory(FileSystem.dirname(state))
            try FileSystem.writeAtomically(state, text: DemoSample.state(now: now))
        } catch {
            throw CommandFailure(error.description)
        }
        var options = BootstrapOptions()
        options.project = project
        options.goalID = id.rawValue
        options.objective = DemoSample.objective
        options.goalDoc = "docs/GOAL.md"
        options.domain = "sample-shop"
        options.executionOutcomeMarkers = DemoSample.outcomeMarkers
        options.executionSurfaceOnlyHints = DemoSample.surfaceOnlyHints
        _ = try Bootstrap(context: context, options: options).run()

        let store = try GoalStore.open(context)
        let history = store.history(id)
        var rows: [JSONObject] = []
        do {
            for run in DemoSample.runs {
                let at = now.adding(seconds: -run.daysAgo * 86_400).rfc3339
                let stem = RunHistory.stem(generatedAt: at)
                let paths = try history.writeArtifacts(
                    stem: stem, record: { _, _ in ["goal_id": .string(id.rawValue), "classification": .string(run.classification)] },
                    markdown: "# \(run.classification)\n\n\(run.action)\n")
                var row: JSONObject = [
                    "generated_at": .string(at), "goal_id": .string(id.rawValue), "classification": .string(run.classification),
                    "recommended_action": .string(run.action), "health_check": "state_file 1/1",
                    "json_path": .string(paths.json), "markdown_path": .string(paths.markdown),
                ]
                for entry in run.extra { row[entry.key] = entry.value }
                try history.append(row: row)
                rows.append(row)
            }
            var overlay = rows[DemoSample.lessonRunIndex]
            overlay["human_reward"] = DemoSample.humanReward(recordedAt: now.adding(seconds: -2 * 86_400 - 3_600))
            try history.append(row: overlay)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
