import ArgumentParser
import LoopXCore
import LoopXRules
import LoopXSupport

/// `loopx rules schema`: the JSON Schema of rule and fixture files, for YAML editors.
struct RulesSchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of rule files and fixture files (docs/rules.schema.json).",
        discussion: "Point a YAML editor at it for Rules/*.yaml, .loopx/rules/*.yaml and *.test.yaml.\nExample: loopx rules schema > rules.schema.json")

    func run() throws {
        Output.write(JSONWriter(sortedKeys: true, pretty: true).string(RuleFileSchema.json) + "\n")
    }
}
