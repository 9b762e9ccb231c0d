import ArgumentParser
import LoopXCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the registry contract and scan the tree for private data before publishing.",
        discussion: """
            Hits are reported as `path:line: rule` and never include the matched text.
            Exit status 0 when nothing blocks, 1 when an error was found, 2 for usage errors.
            Example: loopx check --scan-root . --format json
            """
    )

    @Option(help: "The project root to scan; reported paths are relative to it (default: the current directory).")
    var scanRoot: String?

    @Option(help: "Scan only this file or directory (relative to the scan root); repeatable.")
    var scanPath: [String] = []

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let check = ContractCheck(context: context, scanRoot: scanRoot, scanPaths: scanPath)
        let progress = ProgressLine()
        let report = check.run { step in
            progress.update(verb: "scanned", done: step.filesDone, total: step.filesTotal, unit: "files")
        }
        progress.finish()
        try emit(report, format: context.format)
    }
}
