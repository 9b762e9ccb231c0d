/// Civil-calendar arithmetic (proleptic Gregorian), used for RFC 3339 text and accessors.
enum Civil {
    /// Days since 1970-01-01 of a civil date.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func date(days z0: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

extension CELTimestamp {
    /// Parses RFC 3339 (`2009-02-13T23:31:30.5Z`, `...+05:30`); nil when malformed or out of range.
    public init?(rfc3339 text: String) {
        let b = Array(text.utf8)
        var i = 0
        func num(_ n: Int) -> Int64? {
            guard i + n <= b.count else { return nil }
            var v: Int64 = 0
            for k in 0..<n {
                let c = b[i + k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int64(c - 48)
            }
            i += n
            return v
        }
        func lit(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = num(4), lit(45), let month = num(2), lit(45), let day = num(2) else { return nil }
        guard i < b.count, b[i] == 84 || b[i] == 116 else { return nil }
        i += 1
        guard let hour = num(2), lit(58), let minute = num(2), lit(58), let second = num(2) else { return nil }
        var nanos: Int64 = 0
        if lit(46) {
            var digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int64(b[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }
        var offset: Int64 = 0
        if i < b.count, b[i] == 90 || b[i] == 122 {
            i += 1
        } else if i < b.count, b[i] == 43 || b[i] == 45 {
            let sign: Int64 = b[i] == 45 ? -1 : 1
            i += 1
            guard let oh = num(2), lit(58), let om = num(2) else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == b.count, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
              second < 61 else { return nil }
        let secs = Civil.days(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 + second
            - offset
        self.init(seconds: secs, nanos: Int32(nanos))
    }

    /// RFC 3339 in UTC with the fraction trimmed of trailing zeros (`2009-02-13T23:31:30.5Z`).
    public var rfc3339: String { format(fractionDigits: nil) }

    /// RFC 3339 with 0, 3, 6 or 9 fraction digits, as the protobuf JSON mapping writes it.
    public var protoJSON: String { format(fractionDigits: 3) }

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
