extension Value {
    /// The value written as CEL source: `"x"`, `1u`, `[1, 2]`, `{"a": 1}`, `timestamp("...")`.
    public var celLiteral: String {
        var out = ""
        writeLiteral(into: &out)
        return out
    }

    func writeLiteral(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .uint(let u): out += String(u) + "u"
        case .double(let d): out += Value.doubleLiteral(d)
        case .string(let s): Value.quote(s, into: &out)
        case .bytes(let b):
            out += "b\""
            for byte in b {
                if byte >= 0x20, byte < 0x7F, byte != 0x22, byte != 0x5C {
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    out += "\\x" + Value.hex2(byte)
                }
            }
            out += "\""
        case .timestamp(let t): out += "timestamp(\"" + t.rfc3339 + "\")"
        case .duration(let d): out += "duration(\"" + d.text + "\")"
        case .list(let l):
            out += "["
            for (i, e) in l.enumerated() {
                if i > 0 { out += ", " }
                e.writeLiteral(into: &out)
            }
            out += "]"
        case .map(let m):
            out += "{"
            for i in 0..<m.count {
                if i > 0 { out += ", " }
                m.keys[i].writeLiteral(into: &out)
                out += ": "
                m.values[i].writeLiteral(into: &out)
            }
            out += "}"
        case .type(let t): out += t.name
        case .optional(let o):
            if let v = o.value {
                out += "optional.of("
                v.writeLiteral(into: &out)
                out += ")"
            } else {
                out += "optional.none()"
            }
        case .error(let e): out += "error(" + e.message.celQuoted + ")"
        }
    }

    /// A double as CEL source that reads back as a double (`1.0`, `1e+100`, `double("NaN")`).
    static func doubleLiteral(_ d: Double) -> String {
        if d.isNaN { return "double(\"NaN\")" }
        if d.isInfinite { return d < 0 ? "double(\"-Infinity\")" : "double(\"Infinity\")" }
        return d.description
    }

    /// A double as `string(d)` renders it: shortest round-trip digits in `%g` style, with an
    /// exponent below 1e-4 or from 1e6 up (`1.5`, `100000`, `1e+06`, `1.23456789e+08`).
    static func doubleText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "+Infinity" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        // Swift's description gives the shortest round-trip digits; re-lay them out.
        let desc = abs(d).description
        var mantissa = Substring(desc)
        var exponent = 0
        if let e = desc.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = desc[..<e]
            exponent = Int(desc[desc.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let frac = parts.count > 1 ? String(parts[1]) : ""
        var digits = Array(whole + frac)
        var point = whole.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { return "0" }
        let x = point - 1
        var out = d < 0 ? "-" : ""
        if x < -4 || x >= 6 {
            out.append(digits[0])
            if digits.count > 1 { out += "." + String(digits[1...]) }
            out += (x < 0 ? "e-" : "e+") + (abs(x) < 10 ? "0" : "") + String(abs(x))
        } else if point <= 0 {
            out += "0." + String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            out += String(digits) + String(repeating: "0", count: point - digits.count)
        } else {
            out += String(digits[..<point]) + "." + String(digits[point...])
        }
        return out
    }

    static func hex2(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
    }

    /// Writes a double-quoted CEL string literal with escapes for quotes, backslashes and
    /// controls (the named escapes where CEL has one, else `\xHH`): the one quoter of both
    /// `celLiteral` and `strings.quote()`.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex2(UInt8(scalar.value))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension String {
    /// This string as a double-quoted CEL literal.
    var celQuoted: String {
        var out = ""
        Value.quote(self, into: &out)
        return out
    }
}
