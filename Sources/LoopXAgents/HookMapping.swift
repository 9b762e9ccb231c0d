import LoopXCore
import LoopXRules
import LoopXSupport

/// Maps a Claude Code tool call to the gate actions it proposes. Tools the gates do not
/// govern (Read, Grep, WebFetch, ...) map to none; paths outside the repository are not the
/// goal's (none either); unparsed shell is still checked as a `command` so the rules can
/// classify production, publish and credential-carrying commands.
public struct HookMapping: Sendable {
    /// The goal's repository (absolute, normalized).
    public var repo: String
    /// The working directory of the call (absolute).
    public var cwd: String
    /// The checked-out branch, when the repository's HEAD names one.
    public var branch: String?

    public init(repo: String, cwd: String, branch: String?) {
        (self.repo, self.cwd, self.branch) = (repo, cwd, branch)
    }

    /// The actions of one call.
    public func actions(tool: String, input: JSONValue) -> [HookAction] {
        switch tool {
        case "Bash":
            guard let line = input["command"]?.stringValue else { return [] }
            return ShellCommand.parse(line).flatMap(actions(of:))
        case "Write", "Edit", "MultiEdit":
            return write(input["file_path"]?.stringValue, label: tool)
        case "NotebookEdit":
            return write(input["notebook_path"]?.stringValue, label: tool)
        default:
            return []
        }
    }

    func write(_ path: String?, label: String) -> [HookAction] {
        guard let path, let relative = relative(path) else { return [] }
        var action = HookAction(kind: "write", label: label)
        action.paths = [relative]
        return [action]
    }

    /// The path relative to the repository, or nil when it lies outside it.
    public func relative(_ path: String) -> String? {
        let absolute = FileSystem.normalize(path.hasPrefix("/") ? path : FileSystem.join(cwd, path))
        if absolute == repo { return "." }
        let prefix = repo.hasSuffix("/") ? repo : repo + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }

    /// The actions of one simple command.
    func actions(of command: ShellCommand) -> [HookAction] {
        var words = command.words[...]
        while let first = words.first, ["sudo", "env", "command", "time", "nohup", "exec"].contains(first) { words = words.dropFirst() }
        let attested = (command.assignments["LOOPX_VALIDATED"] == "1", command.assignments["LOOPX_SCAN_CLEAN"] == "1")
        var result: [HookAction] = []
        let written = command.redirections.compactMap(relative)
        if !written.isEmpty {
            var action = HookAction(kind: "write", label: "redirection")
            action.paths = written
            result.append(action)
        }
        guard let name = words.first else { return result }
        let arguments = Array(words.dropFirst())
        var mapped: [HookAction]
        switch name {
        case "git": mapped = git(arguments, command.text)
        case "gh": mapped = github(arguments, command.text)
        case "rm", "mv", "touch", "mkdir", "tee", "truncate", "rmdir", "cp":
            let operands = arguments.filter { !$0.hasPrefix("-") }
            let targets = name == "cp" ? Array(operands.suffix(1)) : operands
            let paths = targets.compactMap(relative)
            var action = HookAction(kind: "write", label: name)
            action.paths = paths
            mapped = paths.isEmpty ? [] : [action]
            var check = HookAction(kind: "destructive-git", label: "command")
            check.command = command.text
            mapped.append(check)
        default:
            var check = HookAction(kind: "destructive-git", label: "command")
            check.command = command.text
            mapped = [check]
        }
        for index in mapped.indices where ["commit", "push", "pr"].contains(mapped[index].kind) {
            (mapped[index].validated, mapped[index].scanClean) = attested
        }
        return result + mapped
    }
}
