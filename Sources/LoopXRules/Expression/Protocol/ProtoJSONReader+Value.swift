import LoopXSupport
extension ProtoJSONReader {
    /// One `cel.expr.Value` in protobuf JSON form.
    mutating func value() throws(Failure) -> Value {
        try expect(0x7B)
        depth += 1
        if depth > 200 { throw Failure(message: "nesting too deep") }
        defer { depth -= 1 }
        guard !accept(0x7D) else { throw Failure(message: "empty VALUE object") }
        let k = try key()
        try expect(0x3A)
        let v = try kind(k)
        if accept(0x2C) { throw Failure(message: "a VALUE must have exactly one kind") }
        try expect(0x7D)
        return v
    }

    /// `{"values": [...]}` or `{}`.
    private mutating func listBody() throws(Failure) -> Value {
        try expect(0x7B)
        var items: [Value] = []
        if accept(0x7D) { return .list(items) }
        guard try key() == .values else { throw Failure(message: "unknown listValue field") }
        try expect(0x3A)
        try expect(0x5B)
        if !accept(0x5D) {
            repeat { items.append(try value()) } while accept(0x2C)
            try expect(0x5D)
        }
        try expect(0x7D)
        return .list(items)
    }

    /// `{"entries": [{"key": VALUE, "value": VALUE}, ...]}` or `{}`.
    private mutating func mapBody() throws(Failure) -> Value {
        try expect(0x7B)
        var keys: [Value] = []
        var values: [Value] = []
        if !accept(0x7D) {
            guard try key() == .entries else { throw Failure(message: "unknown mapValue field") }
            try expect(0x3A)
            try expect(0x5B)
            if !accept(0x5D) {
                repeat {
                    try expect(0x7B)
                    var k: Value?
                    var v: Value?
                    repeat {
                        let f = try key()
                        try expect(0x3A)
                        switch f {
                        case .key: k = try value()
                        case .value: v = try value()
                        default: throw Failure(message: "unknown map entry field")
                        }
                    } while accept(0x2C)
                    try expect(0x7D)
                    guard let k, let v else { throw Failure(message: "map entry needs key and value") }
                    keys.append(k)
                    values.append(v)
                } while accept(0x2C)
                try expect(0x5D)
            }
            try expect(0x7D)
        }
        switch CELMap.build(keys: keys, values: values) {
        case .success(let m): return .map(m)
        case .failure(let e): throw Failure(message: e.message)
        }
    }

    /// An `int64Value`/`uint64Value`: a quoted decimal, or a number that is an integer of `T` exactly.
    private mutating func integer<T: FixedWidthInteger>(_ name: String) throws(Failure) -> T {
        if peekByte() == 0x22 {
            let s = try string()
            guard let v = T(s) else { throw Failure(message: "bad \(name) '\(s)'") }
            return v
        }
        let t = try numberText()
        if let v = T(t) { return v }
        guard let d = Double(t), let v = T(exactly: d) else { throw Failure(message: "bad \(name) \(t)") }
        return v
    }

    private mutating func kind(_ key: Key) throws(Failure) -> Value {
        switch key {
        case .stringValue: return .string(try string())
        case .int64Value: return .int(try integer("int64Value"))
        case .boolValue:
            if peekByte() == 0x74 {
                try literal("true")
                return .bool(true)
            }
            try literal("false")
            return .bool(false)
        case .doubleValue:
            if peekByte() == 0x22 {
                let s = try string()
                switch s {
                case "NaN": return .double(.nan)
                case "Infinity": return .double(.infinity)
                case "-Infinity": return .double(-.infinity)
                default:
                    guard let d = Double(s) else { throw Failure(message: "bad doubleValue '\(s)'") }
                    return .double(d)
                }
            }
            let t = try numberText()
            guard let d = Double(t) else { throw Failure(message: "bad doubleValue \(t)") }
            return .double(d)
        case .uint64Value: return .uint(try integer("uint64Value"))
        case .nullValue:
            if peekByte() == 0x6E {
                try literal("null")
            } else if peekByte() == 0x22 {
                guard try string() == "NULL_VALUE" else { throw Failure(message: "bad nullValue") }
            } else {
                guard try numberText() == "0" else { throw Failure(message: "bad nullValue") }
            }
            return .null
        case .listValue:
            return try listBody()
        case .mapValue:
            return try mapBody()
        case .bytesValue:
            let s = try string()
            guard let bytes = Base64.decode(Array(s.utf8)) else { throw Failure(message: "bad base64 in bytesValue") }
            return .bytes(bytes)
        case .typeValue:
            return .type(CELType(try string()))
        case .objectValue:
            return try objectValue()
        default:
            throw Failure(message: "unsupported VALUE kind")
        }
    }

    /// `google.protobuf.Timestamp` and `google.protobuf.Duration` in their `Any` JSON form.
    private mutating func objectValue() throws(Failure) -> Value {
        var type: String?
        var text: String?
        try object { r, k throws(Failure) in
            switch k {
            case "@type": type = try r.string()
            case "value": text = try r.string()
            default: try r.skipValue()
            }
        }
        switch type {
        case "type.googleapis.com/google.protobuf.Timestamp":
            guard let text, let ts = CELTimestamp(rfc3339: text) else { throw Failure(message: "bad Timestamp") }
            return .timestamp(ts)
        case "type.googleapis.com/google.protobuf.Duration":
            guard let text, text.hasSuffix("s"), let d = CELDuration(text: text) else {
                throw Failure(message: "bad Duration")
            }
            return .duration(d)
        default:
            throw Failure(message: "unsupported message type '\(type ?? "")' (protocol buffer messages are out of scope)")
        }
    }
}
