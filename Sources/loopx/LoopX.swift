import ArgumentParser
import LoopXCore
#if canImport(Glibc)
import Glibc
#endif

@main
struct LoopX: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loopx",
        abstract: "The local control plane for autonomous coding agents.",
        discussion: "Exit status: 0 ok, 1 not ok, 2 usage error, 3 invalid rule files.",
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
            RegistryCommand.self,
            HistoryCommand.self,
            SyncGlobalCommand.self,
            RefreshStateCommand.self,
            TodoCommand.self,
            ArchiveRuntimeCommand.self,
            RulesCommand.self,
            QuotaCommand.self,
            GateCommand.self,
            StatusCommand.self,
            OperatorGateCommand.self,
            ReadOnlyMapCommand.self,
            ReviewPacketCommand.self,
            RewardCommand.self,
            ServeStatusCommand.self,
        ]
    )

    /// Runs the command line, mapping failures to loopx's exit statuses (usage errors are 2).
    static func main() async {
        do {
            var command = try parseAsRoot(GlobalOptions.hoistingLeadingOptions(Array(CommandLine.arguments.dropFirst())))
            if var server = command as? any AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            Output.error(failure.description)
            Glibc.exit(failure.status.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Output.write(message.hasSuffix("\n") ? message : message + "\n") }
                Glibc.exit(0)
            }
            if !message.isEmpty { Output.error(message) }
            Glibc.exit(code.rawValue == 64 ? ExitStatus.usage.rawValue : code.rawValue)
        }
    }
}
