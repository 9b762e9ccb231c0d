import Foundation

extension Builtins {
    enum Field { case year, month, date, dayOfMonth, dayOfWeek, dayOfYear, hours, minutes, seconds, millis }

    static func registerTime(_ t: inout FunctionTable) {
        let fields: [(String, Field)] = [
            ("getFullYear", .year), ("getMonth", .month), ("getDate", .date), ("getDayOfMonth", .dayOfMonth),
            ("getDayOfWeek", .dayOfWeek), ("getDayOfYear", .dayOfYear), ("getHours", .hours),
            ("getMinutes", .minutes), ("getSeconds", .seconds), ("getMilliseconds", .millis),
        ]
        for (name, field) in fields {
            t.member(name) { v, id in
                switch v {
                case .timestamp(let ts): return timestampField(ts, field, offset: 0)
                case .duration(let d): return durationField(d, field, name, id)
                default: return Ops.noOverload(name, v, id: id)
                }
            }
            t.member(name) { v, zone, id in
                guard case .timestamp(let ts) = v, case .string(let z) = zone else {
                    return Ops.noOverload(name, v, zone, id: id)
                }
                guard let offset = zoneOffset(z, at: ts.seconds) else { return .err("unknown time zone '\(z)'", id) }
                return timestampField(ts, field, offset: offset)
            }
        }
    }

    /// Seconds east of UTC for a zone name (`UTC`, `America/New_York`) or fixed offset (`+05:30`).
    static func zoneOffset(_ zone: String, at seconds: Int64) -> Int64? {
        let b = Array(zone.utf8)
        // Fixed offsets: `+05:30`, `-09:30`, or unsigned `02:00` (east of UTC).
        if let first = b.first, first == 43 || first == 45 || (first >= 48 && first <= 57) {
            let signed = first == 43 || first == 45
            let parts = (signed ? zone.dropFirst() : Substring(zone)).split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let h = Int64(parts[0]), let m = Int64(parts[1]), parts[0].count == 2,
                  parts[1].count == 2, h < 24, m < 60 else { return nil }
            return (first == 45 ? -1 : 1) * (h * 3600 + m * 60)
        }
        if zone == "UTC" || zone == "Z" { return 0 }
        guard let tz = TimeZone(identifier: zone) else { return nil }
        return Int64(tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
    }

    static func timestampField(_ ts: CELTimestamp, _ field: Field, offset: Int64) -> Value {
        let local = ts.seconds + offset
        let days = Civil.floorDiv(local, 86400)
        let rem = local - days * 86400
        switch field {
        case .hours: return .int(rem / 3600)
        case .minutes: return .int(rem / 60 % 60)
        case .seconds: return .int(rem % 60)
        case .millis: return .int(Int64(ts.nanos) / 1_000_000)
        case .dayOfWeek: return .int(((days % 7) + 11) % 7)
        default: break
        }
        let (y, m, d) = Civil.date(days: days)
        switch field {
        case .year: return .int(y)
        case .month: return .int(m - 1)
        case .date: return .int(d)
        case .dayOfMonth: return .int(d - 1)
        default: return .int(days - Civil.days(year: y, month: 1, day: 1))
        }
    }

    static func durationField(_ d: CELDuration, _ field: Field, _ name: String, _ id: Int) -> Value {
        let s = d.truncatedSeconds
        switch field {
        case .hours: return .int(s / 3600)
        case .minutes: return .int(s / 60)
        case .seconds: return .int(s)
        case .millis: return .int(d.truncatedNanos / 1_000_000)
        default: return Ops.noOverload(name, .duration(d), id: id)
        }
    }
}
