/// A point in time: seconds since the Unix epoch plus nanoseconds in `0..<1e9`.
public struct CELTimestamp: Sendable, Hashable, Comparable {
    public let seconds: Int64
    public let nanos: Int32

    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, CEL's valid range.
    public static let minSeconds: Int64 = -62_135_596_800
    public static let maxSeconds: Int64 = 253_402_300_799

    /// A timestamp when `seconds` is inside CEL's range, else nil.
    public init?(seconds: Int64, nanos: Int32 = 0) {
        guard seconds >= Self.minSeconds, seconds <= Self.maxSeconds, nanos >= 0, nanos < 1_000_000_000
        else { return nil }
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (a: CELTimestamp, b: CELTimestamp) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }

    /// The timestamp moved by a duration; nil when it leaves the valid range.
    func adding(_ d: CELDuration) -> CELTimestamp? {
        let (s, n) = CELDuration.normalize(seconds: seconds, nanos: Int64(nanos), plusSeconds: d.seconds,
                                           plusNanos: Int64(d.nanos))
        guard let s else { return nil }
        return CELTimestamp(seconds: s, nanos: Int32(n))
    }

    func subtracting(_ d: CELDuration) -> CELTimestamp? {
        guard let neg = d.negated else { return nil }
        return adding(neg)
    }

    /// The duration between two timestamps (`self - other`).
    func difference(_ other: CELTimestamp) -> CELDuration? {
        CELDuration.make(seconds: seconds &- other.seconds, nanos: Int64(nanos) - Int64(other.nanos))
    }
}

/// A signed span of time: seconds plus nanoseconds in `0..<1e9` (floor-normalised).
public struct CELDuration: Sendable, Hashable, Comparable {
    public let seconds: Int64
    public let nanos: Int32


    private init(raw seconds: Int64, nanos: Int32) {
        self.seconds = seconds
        self.nanos = nanos
    }

    /// A normalised duration, nil when outside the valid range.
    public static func make(seconds: Int64, nanos: Int64) -> CELDuration? {
        let (s, n) = normalize(seconds: seconds, nanos: nanos, plusSeconds: 0, plusNanos: 0)
        guard let s else { return nil }
        let d = CELDuration(raw: s, nanos: Int32(n))
        // CEL runtimes hold durations as 64-bit nanoseconds (about ±292 years).
        return d.totalNanos == nil ? nil : d
    }

    public static func nanoseconds(_ ns: Int64) -> CELDuration {
        let s = ns / 1_000_000_000
        let n = ns % 1_000_000_000
        return make(seconds: s, nanos: n) ?? CELDuration(raw: 0, nanos: 0)
    }

    /// Adds two (seconds, nanos) pairs and floor-normalises nanos; nil seconds on overflow.
    static func normalize(seconds: Int64, nanos: Int64, plusSeconds: Int64, plusNanos: Int64) -> (Int64?, Int64) {
        var n = nanos + plusNanos
        var carry = n / 1_000_000_000
        n %= 1_000_000_000
        if n < 0 {
            n += 1_000_000_000
            carry -= 1
        }
        let (a, o1) = seconds.addingReportingOverflow(plusSeconds)
        let (b, o2) = a.addingReportingOverflow(carry)
        return (o1 || o2 ? nil : b, n)
    }

    public static func < (a: CELDuration, b: CELDuration) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }

    var negated: CELDuration? { CELDuration.make(seconds: 0 &- seconds, nanos: -Int64(nanos)) }

    func adding(_ o: CELDuration) -> CELDuration? {
        let (s, n) = CELDuration.normalize(seconds: seconds, nanos: Int64(nanos), plusSeconds: o.seconds,
                                           plusNanos: Int64(o.nanos))
        guard let s else { return nil }
        return CELDuration.make(seconds: s, nanos: n)
    }

    func subtracting(_ o: CELDuration) -> CELDuration? {
        guard let neg = o.negated else { return nil }
        return adding(neg)
    }

    /// Whole nanoseconds, nil when they do not fit in 64 bits.
    var totalNanos: Int64? {
        let (a, o1) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (b, o2) = a.addingReportingOverflow(Int64(nanos))
        return o1 || o2 ? nil : b
    }

    /// Whole seconds truncated toward zero, as protobuf and CEL accessors count them.
    var truncatedSeconds: Int64 { seconds < 0 && nanos > 0 ? seconds + 1 : seconds }

    /// The signed sub-second nanoseconds matching `truncatedSeconds`.
    var truncatedNanos: Int64 { seconds < 0 && nanos > 0 ? Int64(nanos) - 1_000_000_000 : Int64(nanos) }
}
