import LoopXRules
import LoopXSupport

/// One quota spend (or void) recorded in a goal's run history.
public struct SpendEvent: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case spent = "quota_slot_spent"
        case voided = "quota_slot_voided"
    }

    public var kind: Kind
    public var generatedAt: String
    public var instant: Timestamp
    /// Slots spent (or voided): `quota_event.slots`, else `slots`, else the run's JSON file's
    /// `quota_event.slots`, else 1; always within `NumberRange.slotsPerEvent` for a spend.
    /// Fail closed: a spend recording a count outside that range counts as the nearest end
    /// (so an absurd spend exhausts the quota rather than freeing it), and a void recording
    /// one voids nothing (0 slots).
    public var slots: Int64
    /// The count as recorded, when it was outside `NumberRange.slotsPerEvent`.
    public var recordedSlotsOutOfRange: Int64?
    public var row: JSONObject

    /// Reads a spend event from an index row; nil when the row is not one.
    public init?(row: JSONObject, instant: Timestamp) {
        guard let kind = SpendEvent.kind(of: row) else { return nil }
        let event = row["quota_event"]?.objectValue
        self.kind = kind
        self.instant = instant
        self.row = row
        generatedAt = row["generated_at"]?.stringValue ?? ""
        let recorded = event?["slots"]?.intValue ?? row["slots"]?.intValue
            ?? SpendEvent.slotsFromArtifact(row["json_path"]?.stringValue) ?? 1
        let range = NumberRange.slotsPerEvent
        recordedSlotsOutOfRange = range.contains(recorded) ? nil : recorded
        slots = range.contains(recorded) ? recorded : (kind == .spent ? range.clamp(recorded) : 0)
    }

    /// Whether an index row records a spend or a void (`quota_event.event_type`, else its
    /// classification; a row with any `quota_event` is a spend); nil for every other row.
    public static func kind(of row: JSONObject) -> Kind? {
        let event = row["quota_event"]?.objectValue
        guard let type = event?["event_type"]?.stringValue ?? row["classification"]?.stringValue else {
            return event != nil ? .spent : nil
        }
        return Kind(rawValue: type) ?? (event != nil ? .spent : nil)
    }

    /// The original kept `quota_event` only in the run's JSON file; read it there.
    static func slotsFromArtifact(_ path: String?) -> Int64? {
        guard let path, let bytes = try? FileSystem.readBytes(path),
              let json = try? JSONParser.parse(bytes, path: path) else { return nil }
        return json["quota_event"]?["slots"]?.intValue
    }

    /// Slots with their sign: voids count negative (never overflows: `slots` is in range).
    public var signedSlots: Int64 { kind == .spent ? slots : -slots }
}
