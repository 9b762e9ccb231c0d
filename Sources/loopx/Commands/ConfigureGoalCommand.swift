import ArgumentParser
import LoopXCore

struct ConfigureGoalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "configure-goal",
        abstract: "Change a goal's registry fields (waiting_on, adapter, status, quota, scope, spawn policy, agents); a preview unless --execute.",
        discussion: "Example: loopx configure-goal --goal-id shop-goal --waiting-on codex --quota-compute 0.5 --execute"
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The goal to change.") var goalId: String
    @Option(help: "Who the goal waits on: codex, user_or_controller, controller or external_evidence.") var waitingOn: String?
    @Flag(help: "Remove the waiting_on override.") var clearWaitingOn = false
    @Option(help: "Goal status label, e.g. active or paused.") var status: String?
    @Option(help: "Adapter kind, e.g. read_only_project_map_v0.") var adapterKind: String?
    @Option(help: "Adapter status, e.g. connected or planned.") var adapterStatus: String?
    @Option(help: "Share of compute in 0...1 (0 pauses the goal).") var quotaCompute: Double?
    @Option(help: "Quota window in hours (1...87600).") var quotaWindowHours: Int64?
    @Option(help: "Minutes per slot (1...5256000).") var quotaSlotMinutes: Int64?
    @Option(help: "Slots allowed per window (0...5256000; default derived from the window and compute).") var quotaAllowedSlots: Int64?
    @Flag(help: "Remove allowed_slots so it is derived again.") var clearQuotaAllowedSlots = false
    @Option(help: "A path pattern the goal may write, e.g. docs/** (repeatable; added to the list).") var writeScope: [String] = []
    @Flag(help: "Empty the write scope first.") var clearWriteScope = false
    @Flag(inversion: .prefixedNo, help: "Allow or forbid spawning subagents.") var spawnAllowed: Bool?
    @Option(help: "Maximum subagents (0...1000).") var maxChildren: Int64?
    @Option(help: "A domain subagents may take (repeatable; added).") var allowedDomain: [String] = []
    @Flag(help: "Empty the allowed domains first.") var clearAllowedDomains = false
    @Option(help: "Orchestration mode: default or multi_subagent.") var orchestrationMode: String?
    @Option(help: "An agent allowed to claim todos (repeatable or comma-separated; added).") var registeredAgent: [String] = []
    @Flag(help: "Empty the registered agents first.") var clearRegisteredAgents = false
    @Option(help: "The registered agent that owns review, merge and coordination.") var primaryAgent: String?
    @Flag(help: "Remove the primary agent.") var clearPrimaryAgent = false
    @Flag(inversion: .prefixedNo, help: "Enable or disable control-plane self-repair.") var selfRepair: Bool?
    @Flag(help: "Write the registry (default: preview only).") var execute = false
    @Flag(help: "Do not sync the goal into the global registry.") var noGlobalSync = false

    func run() throws {
        let context = try global.context()
        var o = ConfigureGoalOptions()
        (o.waitingOn, o.clearWaitingOn, o.status, o.adapterKind, o.adapterStatus) = (waitingOn, clearWaitingOn, status, adapterKind, adapterStatus)
        (o.quotaCompute, o.quotaWindowHours, o.quotaSlotMinutes) = (quotaCompute, quotaWindowHours, quotaSlotMinutes)
        (o.quotaAllowedSlots, o.clearQuotaAllowedSlots) = (quotaAllowedSlots, clearQuotaAllowedSlots)
        (o.writeScopes, o.clearWriteScope, o.spawnAllowed, o.maxChildren) = (writeScope, clearWriteScope, spawnAllowed, maxChildren)
        (o.allowedDomains, o.clearAllowedDomains, o.orchestrationMode) = (allowedDomain, clearAllowedDomains, orchestrationMode)
        (o.registeredAgents, o.clearRegisteredAgents) = (registeredAgent, clearRegisteredAgents)
        (o.primaryAgent, o.clearPrimaryAgent, o.selfRepair) = (primaryAgent, clearPrimaryAgent, selfRepair)
        let report = try ConfigureGoal.run(
            context, goalID: goalId, options: o, execute: execute, noGlobalSync: noGlobalSync, mode: "configure-goal")
        try emit(report, format: context.format)
    }
}
