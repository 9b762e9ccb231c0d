import LoopXSupport
/// Writes values in the protobuf JSON form of `cel.expr.Value` (the `expr eval --jsonl` output).
enum ProtoJSONWriter {
    struct Unrepresentable: Error {
        let message: String
    }

    static func write(_ v: Value, into out: inout [UInt8]) throws(Unrepresentable) {
        switch v {
        case .null: raw("{\"nullValue\":null}", &out)
        case .bool(let b): raw(b ? "{\"boolValue\":true}" : "{\"boolValue\":false}", &out)
        case .int(let i):
            raw("{\"int64Value\":\"", &out)
            raw(String(i), &out)
            raw("\"}", &out)
        case .uint(let u):
            raw("{\"uint64Value\":\"", &out)
            raw(String(u), &out)
            raw("\"}", &out)
        case .double(let d):
            raw("{\"doubleValue\":", &out)
            if d.isNaN {
                raw("\"NaN\"", &out)
            } else if d.isInfinite {
                raw(d < 0 ? "\"-Infinity\"" : "\"Infinity\"", &out)
            } else {
                raw(d.description, &out)
            }
            out.append(0x7D)
        case .string(let s):
            raw("{\"stringValue\":", &out)
            string(s, &out)
            out.append(0x7D)
        case .bytes(let b):
            raw("{\"bytesValue\":\"", &out)
            raw(Base64.encode(b), &out)
            raw("\"}", &out)
        case .timestamp(let t):
            raw("{\"objectValue\":{\"@type\":\"type.googleapis.com/google.protobuf.Timestamp\",\"value\":\"", &out)
            raw(t.protoJSON, &out)
            raw("\"}}", &out)
        case .duration(let d):
            raw("{\"objectValue\":{\"@type\":\"type.googleapis.com/google.protobuf.Duration\",\"value\":\"", &out)
            raw(d.protoJSON, &out)
            raw("\"}}", &out)
        case .list(let l):
            raw("{\"listValue\":{\"values\":[", &out)
            for (k, e) in l.enumerated() {
                if k > 0 { out.append(0x2C) }
                try write(e, into: &out)
            }
            raw("]}}", &out)
        case .map(let m):
            raw("{\"mapValue\":{\"entries\":[", &out)
            for k in 0..<m.count {
                if k > 0 { out.append(0x2C) }
                raw("{\"key\":", &out)
                try write(m.keys[k], into: &out)
                raw(",\"value\":", &out)
                try write(m.values[k], into: &out)
                out.append(0x7D)
            }
            raw("]}}", &out)
        case .type(let t):
            raw("{\"typeValue\":", &out)
            string(t.name, &out)
            out.append(0x7D)
        case .optional:
            throw Unrepresentable(message: "an optional value has no JSON form")
        case .error(let e):
            throw Unrepresentable(message: e.message)
        }
    }

    @inline(__always)
    static func raw(_ s: String, _ out: inout [UInt8]) {
        out.append(contentsOf: s.utf8)
    }

    /// A JSON string literal; non-ASCII is written as UTF-8.
    static func string(_ s: String, _ out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { u in
            var start = 0
            for k in 0..<u.count {
                let c = u[k]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<k]))
                switch c {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                default:
                    out += [0x5C, 0x75, 0x30, 0x30]
                    out.append(contentsOf: Value.hex2(c).utf8)
                }
                start = k + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<u.count]))
        }
        out.append(0x22)
    }
}
