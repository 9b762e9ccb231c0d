/// How a stage combines its rules.
public enum StageMode: String, Sendable, Hashable, CaseIterable {
    /// The first rule (in priority order) whose `when` holds decides the output.
    case firstMatch = "first_match"
    /// Every rule whose `when` holds contributes an item to the output list.
    case allMatches = "all_matches"
}

/// What a stage does when a rule's `when` (or `then`) fails to evaluate or is not a bool.
public enum OnErrorPolicy: String, Sendable, Hashable, CaseIterable {
    /// The rule does not match; the error is traced and listed in `rule_errors`.
    case skip
    /// The rule counts as matched (gates stop rather than let an action through).
    case failClosed = "fail_closed"
    /// The whole decision fails with the error.
    case abort
}

/// How much a decision records about its rules.
public enum TraceLevel: String, Sendable, Hashable, CaseIterable {
    /// Only the compact `rule_trace` (deciding/contributing rules and outputs).
    case off
    /// Plus every rule's outcome and its `why`.
    case on
    /// Plus the value of every sub-expression.
    case full
}
