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

    /// A double as `string(d)` renders it: shortest round-trip digits, no trailing `.0`.
    static func doubleText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "+Infinity" }
        var s = d.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    static func hex2(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
    }

    /// Writes a double-quoted CEL string literal with escapes for quotes, backslashes and controls.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
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
