import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run a command is about to record: the compact index row and the extra detail kept only
/// in the run's JSON artifact. Paths are filled in when the artifacts are written.
public struct RunDraft: Sendable {
    /// Artifact stem, e.g. `2026-01-01T08-00-00Z-operator-gate`.
    public var stem: String
    /// Index row fields, without `json_path`/`markdown_path`.
    public var row: JSONObject
    /// Fields only the JSON artifact carries (full maps, samples, registry summary).
    public var detail: JSONObject

    /// A draft with its stem, index row and artifact-only detail.
    public init(stem: String, row: JSONObject, detail: JSONObject = JSONObject()) {
        self.stem = stem
        self.row = row
        self.detail = detail
    }

    /// The index row with its artifact paths.
    public func row(json: String, markdown: String) -> JSONObject {
        var out = row
        out["json_path"] = .string(json)
        out["markdown_path"] = .string(markdown)
        return out
    }

    /// The full record written to the JSON artifact: the row plus the detail.
    public func record(json: String, markdown: String) -> JSONObject {
        var out = row(json: json, markdown: markdown)
        for entry in detail { out[entry.key] = entry.value }
        return out
    }
}

/// What recording (or previewing) a run produced.
public struct RecordedRun: Sendable {
    public var jsonPath: String
    public var markdownPath: String
    /// The full record (row plus detail) with its paths.
    public var record: JSONObject
    /// The index row appended (or that would be appended).
    public var row: JSONObject
    public var appended: Bool
}

extension RunHistory {
    /// Writes the run's JSON and Markdown artifacts and appends its index row; with `dryRun`
    /// only reports the paths and row it would write. `markdown` renders the record.
    public func record(
        _ draft: RunDraft, dryRun: Bool, markdown: (JSONObject) -> String
    ) throws(CommandFailure) -> RecordedRun {
        let proposed = proposedArtifactPaths(stem: draft.stem)
        let preview = draft.record(json: proposed.json, markdown: proposed.markdown)
        if dryRun {
            return RecordedRun(
                jsonPath: proposed.json, markdownPath: proposed.markdown, record: preview,
                row: draft.row(json: proposed.json, markdown: proposed.markdown), appended: false)
        }
        do {
            let paths = try writeArtifacts(
                stem: draft.stem, record: { .object(draft.record(json: $0, markdown: $1)) }, markdown: markdown(preview))
            let row = draft.row(json: paths.json, markdown: paths.markdown)
            try append(row: row)
            return RecordedRun(
                jsonPath: paths.json, markdownPath: paths.markdown,
                record: draft.record(json: paths.json, markdown: paths.markdown), row: row, appended: true)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// Non-blank lines of the index (the original's `raw_count`), counted in fixed-size blocks
    /// without parsing, so memory stays flat however long the history is.
    public func rawLineCount() -> Int {
        if shared != nil { return Int(recordCount()?.count.rows ?? 0) }
        let fd = open(indexPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var block = [UInt8](repeating: 0, count: 1 << 16)
        var count = 0
        var blank = true  // whether the current line has only whitespace so far
        while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            block.withUnsafeBytes { raw in
                guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
                var offset = 0
                while offset < n {
                    // Only the start of a line is inspected byte by byte; memchr skips the rest.
                    if blank {
                        let byte = base[offset]
                        if byte == 0x0A {
                            offset += 1
                            continue
                        }
                        if byte != 0x20, byte != 0x09, byte != 0x0D { blank = false } else {
                            offset += 1
                            continue
                        }
                    }
                    guard let hit = memchr(base + offset, 0x0A, n - offset) else { break }
                    count += 1
                    blank = true
                    offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                }
            }
        }
        return blank ? count : count + 1
    }
}

extension RecordedRun {
    /// The payload every run-writing command prints: where the run went, whether it was
    /// appended, the index row, and the run record's own fields.
    func payload(workspace: GoalWorkspace, dryRun: Bool, globalSync: JSONValue) -> JSONValue {
        var out: JSONObject = [
            "ok": true, "dry_run": .bool(dryRun), "appended": .bool(appended),
            "registry": .string(workspace.store.registryPath), "runtime_root": .string(workspace.runtimeRoot),
            "index_path": .string(workspace.history.indexPath), "global_sync": globalSync,
            "index_record": .object(row),
        ]
        for entry in record { out[entry.key] = entry.value }
        return .object(out)
    }
}
