import ArgumentParser
import LoopXCore

struct RewardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reward",
        abstract: "Bind a human reward (and an optional lesson) to a run as an overlay in its history.",
        discussion: """
            Example: loopx reward --goal-id app-goal --decision continue_route --reward positive \
            --reason-summary "validation improved" --lesson-kind route --lesson-summary "keep the small steps" \
            --write-active-state-summary --dry-run
            """
    )

    @Option(help: "The goal whose run is judged.") var goalId: String
    @Option(help: "The decision taken, e.g. continue_route or route_correction.") var decision: String
    @Option(help: "positive, negative, mixed or neutral.") var reward: String
    @Option(help: "One public-safe sentence: why.") var reasonSummary: String
    @Option(help: "What should happen next.") var followUp: String?
    @Option(help: "generated_at of the run to judge (default: the newest delivery run, not a quota spend).") var runGeneratedAt: String?
    @Option(help: "When the judgement was made (default: now).") var recordedAt: String?
    @Option(help: "Active state file (default: the goal's state_file).") var stateFile: String?
    @Option(help: "Lesson kind: route, priority, benchmark_protocol, safety_boundary, operating_rule.") var lessonKind: String?
    @Option(help: "The lesson in one sentence.") var lessonSummary: String?
    @Option(help: "Something to avoid (repeatable, at most 5).") var lessonAvoid: [String] = []
    @Option(help: "Something to prefer (repeatable, at most 5).") var lessonPrefer: [String] = []
    @Flag(help: "Also add the summary under the active state's Progress Ledger.") var writeActiveStateSummary = false
    @Flag(help: "Report what would be written; write nothing.") var dryRun = false
    @Option(help: "Language of the summary texts.") var lang: PromptLanguage = .en
    @OptionGroup var global: GlobalOptions

    func run() throws {
        var request = try RewardRequest(
            goalID: goalId, decision: decision, reward: reward, reasonSummary: reasonSummary, followUp: followUp)
        request.runGeneratedAt = runGeneratedAt
        request.recordedAt = recordedAt
        request.stateFile = stateFile
        request.lesson = try RewardLesson.fromFlags(
            kind: lessonKind, summary: lessonSummary, avoid: lessonAvoid, prefer: lessonPrefer)
        request.writeActiveStateSummary = writeActiveStateSummary
        request.dryRun = dryRun
        request.language = lang
        try emit(try HumanRewardRecorder.run(request, context: try global.context()), format: global.format)
    }
}
