import ArgumentParser
import LoopXCore

extension SpendSource: ExpressibleByArgument {}

struct QuotaSpendSlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spend-slot",
        abstract: "Spend quota slot(s) after a validated delivery segment (dry run unless --execute).",
        discussion: """
            Refused (exit 1) unless quota should-run allows it: a run, an outcome-floor recovery, the
            operator gate's safe bypass, or a control-plane self-repair. --execute writes the spend run
            (<stem>-quota-slot-spent.json/.md) and appends one index row; the registry is never written.
            Example: loopx quota spend-slot --goal-id my-goal --execute
            """
    )

    @Option(help: "The goal spending.") var goalId: String
    @Option(help: "Slots to spend.") var slots: Int64 = 1
    @Option(help: "Who spends: heartbeat, controller or adapter.") var source: SpendSource = .heartbeat
    @Option(help: "Why the slot is spent (stored in the quota event).") var reasonSummary: String?
    @Option(help: "The agent spending.") var agentId: String?
    @Flag(help: "Write the spend (default: preview only).") var execute = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (context, _, session) = try global.session(goal: goalId)
        let request = SpendSlotRequest(
            goalID: goalId, slots: slots, source: source, execute: execute, agentID: agentId, reasonSummary: reasonSummary)
        try emit(try SpendSlot.run(request, session: session), format: context.format)
    }
}

struct QuotaVoidSlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void-slot",
        abstract: "Correct a spend: append a quota_slot_voided run naming it (nothing is deleted).",
        discussion: "Example: loopx quota void-slot --goal-id my-goal --void-generated-at 2026-01-01T08:00:00Z --reason-summary 'spent twice'"
    )

    @Option(help: "The goal whose spend is corrected.") var goalId: String
    @Option(help: "generated_at of the quota_slot_spent run to void.") var voidGeneratedAt: String
    @Option(help: "Why the spend is voided.") var reasonSummary: String
    @Option(help: "Slots to void (default: all of the spend not voided yet).") var slots: Int64?
    @Option(help: "The agent correcting.") var agentId: String?
    @Flag(help: "Report what would be appended and write nothing.") var dryRun = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let request = VoidSlot.Request(
            goalID: goalId, voidGeneratedAt: voidGeneratedAt, reasonSummary: reasonSummary, slots: slots, dryRun: dryRun,
            agentID: agentId)
        try emit(try VoidSlot.run(request, context: context), format: context.format)
    }
}

struct QuotaStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Every registered goal's quota state, grouped (all groups shown).",
        discussion: "Example: loopx quota status --format json"
    )

    @OptionGroup var global: GlobalOptions

    func run() throws { try runQuotaPlan(global, mode: "status") }
}

struct QuotaPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The quota plan: goals grouped by state, and the next automatic turn (empty groups omitted).",
        discussion: "Example: loopx quota plan"
    )

    @OptionGroup var global: GlobalOptions

    func run() throws { try runQuotaPlan(global, mode: "plan") }
}

func runQuotaPlan(_ global: GlobalOptions, mode: String) throws {
    let (context, session) = try global.session()
    try emit(QuotaPlan(session: session, mode: mode).build(), format: context.format)
}
