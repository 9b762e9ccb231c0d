import LoopXCore
import LoopXRules
import LoopXSupport

extension AgentSetup {
    /// `.mcp.json`: `mcpServers.loopx`, added when absent; an existing loopx entry is kept.
    func mcpJSON() throws(CommandFailure) -> FileChange {
        let path = FileSystem.join(project, ".mcp.json")
        let old = try AgentSetup.read(path)
        var root = try object(old, path: path)
        var servers = root["mcpServers"]?.objectValue ?? JSONObject()
        if root["mcpServers"] != nil, root["mcpServers"]?.objectValue == nil {
            throw CommandFailure("\(path): mcpServers is not an object; fix it by hand")
        }
        if let existing = servers["loopx"] {
            let same = existing == server
            return FileChange(path: path, old: old, new: old ?? "", note: same ? "already wired" : "an mcpServers.loopx entry exists; kept as is")
        }
        servers["loopx"] = server
        root["mcpServers"] = .object(servers)
        return FileChange(path: path, old: old, new: JSONWriter(sortedKeys: false, pretty: true).string(.object(root)) + "\n")
    }

    var server: JSONValue {
        ["type": "stdio", "command": .string(cliBin), "args": .strings(serverArguments)]
    }

    /// `.claude/settings.json`: one PreToolUse entry running `loopx hook claude-code`, appended
    /// to the user's hooks unless a hook with that command is already there.
    func claudeSettings() throws(CommandFailure) -> FileChange {
        let path = FileSystem.join(project, ".claude/settings.json")
        let old = try AgentSetup.read(path)
        var root = try object(old, path: path)
        let command = "\(ShellQuote.quote(cliBin)) hook claude-code"
        var hooks = root["hooks"]?.objectValue ?? JSONObject()
        if root["hooks"] != nil, root["hooks"]?.objectValue == nil { throw CommandFailure("\(path): hooks is not an object; fix it by hand") }
        var entries = hooks["PreToolUse"]?.arrayValue ?? []
        if hooks["PreToolUse"] != nil, hooks["PreToolUse"]?.arrayValue == nil {
            throw CommandFailure("\(path): hooks.PreToolUse is not an array; fix it by hand")
        }
        let present = entries.contains { entry in
            (entry["hooks"]?.arrayValue ?? []).contains { $0["command"]?.stringValue?.hasSuffix("hook claude-code") == true }
        }
        if present { return FileChange(path: path, old: old, new: old ?? "", note: "a loopx PreToolUse hook is already there") }
        entries.append(["matcher": .string(AgentSetup.hookMatcher), "hooks": [["type": "command", "command": .string(command)]]])
        hooks["PreToolUse"] = .array(entries)
        root["hooks"] = .object(hooks)
        return FileChange(path: path, old: old, new: JSONWriter(sortedKeys: false, pretty: true).string(.object(root)) + "\n")
    }

    /// Codex's `config.toml`: a `[mcp_servers.loopx]` table appended when absent; the rest of
    /// the file is kept byte for byte.
    func codexConfig() throws(CommandFailure) -> FileChange {
        let path = FileSystem.join(codexHome, "config.toml")
        let old = try AgentSetup.read(path)
        let text = old ?? ""
        let present = text.split(separator: "\n", omittingEmptySubsequences: false).contains { line in
            let trimmed = String(line).trimmingSpaces
            return trimmed == "[mcp_servers.loopx]" || trimmed == "[mcp_servers.\"loopx\"]"
        }
        if present { return FileChange(path: path, old: old, new: text, note: "a [mcp_servers.loopx] table exists; kept as is") }
        let arguments = serverArguments.map(AgentSetup.tomlString).joined(separator: ", ")
        let table = "[mcp_servers.loopx]\ncommand = \(AgentSetup.tomlString(cliBin))\nargs = [\(arguments)]\n"
        let separator = text.isEmpty ? "" : (text.hasSuffix("\n\n") ? "" : (text.hasSuffix("\n") ? "\n" : "\n\n"))
        return FileChange(path: path, old: old, new: text + separator + table)
    }

    /// A TOML basic string.
    static func tomlString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// The file's top-level object (empty when the file is absent); anything else is refused.
    func object(_ text: String?, path: String) throws(CommandFailure) -> JSONObject {
        guard let text, !text.trimmingSpaces.isEmpty else { return JSONObject() }
        let value: JSONValue
        do { value = try JSONParser.parse(text, path: path) } catch { throw CommandFailure(error.rendered, hint: "fix the file, then run agent-setup again") }
        guard let object = value.objectValue else { throw CommandFailure("\(path): the top level is not a JSON object") }
        return object
    }
}
