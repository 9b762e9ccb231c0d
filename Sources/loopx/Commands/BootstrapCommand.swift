import ArgumentParser
import LoopXCore

struct BootstrapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bootstrap",
        abstract: "Connect a project: create or merge its registry goal and active state file (safe to rerun).",
        discussion: "Example: loopx bootstrap --goal-id shop-goal --objective \"Ship the importer\" --goal-doc docs/GOAL.md --dry-run",
        aliases: ["connect"]
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Project directory (default: the working directory).") var project: String?
    @Option(help: "Goal id (default: <project dir slug>-goal).") var goalId: String?
    @Option(help: "The goal's objective.") var objective: String?
    @Option(help: "The primary goal document, relative to the project.") var goalDoc: String?
    @Option(help: "Goal domain (default project-goal-control-plane).") var domain: String?
    @Option(help: "controller or subagent.") var role: String?
    @Option(help: "Parent goal id of a subagent goal.") var parentGoalId: String?
    @Option(help: "Adapter kind (default generic_project_goal_v0).") var adapterKind: String?
    @Option(help: "Adapter status (default connected).") var adapterStatus: String?
    @Flag(help: "Replace an existing goal entry and state file.") var force = false
    @Flag(help: "Report what would be written; write nothing.") var dryRun = false
    @Flag(help: "Do not sync the goal into the global registry.") var noGlobalSync = false
    @Flag(help: "Allow spawning subagents.") var spawnAllowed = false
    @Option(help: "Maximum subagents, 0...1000 (default: Rules/facts.yaml).") var maxChildren: Int64?
    @Option(help: "A domain subagents may take (repeatable).") var allowedDomain: [String] = []
    @Option(help: "A path pattern the goal may write, e.g. docs/** (repeatable).") var writeScope: [String] = []
    @Option(help: "Todo claim lease length in minutes, 1...525600 (default: Rules/facts.yaml).") var claimTtlMinutes: Int64?
    @Option(help: "An agent allowed to claim todos (repeatable).") var registeredAgent: [String] = []
    @Option(help: "Execution profile minimum scale.") var executionMinimumScale: String?
    @Option(help: "Execution profile must-include label (repeatable).") var executionMustInclude: [String] = []
    @Option(help: "Small-scale streak threshold.") var executionSmallStreakThreshold: Int64?
    @Option(help: "Outcome marker (repeatable).") var executionOutcomeMarker: [String] = []
    @Option(help: "Surface-only hint (repeatable).") var executionSurfaceOnlyHint: [String] = []
    @Option(help: "Surface streak threshold of the outcome floor.") var executionSurfaceStreakThreshold: Int64?
    @Option(help: "Outcome the floor requires to advance (repeatable).") var executionOutcomeMustAdvance: [String] = []

    func run() throws {
        let context = try global.context()
        var o = BootstrapOptions()
        (o.project, o.goalID, o.objective, o.goalDoc, o.domain, o.role) = (project, goalId, objective, goalDoc, domain, role)
        (o.parentGoalID, o.adapterKind, o.adapterStatus) = (parentGoalId, adapterKind, adapterStatus)
        (o.force, o.dryRun, o.noGlobalSync, o.spawnAllowed, o.maxChildren) = (force, dryRun, noGlobalSync, spawnAllowed, maxChildren)
        (o.allowedDomains, o.writeScopes, o.claimTTLMinutes, o.registeredAgents) = (allowedDomain, writeScope, claimTtlMinutes, registeredAgent)
        (o.executionMinimumScale, o.executionMustInclude, o.executionSmallStreakThreshold) = (executionMinimumScale, executionMustInclude, executionSmallStreakThreshold)
        (o.executionOutcomeMarkers, o.executionSurfaceOnlyHints) = (executionOutcomeMarker, executionSurfaceOnlyHint)
        (o.executionSurfaceStreakThreshold, o.executionOutcomeMustAdvance) = (executionSurfaceStreakThreshold, executionOutcomeMustAdvance)
        try emit(try Bootstrap(context: context, options: o).run(), format: context.format)
    }
}
