import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import LoopXCore

extension OutputFormat: ExpressibleByArgument {}

/// The options every command accepts, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Project registry (default .loopx/registry.json).")
    var registry: String?

    @Option(help: "Runtime root (default $LOOPX_RUNTIME_ROOT, the registry's common_runtime_root, or ~/.codex/loopx).")
    var runtimeRoot: String?

    @Option(help: "Output format.")
    var format: OutputFormat = .markdown

    @Option(help: "The current time for this run, RFC 3339 (also $LOOPX_NOW).")
    var now: String?

    @Option(help: "An extra rule layer (file or directory); repeatable.")
    var rules: [String] = []

    /// The global options as the top-level help lists them (each command's help lists them too).
    static let summary = """
        GLOBAL OPTIONS (before or after the command):
          --registry <path>      Project registry (default .loopx/registry.json).
          --runtime-root <path>  Runtime root (default $LOOPX_RUNTIME_ROOT,
                                 the registry's common_runtime_root, or
                                 ~/.codex/loopx).
          --format <format>      Output format: markdown (default) or json.
          --now <time>           The current time, RFC 3339 (also $LOOPX_NOW).
          --rules <path>         An extra rule layer (file or directory);
                                 repeatable.
        """

    /// Moves global options written before the subcommand name to the end, so that
    /// `loopx --format json doctor` means `loopx doctor --format json`.
    static func hoistingLeadingOptions(_ raw: [String]) -> [String] {
        let arguments = traceLevelsAsFlags(raw)
        let valued: Set<String> = ["--registry", "--runtime-root", "--format", "--now", "--rules"]
        var hoisted: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            guard valued.contains(name) else { break }
            hoisted.append(argument)
            if !argument.contains("="), index + 1 < arguments.count {
                hoisted.append(arguments[index + 1])
                index += 1
            }
            index += 1
        }
        if hoisted.isEmpty || index >= arguments.count { return arguments }
        return Array(arguments[index...]) + hoisted
    }

    /// `--trace=full` and `--trace full` (and `=on`/` on`) are spelled as a flag with a value;
    /// argument parsing sees two flags, `--trace-full` and `--trace`.
    static func traceLevelsAsFlags(_ raw: [String]) -> [String] {
        var arguments: [String] = []
        var index = 0
        while index < raw.count {
            let argument = raw[index]
            let next = index + 1 < raw.count ? raw[index + 1] : nil
            if argument == "--" {
                arguments += raw[index...]
                break
            } else if argument == "--trace=full" || (argument == "--trace" && next == "full") {
                arguments.append("--trace-full")
                index += argument == "--trace" ? 1 : 0
            } else if argument == "--trace=on" || (argument == "--trace" && next == "on") {
                arguments.append("--trace")
                index += argument == "--trace" ? 1 : 0
            } else {
                arguments.append(argument)
            }
            index += 1
        }
        return arguments
    }

    var settings: GlobalSettings {
        GlobalSettings(registry: registry, runtimeRoot: runtimeRoot, format: format, now: now, rules: rules)
    }

    /// The context for a command run in this process.
    func context() throws -> LoopXContext {
        try LoopXContext(environment: .current(), settings: settings)
    }
}

/// Prints a report in the chosen format and ends with its exit status.
func emit(_ report: some Report, format: OutputFormat) throws {
    Output.write(report.rendered(as: format))
    if !report.ok { throw ExitCode(ExitStatus.notOK.rawValue) }
}

/// Prints a report and ends the process at once with its exit status. For the per-tick
/// commands that hold a compiled rule set: tearing that object graph down costs more than
/// the decision itself, and the process is ending anyway (output is written unbuffered).
func emitAndExit(_ report: some Report, format: OutputFormat) -> Never {
    Output.write(report.rendered(as: format))
    Glibc.exit(report.ok ? ExitStatus.ok.rawValue : ExitStatus.notOK.rawValue)
}
