import ArgumentParser
import LoopXCore

/// `loopx rules replay`: what would a rule change have decided?
struct RulesReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-decide logged decisions under the current (or a candidate) rule set; exit 1 when any would change.",
        discussion: """
            The candidate is the rule files as they are now, plus any --rules layers; with
            --git-rev REV each goal's project layer .loopx/rules is read at that revision instead.
            Example: loopx rules replay --since 7d --rules ./stricter.yaml --format json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: RulesOptions
    @Option(help: "Replay only this goal (default: every goal in the registry).") var goalId: String?
    @Option(help: "Only decisions logged since: 7d, 24h, 90m, 3600s or an RFC 3339 time.") var since: String?
    @Option(name: .customLong("git-rev"), help: "Use the project's .loopx/rules as of this git revision.") var gitRev: String?

    func run() throws {
        try global.deciding { context in
            var replay = RulesReplay(context: context)
            replay.goalID = try goalId.map { id throws(CommandFailure) in try GoalID.parse(id) }
            replay.since = try since.map { text throws(CommandFailure) in try RulesReplay.since(text, now: context.now) }
            replay.gitRevision = gitRev
            replay.builtinRules = options.builtinRules
            try emit(try replay.run(), format: context.format)
        }
    }
}
