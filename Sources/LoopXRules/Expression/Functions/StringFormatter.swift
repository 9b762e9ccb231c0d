import Foundation

/// `"...".format([args])` from the strings extension: %s %d %f %e %x %X %o %b and %%.
enum StringFormatter {
    struct Failure: Error {
        let message: String
    }

    static func format(_ template: String, _ args: [Value], _ id: Int) -> Value {
        var out = ""
        var next = 0
        let cs = Array(template.unicodeScalars)
        var i = 0
        while i < cs.count {
            let c = cs[i]
            i += 1
            guard c == "%" else {
                out.unicodeScalars.append(c)
                continue
            }
            guard i < cs.count else { return .err("format(): trailing '%'", id) }
            if cs[i] == "%" {
                out += "%"
                i += 1
                continue
            }
            var precision: Int?
            if cs[i] == "." {
                i += 1
                var p = 0
                while i < cs.count, let d = Int(String(cs[i])), cs[i].isASCII {
                    p = min(p * 10 + d, 100)
                    i += 1
                }
                precision = p
            }
            guard i < cs.count else { return .err("format(): incomplete clause", id) }
            let verb = cs[i]
            i += 1
            guard next < args.count else { return .err("format(): not enough arguments", id) }
            let arg = args[next]
            next += 1
            do {
                out += try clause(verb, precision, arg)
            } catch {
                return .err("format(): \(error.message)", id)
            }
        }
        return .string(out)
    }

    static func special(_ d: Double) -> String? {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return nil
    }

    static func clause(_ verb: Unicode.Scalar, _ precision: Int?, _ arg: Value) throws(Failure) -> String {
        switch verb {
        case "s": return try text(arg)
        case "d":
            switch arg {
            case .int(let i): return String(i)
            case .uint(let u): return String(u)
            case .double(let d):
                if let s = special(d) { return s }
                throw Failure(message: "%d needs an integer, got double")
            default: throw Failure(message: "%d needs an integer, got \(arg.celType)")
            }
        case "f", "e":
            let d: Double
            switch arg {
            case .double(let x): d = x
            case .int(let x): d = Double(x)
            case .uint(let x): d = Double(x)
            default: throw Failure(message: "%\(verb) needs a number, got \(arg.celType)")
            }
            if let s = special(d) { return s }
            return String(format: "%.\(precision ?? 6)\(verb)", d)
        case "x", "X":
            var s: String
            switch arg {
            case .int(let i): s = i < 0 ? "-" + String(i.magnitude, radix: 16) : String(i, radix: 16)
            case .uint(let u): s = String(u, radix: 16)
            case .string(let str): s = str.utf8.map { Value.hex2($0) }.joined()
            case .bytes(let b): s = b.map { Value.hex2($0) }.joined()
            case .double(let d):
                if let sp = special(d) { return sp }
                throw Failure(message: "%x needs an integer, string or bytes")
            default: throw Failure(message: "%x needs an integer, string or bytes, got \(arg.celType)")
            }
            if verb == "X" { s = s.uppercased() }
            return s
        case "o", "b":
            let radix = verb == "o" ? 8 : 2
            switch arg {
            case .int(let i): return i < 0 ? "-" + String(i.magnitude, radix: radix) : String(i, radix: radix)
            case .uint(let u): return String(u, radix: radix)
            case .bool(let b) where verb == "b": return b ? "1" : "0"
            default: throw Failure(message: "%\(verb) needs an integer, got \(arg.celType)")
            }
        default:
            throw Failure(message: "unrecognized formatting clause '%\(verb)'")
        }
    }

    /// The `%s` text of a value; lists and maps nest, map keys sorted by their text.
    static func text(_ v: Value) throws(Failure) -> String {
        switch v {
        case .string(let s): return s
        case .bytes(let b):
            guard let s = String(validating: b, as: UTF8.self) else { throw Failure(message: "invalid UTF-8 bytes") }
            return s
        case .double(let d): return special(d) ?? Value.doubleText(d)
        case .list(let l):
            var parts: [String] = []
            for e in l { parts.append(try text(e)) }
            return "[" + parts.joined(separator: ", ") + "]"
        case .map(let m):
            var entries: [(String, String)] = []
            for k in 0..<m.count { entries.append((try text(m.keys[k]), try text(m.values[k]))) }
            entries.sort { $0.0 < $1.0 }
            return "{" + entries.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
        case .null: return "null"
        case .optional, .error: throw Failure(message: "cannot format \(v.celType)")
        default:
            guard case .string(let s) = Builtins.toString(v, 0) else { throw Failure(message: "cannot format") }
            return s
        }
    }
}
