/// The four heartbeat task bodies, from the full lifecycle down to the thin dispatcher,
/// each with the character budget an agent host can afford for it.
public enum HeartbeatVariant: String, Sendable, CaseIterable {
    case full
    case compact
    case brief
    case thin

    /// The largest body this variant should produce, in characters.
    public var maxChars: Int {
        switch self {
        case .full: return 14_000
        case .compact: return 7_000
        case .brief: return 4_000
        case .thin: return 1_500
        }
    }

    /// The flag that selects the variant (none for the full body).
    public var flag: String? { self == .full ? nil : "--\(rawValue)" }
}
