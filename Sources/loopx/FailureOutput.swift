import ArgumentParser
import LoopXCore
import LoopXRules
#if canImport(Glibc)
import Glibc
#endif

/// The one place a failed command line is reported: the text on stderr (`error: message`,
/// `hint: …`) and, under `--format json`, the JSON error envelope on stdout; then the exit
/// status of the failure's code.
enum FailureOutput {
    /// Prints `failure` for a command line and ends the process with its exit status.
    static func exit(with failure: CommandFailure, arguments: [String]) -> Never {
        if wantsJSON(arguments) { Output.write(failure.renderedEnvelope) }
        Output.error(failure.description)
        Glibc.exit(failure.status.rawValue)
    }

    /// True when the command line asks for JSON (`--format json` or `--format=json`, the last
    /// one winning), so that even a usage error is answered in JSON.
    static func wantsJSON(_ arguments: [String]) -> Bool {
        var format: String?
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--format", index + 1 < arguments.count {
                format = arguments[index + 1]
                index += 1
            } else if argument.hasPrefix("--format=") {
                format = String(argument.dropFirst("--format=".count))
            }
            index += 1
        }
        return format == OutputFormat.json.rawValue
    }

    /// An argument-parsing error as a usage failure: ArgumentParser's message with one
    /// `error:` spelling, a did-you-mean for a mistyped subcommand, and the usage as the hint.
    static func usageFailure(message full: String, arguments: [String]) -> CommandFailure {
        var lines = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.trimmingWhitespace.isEmpty == true { lines.removeLast() }
        var message = lines.first ?? "invalid command line"
        if message.hasPrefix("Error: ") { message = String(message.dropFirst("Error: ".count)) }
        if let typo = mistypedSubcommand(arguments) {
            message = "unknown command '\(typo.word)'" + Suggestion.hint(for: typo.word, in: typo.candidates)
        }
        let rest = lines.dropFirst().map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        return CommandFailure(message, hint: rest.isEmpty ? nil : rest.joined(separator: "\n"), code: .usage)
    }

    /// The first word that should name a subcommand but names none, with the names it could
    /// have been; nil when every command word is known.
    static func mistypedSubcommand(_ arguments: [String]) -> (word: String, candidates: [String])? {
        var type: any ParsableCommand.Type = LoopX.self
        for word in arguments {
            let subcommands = type.configuration.subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-") else { return nil }
            let names = subcommands.compactMap { $0.configuration.commandName }
            guard let next = subcommands.first(where: { $0.configuration.commandName == word }) else {
                return word == "help" ? nil : (word, names)
            }
            type = next
        }
        return nil
    }
}
