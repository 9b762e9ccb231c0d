/// An instant in UTC with nanosecond precision, parsed from and written as RFC 3339.
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

    /// Seconds between two instants as a double (`self - other`); never traps, however far
    /// apart the instants are.
    public func interval(since other: Timestamp) -> Double {
        (Double(seconds) - Double(other.seconds)) + Double(Int64(nanos) - Int64(other.nanos)) / 1e9
    }

    /// The instant `delta` seconds later (earlier when negative), saturating at the ends of
    /// the `Int64` second range instead of trapping.
    public func adding(seconds delta: Int64) -> Timestamp {
        Timestamp(seconds: seconds.saturatingAdding(delta), nanos: nanos)
    }

    /// The instant `delta` minutes later (earlier when negative), saturating like
    /// `adding(seconds:)`.
    public func adding(minutes delta: Int64) -> Timestamp {
        adding(seconds: delta.saturatingMultiplied(by: 60))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Broken-down UTC fields.
    public var utcFields: (year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64) {
        // Floor division written so that no instant, `Int64.min` included, can overflow.
        let remainder = seconds % 86_400
        let secondOfDay = remainder < 0 ? remainder + 86_400 : remainder
        let dayCount = seconds / 86_400 - (remainder < 0 ? 1 : 0)
        let date = Timestamp.civil(days: dayCount)
        return (date.year, date.month, date.day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    /// RFC 3339 in UTC with a `Z`, fractional seconds only when non-zero (trailing zeros trimmed
    /// to 3, 6 or 9 digits).
    public var rfc3339: String {
        let f = utcFields
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        var out = "\(pad(f.year, 4))-\(pad(f.month, 2))-\(pad(f.day, 2))T"
        out += "\(pad(f.hour, 2)):\(pad(f.minute, 2)):\(pad(f.second, 2))"
        if nanos != 0 {
            var digits = pad(Int64(nanos), 9)
            while digits.count > 3, digits.hasSuffix("000") { digits.removeLast(3) }
            out += "." + digits
        }
        return out + "Z"
    }

    /// Parses RFC 3339 (`2026-01-01T08:00:00Z`, `...+05:30`, fractional seconds, `t`/`z`/space
    /// separator accepted). Returns nil on anything else.
    public init?(rfc3339 text: String) {
        let b = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int64? {
            guard start + count <= b.count else { return nil }
            var value: Int64 = 0
            for i in start..<(start + count) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int64(b[i] - 48)
            }
            return value
        }
        guard b.count >= 20, let year = number(0, 4), b[4] == 45, let month = number(5, 2), b[7] == 45,
            let day = number(8, 2), [84, 116, 32].contains(b[10]), let hour = number(11, 2), b[13] == 58,
            let minute = number(14, 2), b[16] == 58, let second = number(17, 2),
            (1...12).contains(month), day >= 1, day <= Timestamp.daysInMonth(year: year, month: month),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var nanos: Int64 = 0
        if index < b.count, b[index] == 46 {
            index += 1
            var digits = 0
            while index < b.count, b[index] >= 48, b[index] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int64(b[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if digits < 9 { for _ in digits..<9 { nanos *= 10 } }
        }
        guard index < b.count else { return nil }
        var offset: Int64 = 0
        if b[index] == 90 || b[index] == 122 {
            index += 1
        } else if b[index] == 43 || b[index] == 45, let oh = number(index + 1, 2), b.count > index + 3,
            b[index + 3] == 58, let om = number(index + 4, 2)
        {
            offset = (oh * 60 + om) * 60 * (b[index] == 45 ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == b.count else { return nil }
        let days = Timestamp.days(year: year, month: month, day: day)
        self.init(seconds: days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset, nanos: Int32(nanos))
    }

    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
