import ArgumentParser
import LoopXCore

@main
struct LoopX: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loopx",
        abstract: "The local control plane for autonomous coding agents.",
        version: "0.1.0",
        subcommands: [ExprCommand.self]
    )
}
