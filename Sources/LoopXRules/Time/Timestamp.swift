/// An instant in UTC with nanosecond precision for the domain layer (run times, leases,
/// quota windows). Parsing and formatting are CEL's (`CELTimestamp`), so a time written by a
/// command reads back identically in a rule.
public struct Timestamp: Sendable, Hashable, Comparable {
    public var seconds: Int64
    public var nanos: Int32

    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    /// Seconds between two instants as a double (`self - other`).
    public func interval(since other: Timestamp) -> Double {
        Double(seconds - other.seconds) + Double(nanos - other.nanos) / 1e9
    }

    public func adding(seconds delta: Int64) -> Timestamp {
        Timestamp(seconds: seconds + delta, nanos: nanos)
    }

    /// Broken-down UTC fields.
    public var utcFields: (year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64) {
        let dayCount = Civil.floorDiv(seconds, 86_400)
        let secondOfDay = seconds - dayCount * 86_400
        let date = Civil.date(days: dayCount)
        return (date.year, date.month, date.day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    /// RFC 3339 in UTC with a `Z`; a fraction only when non-zero.
    public var rfc3339: String {
        CELTimestamp(seconds: seconds, nanos: nanos)?.rfc3339 ?? "\(seconds)s"
    }

    /// Parses RFC 3339 (`2026-01-01T08:00:00Z`, `...+05:30`, fractional seconds); nil otherwise.
    public init?(rfc3339 text: String) {
        guard let parsed = CELTimestamp(rfc3339: text) else { return nil }
        self.init(seconds: parsed.seconds, nanos: parsed.nanos)
    }

    /// The CEL value of this instant (nil outside CEL's years 1–9999).
    public var celTimestamp: CELTimestamp? { CELTimestamp(seconds: seconds, nanos: nanos) }
}
