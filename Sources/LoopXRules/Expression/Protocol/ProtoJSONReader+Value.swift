extension ProtoJSONReader {
    /// One `cel.expr.Value` in protobuf JSON form.
    mutating func value() throws(Failure) -> Value {
        var result: Value?
        try object { r, key throws(Failure) in
            if result != nil { throw Failure(message: "a VALUE must have exactly one kind") }
            result = try r.kind(key)
        }
        guard let result else { throw Failure(message: "empty VALUE object") }
        return result
    }

    private mutating func kind(_ key: String) throws(Failure) -> Value {
        switch key {
        case "stringValue", "string_value": return .string(try string())
        case "int64Value", "int64_value":
            if peekByte() == 0x22 {
                let s = try string()
                guard let v = Int64(s) else { throw Failure(message: "bad int64Value '\(s)'") }
                return .int(v)
            }
            let t = try numberText()
            if let v = Int64(t) { return .int(v) }
            guard let d = Double(t), d.rounded() == d, abs(d) < 9.2e18 else {
                throw Failure(message: "bad int64Value \(t)")
            }
            return .int(Int64(d))
        case "boolValue", "bool_value":
            if peekByte() == 0x74 {
                try literal("true")
                return .bool(true)
            }
            try literal("false")
            return .bool(false)
        case "doubleValue", "double_value":
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
        case "uint64Value", "uint64_value":
            if peekByte() == 0x22 {
                let s = try string()
                guard let v = UInt64(s) else { throw Failure(message: "bad uint64Value '\(s)'") }
                return .uint(v)
            }
            let t = try numberText()
            if let v = UInt64(t) { return .uint(v) }
            guard let d = Double(t), d.rounded() == d, d >= 0, d < 1.8e19 else {
                throw Failure(message: "bad uint64Value \(t)")
            }
            return .uint(UInt64(d))
        case "nullValue", "null_value":
            if peekByte() == 0x6E {
                try literal("null")
            } else if peekByte() == 0x22 {
                guard try string() == "NULL_VALUE" else { throw Failure(message: "bad nullValue") }
            } else {
                guard try numberText() == "0" else { throw Failure(message: "bad nullValue") }
            }
            return .null
        case "listValue", "list_value":
            var items: [Value] = []
            try object { r, k throws(Failure) in
                guard k == "values" else { throw Failure(message: "unknown listValue field '\(k)'") }
                try r.array { r2 throws(Failure) in items.append(try r2.value()) }
            }
            return .list(items)
        case "mapValue", "map_value":
            return try mapValue()
        case "bytesValue", "bytes_value":
            let s = try string()
            guard let bytes = Base64.decode(Array(s.utf8)) else { throw Failure(message: "bad base64 in bytesValue") }
            return .bytes(bytes)
        case "typeValue", "type_value":
            return .type(CELType(try string()))
        case "objectValue", "object_value":
            return try objectValue()
        default:
            throw Failure(message: "unsupported VALUE kind '\(key)'")
        }
    }

    private mutating func mapValue() throws(Failure) -> Value {
        var keys: [Value] = []
        var values: [Value] = []
        try object { r, k throws(Failure) in
            guard k == "entries" else { throw Failure(message: "unknown mapValue field '\(k)'") }
            try r.array { r2 throws(Failure) in
                var key: Value?
                var val: Value?
                try r2.object { r3, f throws(Failure) in
                    switch f {
                    case "key": key = try r3.value()
                    case "value": val = try r3.value()
                    default: throw Failure(message: "unknown map entry field '\(f)'")
                    }
                }
                guard let key, let val else { throw Failure(message: "map entry needs key and value") }
                keys.append(key)
                values.append(val)
            }
        }
        switch CELMap.build(keys: keys, values: values) {
        case .success(let m): return .map(m)
        case .failure(let e): throw Failure(message: e.message)
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
