import LoopXRules
import LoopXSupport

/// The `ACTIVE_GOAL_STATE.md` that `bootstrap` writes for a new goal.
public struct StateTemplate: Sendable {
    public var goalID: GoalID
    public var objective: String
    /// The goal document path relative to the project, when one was given.
    public var goalDoc: String?
    public var profile: ExecutionProfile
    public var registryPath: String
    public var projectPath: String
    public var now: Timestamp

    public init(goalID: GoalID, objective: String, goalDoc: String?, profile: ExecutionProfile, registryPath: String, projectPath: String, now: Timestamp) {
        self.goalID = goalID
        self.objective = objective
        self.goalDoc = goalDoc
        self.profile = profile
        self.registryPath = registryPath
        self.projectPath = projectPath
        self.now = now
    }

    public var text: String {
        let quoted = objective.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        let authority = goalDoc.map { "- Goal document: `\($0)` (primary goal document; read it before acting)." }
            ?? "- No goal document was declared; the objective above is the authority until one is added."
        let lines = [
            "---",
            "status: active",
            "owner_mode: goal",
            "objective: \"\(quoted)\"",
            "updated_at: \(now.rfc3339)",
            "adapter_id: \(goalID)",
            "---",
            "",
            "# Active Goal State",
            "",
            "## Objective",
            "",
            objective,
            "",
            "## Authority Sources",
            "",
            authority,
            "",
            "## Operating Contract",
            "",
            "- This file is the goal's durable state: read it at the start of every tick and update it before the tick ends.",
            "- Read the authority sources before changing direction.",
            "- Work in bounded progress segments that each leave a coherent, validated artifact.",
            "- Keep private evidence (local paths, internal links, credentials) out of anything public.",
            "- End every tick with the changed files, the validation run, the remaining risk and the next action.",
            "",
            "## Execution Profile",
            "",
            "- \(profile.summary)",
            "- After repeated small follow-through, expand the next batch or report the blocker instead of spending.",
            "",
            "## Non-Goals",
            "",
            "- No irreversible production operations without explicit user approval.",
            "- No publication of private material.",
            "- No activity that produces no useful artifact.",
            "",
            "## Next Action",
            "",
            "- Run `loopx --registry \(registryPath) check --scan-root \(projectPath)` and act on the first adapter signal.",
            "",
            "## Recent User Feedback",
            "",
            "- \(now.rfc3339): initialized by loopx bootstrap.",
            "",
            "## Progress Ledger",
            "",
            "- \(now.rfc3339): created the initial active state.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
