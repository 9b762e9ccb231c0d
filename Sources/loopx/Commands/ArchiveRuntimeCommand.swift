import ArgumentParser
import LoopXCore

struct ArchiveRuntimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive-runtime",
        abstract: "Move an unregistered goal's runtime directory into archived-goals/ (dry run unless --execute).",
        discussion: "Example: loopx archive-runtime --goal-id old-goal --execute"
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The goal whose runtime directory to archive.") var goalId: String
    @Option(help: "Archive root (default <runtime-root>/archived-goals).") var archiveRoot: String?
    @Flag(help: "Allow archiving a goal that is still registered.") var allowRegistered = false
    @Flag(help: "Move the directory (otherwise only report).") var execute = false

    func run() throws {
        let (context, store) = try global.store(allowMissing: true)
        var archive = ArchiveRuntime(store: store, goalID: goalId)
        (archive.archiveRoot, archive.allowRegistered, archive.execute) = (archiveRoot, allowRegistered, execute)
        try emit(try archive.run(), format: context.format)
    }
}
