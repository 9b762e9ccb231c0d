import ArgumentParser
import LoopXCore

extension ReviewKind: ExpressibleByArgument {}

struct ReviewPacketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review-packet",
        abstract: "Print a goal's human decision packet, or with --handoff-only just the agent handoff.",
        discussion: """
            Read-only: records no decision, writes no run, spends no quota.
            Example: loopx review-packet --goal-id app-goal --handoff-only
            """
    )

    @Option(help: "The goal to package.") var goalId: String
    @Flag(help: "Print only the agent handoff (goal guard, conditions, boundary, command).") var handoffOnly = false
    @Option(help: "Force the packet kind instead of inferring it from the attention item.")
    var actionKind: ReviewKind?
    @Option(help: "A link to show in the packet (e.g. a dashboard page).") var reviewUrl: String?
    @Option(help: "How many recent runs to read.") var limit = 5
    @Option(help: "Language of the packet.") var lang: PromptLanguage = .en
    @OptionGroup var global: GlobalOptions

    func run() throws {
        var input = try global.deciding { context in
            try ReviewPacketInput.load(context: context, goalID: goalId, limit: limit, language: lang)
        }
        input.actionKind = actionKind
        input.reviewURL = reviewUrl
        try emit(ReviewPacketReport(packet: ReviewPacket(input), handoffOnly: handoffOnly), format: global.format)
    }
}
