extension RunRecord {
    /// Whether this run is quota bookkeeping (a `quota_slot_spent` / `quota_slot_voided`
    /// row), not a delivery run: rewards and the history chart skip it.
    public var isSpendBookkeeping: Bool { SpendEvent.kind(of: fields) != nil }
}
