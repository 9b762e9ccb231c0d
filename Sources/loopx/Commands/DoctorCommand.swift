import ArgumentParser
import LoopXCore

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the install: binary, PATH, libyaml, built-in rules, runtime root.",
        discussion: "Example: loopx doctor --format json"
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let report = Doctor(context: context, validateRules: { RuleValidation.problem(inRulesDirectory: $0, context: context) }).run()
        try emit(report, format: context.format)
    }
}
