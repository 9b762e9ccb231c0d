import ArgumentParser
import LoopXCore

struct SyncGlobalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-global",
        abstract: "Copy the project's goals, sanitized, into the global registry.",
        discussion: "Example: loopx sync-global --dry-run   (a goal id routed to another project needs --replace-state)"
    )

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Replace a goal routed to another project (a backup is written first).") var replaceState = false
    @Flag(help: "Report what would be written; write nothing.") var dryRun = false

    func run() throws {
        let (context, store) = try global.store(allowGlobalFallback: false)
        var sync = SyncGlobal(store: store)
        (sync.replaceState, sync.dryRun) = (replaceState, dryRun)
        try emit(try sync.run(), format: context.format)
    }
}
