import ArgumentParser
import LoopXCore

extension PromptLanguage: ExpressibleByArgument {}

struct NewProjectPromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-project-prompt",
        abstract: "Print the copy-paste handoff prompt and connect command for a new project.",
        discussion: "Example: loopx new-project-prompt --project ~/src/app --goal-doc GOAL.md --domain web"
    )

    @Option(help: "The project directory.") var project: String
    @Option(help: "The goal document, relative to the project.") var goalDoc: String
    @Option(help: "Goal id (default: <project folder>-goal).") var goalId: String?
    @Option(help: "One-line objective.") var objective: String?
    @Option(help: "Domain of the goal.") var domain: String?
    @Option(help: "Adapter kind.") var adapterKind = "read_only_project_map_v0"
    @Option(help: "Adapter status.") var adapterStatus = "connected-read-only"
    @Option(help: "The next probe to run.") var nextProbe: String?
    @Flag(help: "Allow spawning child goals.") var spawnAllowed = false
    @Option(help: "A domain child goals may take (repeatable).") var allowedDomain: [String] = []
    @Option(help: "A path the agent may write (repeatable).") var writeScope: [String] = []
    @Option(help: "The CLI the prompt calls (e.g. loopx-canary).") var cliBin = "loopx"
    @Option(help: "Prompt language.") var lang: PromptLanguage = .en
    @OptionGroup var global: GlobalOptions

    func run() throws {
        // `.`, `..` or a relative path names a real directory: the prompt's `cd` and the
        // default goal id use its absolute path and folder name.
        let directory = LoopXEnvironment.current().absolute(project)
        var inputs = NewProjectPrompt.Inputs(project: directory, goalDoc: goalDoc)
        inputs.goalID = goalId
        inputs.objective = objective
        inputs.domain = domain
        inputs.adapterKind = adapterKind
        inputs.adapterStatus = adapterStatus
        inputs.nextProbe = nextProbe
        inputs.spawnAllowed = spawnAllowed
        inputs.allowedDomains = allowedDomain
        inputs.writeScope = writeScope
        inputs.cliBin = cliBin
        inputs.language = lang
        try emit(NewProjectPromptReport(prompt: try NewProjectPrompt(inputs)), format: global.format)
    }
}
