import LoopXRules
import LoopXSupport

/// The `--recorded-at` value of a human decision: the given RFC 3339 text kept as written,
/// or the invocation's clock.
public enum RecordedAt {
    /// The recorded instant: `given` when it is RFC 3339 (a usage failure otherwise), else now.
    public static func resolve(_ given: String?, now: Timestamp) throws(CommandFailure) -> String {
        guard let given else { return seconds(now) }
        guard Timestamp(rfc3339: given) != nil else {
            throw CommandFailure("invalid --recorded-at '\(given)'", hint: "use RFC 3339, e.g. 2026-01-01T08:00:00Z", status: .usage)
        }
        return given
    }

    /// An instant at seconds precision, as run timestamps are written (`2026-01-01T08:00:00Z`).
    public static func seconds(_ instant: Timestamp) -> String {
        Timestamp(seconds: instant.seconds).rfc3339
    }
}
