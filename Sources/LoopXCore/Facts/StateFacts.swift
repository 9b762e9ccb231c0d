import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#endif

/// The `state` fact: the active-state file's front matter, sections, Next Action and todos.
enum StateFacts {
    static func state(path: String?, now: Timestamp) -> JSONValue {
        guard let path else { return ["exists": false, "path": ""] }
        guard let (document, _) = try? ActiveStateFile.read(path), FileSystem.isRegularFile(path) else {
            return ["exists": false, "path": .string(path)]
        }
        var frontMatter = JSONObject()
        for pair in document.frontMatter { frontMatter[pair.key] = .string(pair.value) }
        var sections = JSONObject()
        for section in document.sections {
            let body = section.bodyLines.map { document.content($0) }.joined(separator: "\n")
            sections[section.title] = .string(body.trimmingWhitespace)
        }
        let todos = document.todos
        let items = NextAction.items(in: document)
        var object: JSONObject = [
            "exists": true, "path": .string(path), "frontmatter": .object(frontMatter),
            "sections": .object(sections),
            "next_action": .string(items.first(where: PublicSafeText.isSafe) ?? ""),
            "next_action_items": .array(items.prefix(3).map(JSONValue.string)),
            "user_todos": .array(todos.filter { $0.role == .user }.map(todo)),
            "agent_todos": .array(todos.filter { $0.role == .agent }.map(todo)),
        ]
        // As of `now`: a file changed after `now` (a replay with `--now`) reads as changed at `now`.
        if let modified = modificationTime(path) { object["modified_at"] = .string(min(modified, now).rfc3339) }
        return .object(object)
    }

    static func todo(_ item: TodoItem) -> JSONValue {
        var object: JSONObject = [
            "id": .string(item.id), "text": .string(item.text), "status": .string(item.status.rawValue),
            "priority": .string(item.priority.map { "P\($0)" } ?? ""), "task_class": .string(item.taskClass),
            "action_kind": .string(item.metadata["action_kind"] ?? ""),
            "claimed_by": .string(item.claimedBy ?? ""), "source_section": .string(item.section),
            "blocks_agent": .bool(item.metadata["blocks_agent"] != "false"),
        ]
        if let expiry = item.claimExpiresAt { object["claim_expires_at"] = .string(expiry.rfc3339) }
        return .object(object)
    }

    static func modificationTime(_ path: String) -> Timestamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Timestamp(seconds: Int64(info.st_mtim.tv_sec), nanos: Int32(info.st_mtim.tv_nsec))
    }
}
