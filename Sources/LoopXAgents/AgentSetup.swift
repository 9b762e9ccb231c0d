import LoopXCore
import LoopXRules
import LoopXSupport

/// `loopx agent-setup`: the snippets that wire an agent to loopx — Claude Code's `.mcp.json`
/// server and `.claude/settings.json` PreToolUse hook, Codex's `[mcp_servers.loopx]` in
/// `config.toml` — merged into the existing files without touching other entries. A dry run
/// (the default) shows each file's diff; `write` applies it atomically.
public struct AgentSetup: Sendable {
    public enum Agent: String, Sendable, CaseIterable {
        case claudeCode = "claude-code"
        case codex
    }

    /// One file's planned change.
    public struct FileChange: Sendable {
        public var path: String
        public var old: String?
        public var new: String
        /// Why nothing changes, when nothing does (already wired, or a conflicting entry kept).
        public var note: String?
        public var changed: Bool { old != new }
    }

    public var agent: Agent
    /// The project directory (Claude Code's files live there).
    public var project: String
    /// The Codex home (`$CODEX_HOME`, else `~/.codex`).
    public var codexHome: String
    /// The command that runs loopx.
    public var cliBin: String
    public var goalID: String?

    public init(agent: Agent, project: String, codexHome: String, cliBin: String, goalID: String?) {
        (self.agent, self.project, self.codexHome, self.cliBin, self.goalID) = (agent, project, codexHome, cliBin, goalID)
    }

    var serverArguments: [String] { ["mcp"] + (goalID.map { ["--goal-id", $0] } ?? []) }
    static let hookMatcher = "Bash|Write|Edit|MultiEdit|NotebookEdit"

    /// The planned changes; a file that cannot be read or parsed fails the whole plan.
    public func plan() throws(CommandFailure) -> [FileChange] {
        switch agent {
        case .claudeCode:
            return [try mcpJSON(), try claudeSettings()]
        case .codex:
            return [try codexConfig()]
        }
    }

    /// Applies the plan (each file written atomically), or only reports it.
    public func run(write: Bool) throws(CommandFailure) -> PayloadReport {
        let changes = try plan()
        if write {
            for change in changes where change.changed {
                let directory = String(change.path[..<(change.path.lastIndex(of: "/") ?? change.path.startIndex)])
                do {
                    if !directory.isEmpty, !FileSystem.isDirectory(directory) { try FileSystem.createDirectory(directory) }
                    try FileSystem.writeAtomically(change.path, text: change.new)
                } catch { throw CommandFailure("cannot write \(change.path): \(error)") }
            }
        }
        var files: [JSONValue] = []
        var markdown = ["# agent-setup: \(agent.rawValue)\(write ? "" : " (dry run; --write applies it)")", ""]
        for change in changes {
            let diff = LineDiff.unified(old: change.old ?? "", new: change.new, path: change.path)
            var object: JSONObject = [
                "path": .string(change.path), "changed": .bool(change.changed), "created": .bool(change.old == nil && change.changed),
                "diff": .string(diff),
            ]
            if let note = change.note { object["note"] = .string(note) }
            files.append(.object(object))
            markdown.append(change.changed ? diff : "- \(change.path): unchanged" + (change.note.map { " (\($0))" } ?? ""))
        }
        let payload: JSONObject = [
            "ok": true, "mode": "agent-setup", "agent": .string(agent.rawValue), "written": .bool(write),
            "files": .array(files),
        ]
        return PayloadReport(payload, markdown: markdown.joined(separator: "\n"))
    }

    static func read(_ path: String) throws(CommandFailure) -> String? {
        guard FileSystem.exists(path) else { return nil }
        do { return try FileSystem.readText(path) } catch { throw CommandFailure("cannot read \(path): \(error)") }
    }
}
