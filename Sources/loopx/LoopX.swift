import ArgumentParser
import LoopXCore
import LoopXPostgres
#if canImport(Glibc)
import Glibc
#endif

@main
struct LoopX: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loopx",
        abstract: "The local control plane for autonomous coding agents.",
        discussion: GlobalOptions.summary + "\n\n" + """
            Exit status: 0 ok, 1 not ok, 2 usage error, 3 invalid rule files. With --format json a failure \
            prints {"ok": false, "error": {"code", "message", "path", "line", "column"}, "hint"} on stdout; \
            the codes are listed in docs/commands.md (Errors and exit codes).
            """,
        version: LoopXVersion.string,
        subcommands: [
            DoctorCommand.self,
            CheckCommand.self,
            ExprCommand.self,
            LarkCardCommand.self,
            NewProjectPromptCommand.self,
            HeartbeatPromptCommand.self,
            DemoCommand.self,
            BootstrapCommand.self,
            ConfigureGoalCommand.self,
            RegisterAgentCommand.self,
            RegistryCommand.self,
            HistoryCommand.self,
            SyncGlobalCommand.self,
            RefreshStateCommand.self,
            TodoCommand.self,
            ArchiveRuntimeCommand.self,
            RulesCommand.self,
            QuotaCommand.self,
            GateCommand.self,
            DecisionsCommand.self,
            StatusCommand.self,
            OperatorGateCommand.self,
            ReadOnlyMapCommand.self,
            ReviewPacketCommand.self,
            RewardCommand.self,
            ServeStatusCommand.self,
            SchemaCommand.self,
            McpCommand.self,
            HookCommand.self,
            AgentSetupCommand.self,
            StoreCommand.self,
        ]
    )

    /// The command when `arguments` name a leaf command (`quota should-run ...`) whose own
    /// options parse cleanly; nil otherwise. Parsing the leaf alone skips building the whole
    /// command tree, which is most of the start-up of the commands agents call on every
    /// heartbeat. Anything else (help, errors, a group without a verb) returns nil, and the
    /// full parser then runs, so messages and usage text are exactly those of the full tree.
    static func parseLeaf(_ arguments: [String]) -> (any ParsableCommand)? {
        var type: any ParsableCommand.Type = LoopX.self
        var rest = arguments[...]
        while let word = rest.first,
            let next = type.configuration.subcommands.first(where: { $0.configuration.commandName == word })
        {
            type = next
            rest = rest.dropFirst()
        }
        guard ObjectIdentifier(type) != ObjectIdentifier(LoopX.self), type.configuration.subcommands.isEmpty,
            !rest.contains(where: { $0 == "--help" || $0 == "-h" || $0 == "help" || $0.hasPrefix("--generate-completion") })
        else { return nil }
        return try? type.parseAsRoot(Array(rest))
    }

    /// The leaf command when there is one, else the full tree's parse.
    static func parseAsRoot(_ arguments: [String], leaf: (any ParsableCommand)?) throws -> any ParsableCommand {
        if let leaf { return leaf }
        return try parseAsRoot(arguments)
    }

    /// Runs the command line. Every failure ends here: `FailureOutput` prints it (the JSON
    /// envelope too under `--format json`) and exits with its code's status (usage errors 2).
    static func main() async {
        let arguments = GlobalOptions.hoistingLeadingOptions(Array(CommandLine.arguments.dropFirst()))
        // The PostgreSQL store: registered here, started only when a project selects it.
        LoopXPostgres.register(onFailure: { failure in FailureOutput.exit(with: failure, arguments: arguments) })
        atexit { SharedStores.shutdown() }
        do {
            if getenv("LOOPX_FAST_ARGS").map({ String(cString: $0) }) != "off", let heartbeat = ShouldRunRequest.parse(arguments) {
                try heartbeat.run()
            }
            if getenv("LOOPX_FAST_ARGS").map({ String(cString: $0) }) != "off", let hook = HookClaudeCodeCommand.fastSettings(arguments) {
                HookClaudeCodeCommand.answer(hook)
                Glibc.exit(0)
            }
            var command = try parseAsRoot(arguments, leaf: parseLeaf(arguments))
            if var server = command as? any AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FailureOutput.exit(with: failure, arguments: arguments)
        } catch let exit as ExitCode {
            // A command that already printed its answer (a report that is not ok).
            Glibc.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Output.write(message.hasSuffix("\n") ? message : message + "\n") }
                Glibc.exit(0)
            }
            guard code.rawValue == 64 || code.rawValue == ExitStatus.usage.rawValue else {
                FailureOutput.exit(with: CommandFailure(message.isEmpty ? "failed" : message, code: .failed), arguments: arguments)
            }
            FailureOutput.exit(with: FailureOutput.usageFailure(message: message, arguments: arguments), arguments: arguments)
        }
    }
}
