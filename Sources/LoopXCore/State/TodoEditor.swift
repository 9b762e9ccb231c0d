import LoopXRules
import LoopXSupport

/// Edits to the todos of an active state document. Each edit changes only the lines of the
/// item it touches (or inserts new lines); everything else stays byte for byte.
public struct TodoEditor: Sendable {
    public var document: ActiveStateDocument
    public var now: Timestamp

    public init(document: ActiveStateDocument, now: Timestamp) {
        self.document = document
        self.now = now
    }

    /// What an edit did.
    public enum Effect: String, Sendable {
        case added, updated, unchanged, claimed, renewed, takenOver = "taken_over", released, completed
    }

    /// Why an edit was refused.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Adds a todo to the role's section (created when missing), or, when the same text is
    /// already there, updates its metadata instead of duplicating it.
    public mutating func add(role: TodoItem.Role, text: String, metadata extra: TodoMetadata) -> (TodoItem, Effect) {
        let compacted = TodoMetadata.compact(text)
        let section = ensureSection(role)
        let existing = document.todos(in: section, role: role)
        if let match = existing.first(where: { $0.text.lowercased() == compacted.lowercased() }) {
            var metadata = match.metadata
            metadata["todo_id"] = match.id
            for pair in extra.pairs { metadata[pair.key] = pair.value }
            if metadata == match.metadata { return (match, .unchanged) }
            writeMetadata(metadata, of: match)
            return (item(id: match.id) ?? match, .updated)
        }
        var metadata = TodoMetadata()
        let id = TodoItem.derivedID(role: role, section: section.title, index: existing.count + 1, text: compacted)
        metadata["todo_id"] = id
        metadata["status"] = "open"
        for pair in extra.pairs { metadata[pair.key] = pair.value }
        metadata["updated_at"] = now.rfc3339
        // After the last item, else right under the heading (skipping one blank line).
        var insertAt = existing.last?.endLine ?? (section.headingLine + 1)
        if existing.isEmpty, insertAt < section.endLine, document.content(insertAt).trimmingWhitespace.isEmpty { insertAt += 1 }
        var block = ["- [ ] \(compacted)", "  " + metadata.rendered]
        if insertAt == section.endLine, section.endLine < document.lines.count { block.append("") }
        document.insertLines(block, at: insertAt)
        let added = item(id: id) ?? TodoItem(
            role: role, section: section.title, index: existing.count + 1, text: compacted, marker: " ",
            metadata: metadata, itemLine: insertAt, metadataLine: insertAt + 1, endLine: insertAt + 2, indent: "")
        return (added, .added)
    }

    /// Leases a todo to `agent` for `ttlMinutes`. Refused while another agent's lease is
    /// live or when the todo is done/deferred; an expired lease is taken over.
    public mutating func claim(id: String, agent: String, ttlMinutes: Int64) throws(Refusal) -> (TodoItem, Effect) {
        guard NumberRange.claimTTLMinutes.contains(ttlMinutes) else {
            throw Refusal(message: NumberRange.claimTTLMinutes.outOfRange(String(ttlMinutes), as: "the lease length"))
        }
        let todo = try find(id)
        if todo.status.isTerminal { throw Refusal(message: "todo \(id) is \(todo.status.rawValue); it cannot be claimed") }
        if let holder = todo.leaseHolder(at: now), holder != agent {
            throw Refusal(message: "todo \(id) is claimed by \(holder) until \(todo.metadata["claim_expires_at"] ?? "?")")
        }
        let effect: Effect = todo.claimedBy == agent && todo.leaseHolder(at: now) != nil ? .renewed
            : (todo.claimedBy != nil && todo.claimedBy != agent ? .takenOver : .claimed)
        var metadata = todo.metadata
        metadata["todo_id"] = todo.id
        metadata["claimed_by"] = agent
        metadata["claimed_at"] = now.rfc3339
        metadata["claim_expires_at"] = now.adding(minutes: ttlMinutes).rfc3339
        metadata["updated_at"] = now.rfc3339
        writeMetadata(metadata, of: todo)
        return (item(id: todo.id) ?? todo, effect)
    }

    /// Ends `agent`'s lease. Refused while another agent holds a live lease.
    public mutating func release(id: String, agent: String) throws(Refusal) -> (TodoItem, Effect) {
        let todo = try find(id)
        if let holder = todo.leaseHolder(at: now), holder != agent {
            throw Refusal(message: "todo \(id) is leased by \(holder), not \(agent)")
        }
        guard todo.claimedBy != nil else { return (todo, .unchanged) }
        var metadata = todo.metadata
        metadata["todo_id"] = todo.id
        for key in ["claimed_by", "claimed_at", "claim_expires_at"] { metadata[key] = nil }
        metadata["updated_at"] = now.rfc3339
        writeMetadata(metadata, of: todo)
        return (item(id: todo.id) ?? todo, .released)
    }

    /// Marks a todo done (checkbox `[x]`, `status=done`, `completed_at`) and ends its lease.
    /// Refused while another agent holds a live lease.
    public mutating func complete(id: String, agent: String?, evidence: String?) throws(Refusal) -> (TodoItem, Effect) {
        let todo = try find(id)
        if let holder = todo.leaseHolder(at: now), holder != agent {
            throw Refusal(message: "todo \(id) is leased by \(holder); only that agent can complete it before the lease expires")
        }
        if todo.status == .done { return (todo, .unchanged) }
        var metadata = todo.metadata
        metadata["todo_id"] = todo.id
        metadata["status"] = "done"
        for key in ["claimed_by", "claimed_at", "claim_expires_at"] { metadata[key] = nil }
        if let evidence, !evidence.isEmpty { metadata["evidence"] = evidence }
        metadata["completed_at"] = now.rfc3339
        metadata["updated_at"] = now.rfc3339
        document.setCheckboxMarker(line: todo.itemLine, to: UInt8(ascii: "x"))
        writeMetadata(metadata, of: todo)
        return (item(id: todo.id) ?? todo, .completed)
    }

    /// Mirrors a shared store's lease into the todo's claim fields (`claimed_by`,
    /// `claimed_at`, `claim_expires_at`), or clears them when `lease` is nil. The store is
    /// the authority: the Markdown's own fields are not checked, only shown.
    public mutating func mirror(lease: Lease?, id: String) throws(Refusal) -> TodoItem {
        let todo = try find(id)
        var metadata = todo.metadata
        metadata["todo_id"] = todo.id
        if let lease {
            metadata["claimed_by"] = lease.holder
            metadata["claimed_at"] = lease.acquiredAt.rfc3339
            metadata["claim_expires_at"] = lease.expiresAt.rfc3339
        } else {
            guard todo.claimedBy != nil || todo.claimExpiresAt != nil else { return todo }
            for key in ["claimed_by", "claimed_at", "claim_expires_at"] { metadata[key] = nil }
        }
        if metadata == todo.metadata { return todo }
        metadata["updated_at"] = now.rfc3339
        writeMetadata(metadata, of: todo)
        return item(id: todo.id) ?? todo
    }

    func item(id: String) -> TodoItem? { document.todo(id: id) }

    func find(_ id: String) throws(Refusal) -> TodoItem {
        guard let todo = document.todo(id: id) else { throw Refusal(message: "no todo with id \(id) in the active state") }
        return todo
    }

    /// Replaces the item's metadata line, or inserts one after its last line.
    mutating func writeMetadata(_ metadata: TodoMetadata, of todo: TodoItem) {
        let line = todo.indent + "  " + metadata.rendered
        if let existing = todo.metadataLine {
            let indent = String(document.content(existing).prefix { $0 == " " || $0 == "\t" })
            document.replaceLines(existing..<(existing + 1), with: [indent + metadata.rendered])
        } else {
            document.insertLines([line], at: todo.endLine)
        }
    }

    /// The role's section, inserted with its canonical heading when absent: a user section
    /// before the agent section (else before Next Action, else at the end); an agent section
    /// before Next Action (else at the end).
    mutating func ensureSection(_ role: TodoItem.Role) -> ActiveStateDocument.Section {
        if let found = document.sections.first(where: { ActiveStateDocument.todoRole(ofSection: $0.title) == role }) { return found }
        let sections = document.sections
        let agent = sections.first { ActiveStateDocument.todoRole(ofSection: $0.title) == .agent }
        let next = sections.first { $0.title == "Next Action" }
        let anchor = role == .user ? (agent ?? next) : next
        let heading = "## " + ActiveStateDocument.canonicalHeading(for: role)
        if let anchor {
            document.insertLines([heading, "", ""], at: anchor.headingLine)
        } else {
            var block = [heading]
            if let last = document.lines.last, !document.content(document.lines.count - 1).isEmpty || !last.hasSuffix("\n") { block.insert("", at: 0) }
            document.insertLines(block, at: document.lines.count)
        }
        return document.sections.first { ActiveStateDocument.todoRole(ofSection: $0.title) == role }
            ?? ActiveStateDocument.Section(title: heading, headingLine: 0, endLine: 0)
    }
}
