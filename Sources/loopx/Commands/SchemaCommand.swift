import ArgumentParser
import LoopXCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of an answer agents parse (should-run, gate-check, status, review-packet-handoff, refresh-state, reward).",
        discussion: "Example: loopx schema should-run > should-run.schema.json   (without a name: the list)"
    )

    @Argument(help: "The answer's schema name; omit it to list them.") var name: String?

    func run() throws {
        guard let name else {
            for schema in AnswerSchema.allCases { print("\(schema.rawValue)\tloopx --format json \(schema.command)") }
            return
        }
        print(try AnswerSchema.named(name).text)
    }
}
