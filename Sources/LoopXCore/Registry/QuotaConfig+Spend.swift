import LoopXRules
import LoopXSupport

/// The spend side of the quota: the slots spent in a goal's window, counted once here for
/// the `spend` fact (the rules), `history`'s ledger and `registry`'s readers alike.
extension QuotaConfig {
    /// Spends and voids inside one window, summed without overflow.
    public struct SpendTally: Sendable, Hashable {
        /// Spend events counted.
        public var count: Int64 = 0
        /// Slots spent, before voids (saturating).
        public var spentSlots: Int64 = 0
        /// Slots voided by corrections of spends inside the window (saturating).
        public var voidedSlots: Int64 = 0
        /// Spend and void events read, voids of spends older than the window included.
        public var eventCount: Int64 = 0
        /// The newest spend.
        public var newest: Timestamp?

        /// Net slots in the window: spent minus voided, never below 0.
        public var netSlots: Int64 { max(spentSlots.saturatingSubtracting(voidedSlots), 0) }
    }

    /// Sums `events` (spends and voids inside `[since, now]`). A void counts only while the
    /// spend it corrects is inside the window (`since` on). Slot counts are already within
    /// `NumberRange.slotsPerEvent` (see `SpendEvent`), and the sums saturate, so an absurd
    /// history can only exhaust the quota, never free it or crash.
    public static func tally(_ events: [SpendEvent], since: Timestamp) -> SpendTally {
        var tally = SpendTally()
        tally.eventCount = Int64(events.count)
        for event in events {
            switch event.kind {
            case .spent:
                tally.count += 1
                tally.spentSlots = tally.spentSlots.saturatingAdding(event.slots)
                if tally.newest.map({ event.instant > $0 }) ?? true { tally.newest = event.instant }
            case .voided:
                let target = (event.row["voided_generated_at"] ?? event.row["quota_event"]?["voided_generated_at"])?.stringValue
                if let target, let instant = Timestamp(rfc3339: target), instant < since { continue }
                tally.voidedSlots = tally.voidedSlots.saturatingAdding(event.slots)
            }
        }
        return tally
    }

    /// Spend events inside `[now - window, now]`.
    public func spendEvents(in history: RunHistory, now: Timestamp) -> [SpendEvent] {
        history.spendEvents(since: windowStart(at: now), until: now)
    }

    /// The quota as reported, with `spent_slots` from the history's events in the window
    /// (the same net count as the `spend` fact the rules judge).
    public func ledger(history: RunHistory, now: Timestamp) -> JSONObject {
        let tally = QuotaConfig.tally(spendEvents(in: history, now: now), since: windowStart(at: now))
        var object = json
        object["spent_slots"] = .int(tally.netSlots)
        object["spend_source"] = "runtime_events"
        object["spend_event_count"] = .int(tally.eventCount)
        return object
    }
}
