/// The `## Progress Ledger` section of an active state, where `reward` leaves a short,
/// human-readable pointer to the run-bound reward (the overlay stays the source of truth).
public enum ProgressLedger {
    public static let title = "Progress Ledger"

    /// The ledger lines for one reward summary: the dated bullet and the history lookup.
    public static func entry(recordedAt: String, summary: String, historyCommand: String) -> [String] {
        ["- \(recordedAt): \(summary)", "  - project_agent_visibility: `\(historyCommand)`"]
    }

    /// Whether the section already holds an entry starting with the same bullet line.
    public static func contains(_ entry: [String], in document: ActiveStateDocument) -> Bool {
        guard let first = entry.first, let section = document.section(titled: title) else { return false }
        return section.bodyLines.contains { document.content($0) == first }
    }

    /// Inserts the entry at the top of the ledger (after the heading's blank lines), or appends
    /// a new ledger section at the end; sets front matter `updated_at`. Every other byte is kept.
    /// Returns false, changing nothing, when the entry is already present.
    @discardableResult
    public static func insert(_ entry: [String], into document: inout ActiveStateDocument, updatedAt: String) -> Bool {
        if contains(entry, in: document) { return false }
        if let section = document.section(titled: title) {
            var index = section.headingLine + 1
            while index < section.endLine, document.content(index).trimmingWhitespace.isEmpty { index += 1 }
            // An empty ledger followed by another section keeps a blank line before that heading.
            let separator = index == section.endLine && index < document.lines.count ? [""] : []
            document.insertLines(entry + separator, at: index)
        } else {
            let count = document.lines.count
            let needsBlank = count > 0 && !document.content(count - 1).trimmingWhitespace.isEmpty
            document.insertLines((needsBlank ? [""] : []) + ["## \(title)", ""] + entry, at: count)
        }
        document.setFrontMatter("updated_at", updatedAt)
        return true
    }
}
