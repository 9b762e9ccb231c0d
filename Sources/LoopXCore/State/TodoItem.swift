import LoopXRules
import LoopXSupport

/// One todo of the active state: a checkbox line, its continuation lines and its metadata
/// comment, with the line numbers it occupies in the document.
public struct TodoItem: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case user
        case agent
    }

    public enum Status: String, Sendable, Hashable, CaseIterable {
        case open, done, blocked, deferred
        public var isTerminal: Bool { self == .done || self == .deferred }
    }

    public static let taskClasses = ["advancement_task", "continuous_monitor", "user_gate", "blocker"]

    public var role: Role
    /// The title of the `## ` section holding the item.
    public var section: String
    /// 1-based position among the todo items of its section.
    public var index: Int
    /// The item text with continuation lines joined and whitespace compacted.
    public var text: String
    /// The checkbox marker character (` `, `x`, `X`, `-`).
    public var marker: Character
    public var metadata: TodoMetadata
    /// Document line of the checkbox.
    public var itemLine: Int
    /// Document line of the metadata comment, when present.
    public var metadataLine: Int?
    /// One past the item's last line (continuations and metadata included).
    public var endLine: Int
    /// The indentation of the checkbox line.
    public var indent: String

    /// The stored id, or the id the original derives: `todo_` + sha1("role|section|index|text")[:12].
    public var id: String {
        if let stored = metadata["todo_id"], TodoValidation.isTodoID(stored) { return stored }
        return TodoItem.derivedID(role: role, section: section, index: index, text: text)
    }

    public var hasStoredID: Bool { metadata["todo_id"].map(TodoValidation.isTodoID) ?? false }

    public static func derivedID(role: Role, section: String, index: Int, text: String) -> String {
        let source = "\(role.rawValue)|\(section)|\(index)|\(TodoMetadata.compact(text))"
        return "todo_" + String(Digest.sha1Hex(Array(source.utf8)).prefix(12))
    }

    /// Metadata `status` when valid, else the checkbox: `x` done, `-` deferred, otherwise open.
    public var status: Status {
        if let raw = metadata["status"], let status = Status(rawValue: raw) { return status }
        switch marker {
        case "x", "X": return .done
        case "-": return .deferred
        default: return .open
        }
    }

    /// `[P0]`…`[P4]` at the start of the text.
    public var priority: Int? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4, bytes[0] == 0x5b, bytes[1] == 0x50, bytes[3] == 0x5d, (0x30...0x34).contains(bytes[2]) else { return nil }
        return Int(bytes[2] - 0x30)
    }

    /// Metadata `task_class` when valid, else inferred from the text (monitors vs. advancement).
    public var taskClass: String {
        if let raw = metadata["task_class"], TodoItem.taskClasses.contains(raw) { return raw }
        let lower = text.lowercased()
        let monitorHints = ["dependency monitor", "observation lane", "monitor-only", "monitor only", "do not run", "waiting on owner", "gated on owner"]
        if monitorHints.contains(where: lower.contains) { return "continuous_monitor" }
        let body = priority == nil ? lower : String(lower.dropFirst(4)).trimmingWhitespace
        if ["observe ", "poll ", "watch "].contains(where: body.hasPrefix) { return "continuous_monitor" }
        return "advancement_task"
    }

    public var claimedBy: String? { metadata["claimed_by"].flatMap { $0.isEmpty ? nil : $0 } }
    /// The lease expiry; nil for a legacy soft claim without one.
    public var claimExpiresAt: Timestamp? { metadata["claim_expires_at"].flatMap { Timestamp(rfc3339: $0) } }

    /// The agent holding a live lease at `now`, if any.
    public func leaseHolder(at now: Timestamp) -> String? {
        guard let holder = claimedBy, let expiry = claimExpiresAt, expiry > now else { return nil }
        return holder
    }

    public var json: JSONValue {
        var object: JSONObject = [
            "todo_id": .string(id), "id_source": .string(hasStoredID ? "metadata" : "derived"),
            "role": .string(role.rawValue), "section": .string(section), "index": .int(Int64(index)),
            "text": .string(text), "status": .string(status.rawValue), "task_class": .string(taskClass),
        ]
        object["priority"] = priority.map { .int(Int64($0)) } ?? .null
        object["claimed_by"] = claimedBy.map(JSONValue.string) ?? .null
        object["claim_expires_at"] = metadata["claim_expires_at"].map(JSONValue.string) ?? .null
        var meta = JSONObject()
        for pair in metadata.pairs { meta[pair.key] = .string(pair.value) }
        object["metadata"] = .object(meta)
        return .object(object)
    }
}
