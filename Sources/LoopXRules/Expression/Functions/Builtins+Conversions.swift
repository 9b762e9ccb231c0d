extension Builtins {
    static func registerConversions(_ t: inout FunctionTable) {
        t.global("int") { v, id in toInt(v, id) }
        t.global("uint") { v, id in toUInt(v, id) }
        t.global("double") { v, id in toDouble(v, id) }
        t.global("string") { v, id in toString(v, id) }
        t.global("bytes") { v, id in
            switch v {
            case .bytes: return v
            case .string(let s): return .bytes(Array(s.utf8))
            default: return Ops.noOverload("bytes", v, id: id)
            }
        }
        t.global("bool") { v, id in
            switch v {
            case .bool: return v
            case .string(let s):
                switch s {
                case "true", "TRUE", "True", "t", "1": return .bool(true)
                case "false", "FALSE", "False", "f", "0": return .bool(false)
                default: return .err("cannot convert '\(s)' to bool", id)
                }
            default: return Ops.noOverload("bool", v, id: id)
            }
        }
        t.global("dyn") { v, _ in v }
        t.global("type") { v, _ in .type(v.celType) }
        t.global("timestamp") { v, id in
            switch v {
            case .timestamp: return v
            case .string(let s):
                guard let ts = CELTimestamp(rfc3339: s) else { return .err("invalid timestamp '\(s)'", id) }
                return .timestamp(ts)
            case .int(let i):
                guard let ts = CELTimestamp(seconds: i) else { return .err("timestamp out of range", id) }
                return .timestamp(ts)
            default: return Ops.noOverload("timestamp", v, id: id)
            }
        }
        t.global("duration") { v, id in
            switch v {
            case .duration: return v
            case .string(let s):
                guard let d = CELDuration(text: s) else { return .err("invalid duration '\(s)'", id) }
                return .duration(d)
            default: return Ops.noOverload("duration", v, id: id)
            }
        }
    }

    static func toInt(_ v: Value, _ id: Int) -> Value {
        switch v {
        case .int: return v
        case .uint(let u):
            guard u <= UInt64(Int64.max) else { return .err("int overflow converting \(u)u", id) }
            return .int(Int64(u))
        case .double(let d):
            guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775808e18 else {
                return .err("int overflow converting double", id)
            }
            return .int(Int64(d.rounded(.towardZero)))
        case .string(let s):
            guard let i = Int64(s) else { return .err("cannot convert '\(s)' to int", id) }
            return .int(i)
        case .timestamp(let ts): return .int(ts.seconds)
        default: return Ops.noOverload("int", v, id: id)
        }
    }

    static func toUInt(_ v: Value, _ id: Int) -> Value {
        switch v {
        case .uint: return v
        case .int(let i):
            guard i >= 0 else { return .err("uint overflow converting \(i)", id) }
            return .uint(UInt64(i))
        case .double(let d):
            guard d.isFinite, d >= 0, d < 1.8446744073709551616e19 else {
                return .err("uint overflow converting double", id)
            }
            return .uint(UInt64(d.rounded(.towardZero)))
        case .string(let s):
            guard let u = UInt64(s) else { return .err("cannot convert '\(s)' to uint", id) }
            return .uint(u)
        default: return Ops.noOverload("uint", v, id: id)
        }
    }

    static func toDouble(_ v: Value, _ id: Int) -> Value {
        switch v {
        case .double: return v
        case .int(let i): return .double(Double(i))
        case .uint(let u): return .double(Double(u))
        case .string(let s):
            switch s.lowercased() {
            case "nan": return .double(.nan)
            case "inf", "+inf", "infinity", "+infinity": return .double(.infinity)
            case "-inf", "-infinity": return .double(-.infinity)
            default: break
            }
            guard let d = Double(s) else { return .err("cannot convert '\(s)' to double", id) }
            return .double(d)
        default: return Ops.noOverload("double", v, id: id)
        }
    }

    static func toString(_ v: Value, _ id: Int) -> Value {
        switch v {
        case .string: return v
        case .int(let i): return .string(String(i))
        case .uint(let u): return .string(String(u))
        case .double(let d): return .string(Value.doubleText(d))
        case .bool(let b): return .string(b ? "true" : "false")
        case .bytes(let b):
            guard let s = String(validating: b, as: UTF8.self) else {
                return .err("invalid UTF-8 in bytes converted to string", id)
            }
            return .string(s)
        case .timestamp(let ts): return .string(ts.rfc3339)
        case .duration(let d): return .string(d.text)
        case .type(let t): return .string(t.name)
        default: return Ops.noOverload("string", v, id: id)
        }
    }
}
