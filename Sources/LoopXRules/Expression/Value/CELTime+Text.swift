import LoopXSupport
/// Calendar arithmetic for timestamp text and accessors, on top of `Timestamp`'s civil dates.
enum Civil {
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        Timestamp.days(year: year, month: month, day: day)
    }

    static func date(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        Timestamp.civil(days: days)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

extension CELTimestamp {
    /// Parses RFC 3339 (`2009-02-13T23:31:30.5Z`, `...+05:30`); nil when malformed or out of range.
    public init?(rfc3339 text: String) {
        guard let t = Timestamp(rfc3339: text) else { return nil }
        self.init(seconds: t.seconds, nanos: t.nanos)
    }

    /// RFC 3339 in UTC with the fraction trimmed of trailing zeros (`2009-02-13T23:31:30.5Z`).
    public var rfc3339: String { format(fractionDigits: nil) }

    /// RFC 3339 with 0, 3, 6 or 9 fraction digits, as the protobuf JSON mapping writes it.
    public var protoJSON: String { Timestamp(seconds: seconds, nanos: nanos).rfc3339 }

    private func format(fractionDigits: Int?) -> String {
        let days = Civil.floorDiv(seconds, 86400)
        let rem = seconds - days * 86400
        let (y, m, d) = Civil.date(days: days)
        var s = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(rem / 3600, 2) + ":"
            + pad(rem / 60 % 60, 2) + ":" + pad(rem % 60, 2)
        s += fraction(Int64(nanos), grouped: fractionDigits != nil)
        return s + "Z"
    }
}

/// `.5` style fraction text for nanoseconds; grouped rounds the digit count up to 3/6/9.
func fraction(_ nanos: Int64, grouped: Bool) -> String {
    guard nanos != 0 else { return "" }
    var digits = pad(nanos, 9)
    if grouped {
        while digits.count > 3, digits.hasSuffix("000") { digits.removeLast(3) }
    } else {
        while digits.hasSuffix("0") { digits.removeLast() }
    }
    return "." + digits
}

func pad(_ v: Int64, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

extension CELDuration {
    /// Parses Go-style duration text: `1h2m3.5s`, `-1.5h`, `300ms`, `1us`, `2ns`.
    public init?(text: String) {
        var b = Array(text.utf8)
        var negative = false
        if let f = b.first, f == 45 || f == 43 {
            negative = f == 45
            b.removeFirst()
        }
        if b == [48] {
            self = CELDuration.nanoseconds(0)
            return
        }
        guard !b.isEmpty else { return nil }
        var i = 0
        var total = CELDuration.nanoseconds(0)
        while i < b.count {
            var whole: Int64 = 0
            var frac: Double = 0
            var scale: Double = 0.1
            var sawDigit = false
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(b[i] - 48))
                if o1 || o2 { return nil }
                whole = a
                sawDigit = true
                i += 1
            }
            if i < b.count, b[i] == 46 {
                i += 1
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    frac += Double(b[i] - 48) * scale
                    scale /= 10
                    sawDigit = true
                    i += 1
                }
            }
            guard sawDigit else { return nil }
            let start = i
            while i < b.count, !(b[i] >= 48 && b[i] <= 57), b[i] != 46 { i += 1 }
            let unit = String(decoding: b[start..<i], as: UTF8.self)
            let unitNanos: Int64
            switch unit {
            case "h": unitNanos = 3_600_000_000_000
            case "m": unitNanos = 60_000_000_000
            case "s": unitNanos = 1_000_000_000
            case "ms": unitNanos = 1_000_000
            case "us", "µs", "μs": unitNanos = 1_000
            case "ns": unitNanos = 1
            default: return nil
            }
            let perSecond: Int64 = 1_000_000_000
            let part: CELDuration?
            if unitNanos >= perSecond {
                let (s, o) = whole.multipliedReportingOverflow(by: unitNanos / perSecond)
                if o { return nil }
                let fracNanos = (frac * Double(unitNanos)).rounded()
                part = CELDuration.make(seconds: s, nanos: Int64(fracNanos))
            } else {
                let (n, o) = whole.multipliedReportingOverflow(by: unitNanos)
                if o { return nil }
                part = CELDuration.make(seconds: 0, nanos: n + Int64((frac * Double(unitNanos)).rounded()))
            }
            guard let part, let sum = total.adding(part) else { return nil }
            total = sum
        }
        if negative {
            guard let n = total.negated else { return nil }
            total = n
        }
        self = total
    }

    /// Seconds with a trimmed fraction and an `s` suffix: `1.5s`, `-0.000000001s`, `0s`.
    public var text: String {
        let sign = seconds < 0 ? "-" : ""
        let ts = truncatedSeconds
        let tn = truncatedNanos
        return sign + String(ts.magnitude) + fraction(Int64(tn.magnitude), grouped: false) + "s"
    }

    /// As `text`, but with 0/3/6/9 fraction digits as protobuf JSON writes durations.
    public var protoJSON: String {
        let sign = seconds < 0 ? "-" : ""
        return sign + String(truncatedSeconds.magnitude) + fraction(Int64(truncatedNanos.magnitude), grouped: true)
            + "s"
    }
}
