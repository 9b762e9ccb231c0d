import ArgumentParser
import LoopXCore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The one-command tour: a throw-away sample project and the main commands run on it.",
        discussion: """
            Everything is written under a new temporary directory (named in the output) and removed
            afterwards unless --keep. No network; the real ~/.codex is never touched.
            Example: loopx demo --keep
            """
    )

    @Flag(help: "Keep the temporary directory to explore it.") var keep = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        try emit(try DemoTour(context: context, keep: keep).run(), format: context.format)
    }
}
