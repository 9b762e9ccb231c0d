import LoopXSupport
/// A declared exception that lets a later layer make a change it may not make otherwise —
/// disable or weaken a locked rule, loosen a tighten-only stage — until it expires.
public struct Waiver: Sendable, Hashable {
    public var ruleID: String
    /// Who signed the exception (a person or team to ask about it).
    public var owner: String
    public var reason: String
    /// The instant from which the waiver no longer applies.
    public var expires: Timestamp
    /// The text written in the file (a date or an RFC 3339 timestamp).
    public var expiresText: String
    public var origin: RuleOrigin

    public init(ruleID: String, owner: String = "", reason: String, expires: Timestamp, expiresText: String, origin: RuleOrigin) {
        self.ruleID = ruleID
        self.owner = owner
        self.reason = reason
        self.expires = expires
        self.expiresText = expiresText
        self.origin = origin
    }

    /// Active while `now` is before `expires`.
    public func isActive(at now: Timestamp) -> Bool { now < expires }

    /// Parses `2026-03-01` (the start of that UTC day) or an RFC 3339 timestamp.
    public static func parseExpiry(_ text: String) -> Timestamp? {
        if let full = Timestamp(rfc3339: text) { return full }
        return Timestamp(rfc3339: text + "T00:00:00Z")
    }
}
