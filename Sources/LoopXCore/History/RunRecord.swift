import LoopXRules
import LoopXSupport

/// The identity of a run in the index: rows repeating it are overlays merged into the run.
public struct RunIdentity: Sendable, Hashable {
    public var generatedAt: String
    public var jsonPath: String
    public var markdownPath: String

    public init(row: JSONObject) {
        generatedAt = row["generated_at"]?.stringValue ?? ""
        jsonPath = row["json_path"]?.stringValue ?? ""
        markdownPath = row["markdown_path"]?.stringValue ?? ""
    }
}

/// One run of a goal: its index row with every overlay row of the same identity merged in
/// (later rows win key by key, as the original's dict update did).
public struct RunRecord: Sendable, Hashable {
    /// The merged fields.
    public var fields: JSONObject
    public var identity: RunIdentity
    /// How many index rows were merged into this run (1 = no overlay or duplicate).
    public var rowCount: Int
    /// Where the run's first row sits in its index, when known: larger means appended later
    /// (the line number in a forward read, minus the distance from the end in a backwards
    /// read). Comparable only between runs of one read of one index.
    public var firstLine: Int?
    /// `generated_at` as an instant, nil when it is not RFC 3339 (parsed once: runs are
    /// sorted by it).
    public let timestamp: Timestamp?

    public init(rows: [JSONObject], firstLine: Int? = nil) {
        var merged = JSONObject()
        for row in rows {
            for entry in row { merged[entry.key] = entry.value }
        }
        fields = merged
        identity = RunIdentity(row: merged)
        timestamp = Timestamp(rfc3339: identity.generatedAt)
        rowCount = rows.count
        self.firstLine = firstLine
    }

    public var generatedAt: String { identity.generatedAt }
    public var goalID: String? { fields["goal_id"]?.stringValue }
    public var classification: String? { fields["classification"]?.stringValue }
    public var recommendedAction: String? { fields["recommended_action"]?.stringValue }
    public var jsonPath: String? { fields["json_path"]?.stringValue }
    public var markdownPath: String? { fields["markdown_path"]?.stringValue }
    public var deliveryBatchScale: String? { fields["delivery_batch_scale"]?.stringValue }
    public var deliveryOutcome: String? { fields["delivery_outcome"]?.stringValue }
    /// The run-bound human reward overlay, when one was recorded.
    public var humanReward: JSONObject? { fields["human_reward"]?.objectValue }
    /// The reward's lesson (`human_reward.lesson`).
    public var lesson: JSONObject? { humanReward?["lesson"]?.objectValue }

    /// The run as reported: merged fields plus `json_exists`/`markdown_exists` checked on disk
    /// (never trusted from the file).
    public var reported: JSONValue {
        var out = fields
        out["json_exists"] = .bool(jsonPath.map(FileSystem.isRegularFile) ?? false)
        out["markdown_exists"] = .bool(markdownPath.map(FileSystem.isRegularFile) ?? false)
        return .object(out)
    }

    /// The one order of runs, newest first: by `generated_at` instant (unparseable last); runs
    /// with the same instant by append order, the later append newer (an `approve` then a
    /// `reject` in one second leaves the goal rejected); then by goal id and paths, so the
    /// order is total and deterministic.
    public static func newestFirst(_ lhs: RunRecord, _ rhs: RunRecord) -> Bool {
        let l = lhs.timestamp, r = rhs.timestamp
        if l != r {
            guard let l else { return false }
            guard let r else { return true }
            return l > r
        }
        if lhs.firstLine != rhs.firstLine { return (lhs.firstLine ?? Int.min) > (rhs.firstLine ?? Int.min) }
        if lhs.goalID != rhs.goalID { return (lhs.goalID ?? "") < (rhs.goalID ?? "") }
        if lhs.identity.generatedAt != rhs.identity.generatedAt { return lhs.identity.generatedAt > rhs.identity.generatedAt }
        return lhs.identity.jsonPath > rhs.identity.jsonPath
    }

    /// Whether a raw row is an overlay (it carries a `human_reward` for an earlier run).
    public static func isOverlay(_ row: JSONObject) -> Bool { row["human_reward"] != nil }
}
