import ArgumentParser
import LoopXCore
import LoopXRules
import LoopXSupport

/// `loopx expr`: evaluate expressions of the rule language.
struct ExprCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expr",
        abstract: "Work with loopx expressions (the CEL subset used by rules).",
        subcommands: [ExprEvalCommand.self]
    )
}

/// `loopx expr eval`: one expression for people, or the JSON-lines protocol for tools.
struct ExprEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Evaluate an expression, or serve `--jsonl` requests on stdin.")

    @Argument(help: "The expression to evaluate (omit with --jsonl).") var expression: String?
    @Option(help: "A JSON or YAML file whose top-level mapping gives the variables.") var facts: String?
    @OptionGroup var global: GlobalOptions
    @Option(help: "Namespace used to resolve qualified names.") var container: String?
    @Flag(help: "Read JSON-lines requests on stdin and answer one line per request.") var jsonl = false
    @Flag(help: "Type-check before evaluating (bindings typed from their values); a type error is the answer.")
    var check = false

    func run() throws {
        if jsonl { return JSONLServer.run(typeCheck: check) }
        guard let expression else { throw ValidationError("an expression is required unless --jsonl is given") }
        let context = try global.context()
        let evaluation = ExpressionEvaluation(expression: expression, factsPath: facts, container: container, typeCheck: check)
        Output.write(ExpressionEvaluation.render(try evaluation.evaluate(in: context), as: context.format))
    }
}
