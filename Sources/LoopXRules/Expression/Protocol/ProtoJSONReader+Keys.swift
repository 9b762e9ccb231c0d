import Foundation

extension ProtoJSONReader {
    /// The kinds of `cel.expr.Value` and the fields of its wrappers, recognised from raw key bytes.
    enum Key {
        case stringValue, int64Value, boolValue, doubleValue, uint64Value, nullValue, listValue, mapValue
        case bytesValue, typeValue, objectValue, values, entries, key, value, type, other
    }

    /// Reads an object key and classifies it without allocating a String (camelCase or snake_case).
    mutating func key() throws(Failure) -> Key {
        skipWS()
        guard i < b.count, b[i] == 0x22 else { throw Failure(message: "expected a key at byte \(i)") }
        let start = i + 1
        var k = start
        while k < b.count, b[k] != 0x22 {
            if b[k] == 0x5C {
                // Escaped keys are rare: decode and classify the text.
                var text = try string()
                return text.withUTF8 { Self.classify($0) }
            }
            k += 1
        }
        guard k < b.count else { throw Failure(message: "unterminated key") }
        i = k + 1
        return Self.classify(UnsafeBufferPointer(rebasing: b[start..<k]))
    }

    static func classify(_ s: UnsafeBufferPointer<UInt8>) -> Key {
        @inline(__always) func eq(_ lit: StaticString) -> Bool {
            let n = lit.utf8CodeUnitCount
            guard s.count == n, let base = s.baseAddress else { return false }
            return memcmp(base, lit.utf8Start, n) == 0
        }
        guard let first = s.first else { return .other }
        switch first {
        case 0x73: return eq("stringValue") || eq("string_value") ? .stringValue : .other
        case 0x69: return eq("int64Value") || eq("int64_value") ? .int64Value : .other
        case 0x62:
            if eq("boolValue") || eq("bool_value") { return .boolValue }
            return eq("bytesValue") || eq("bytes_value") ? .bytesValue : .other
        case 0x64: return eq("doubleValue") || eq("double_value") ? .doubleValue : .other
        case 0x75: return eq("uint64Value") || eq("uint64_value") ? .uint64Value : .other
        case 0x6E: return eq("nullValue") || eq("null_value") ? .nullValue : .other
        case 0x6C: return eq("listValue") || eq("list_value") ? .listValue : .other
        case 0x6D: return eq("mapValue") || eq("map_value") ? .mapValue : .other
        case 0x74: return eq("typeValue") || eq("type_value") ? .typeValue : .other
        case 0x6F: return eq("objectValue") || eq("object_value") ? .objectValue : .other
        case 0x76:
            if eq("value") { return .value }
            return eq("values") ? .values : .other
        case 0x65: return eq("entries") ? .entries : .other
        case 0x6B: return eq("key") ? .key : .other
        case 0x40: return eq("@type") ? .type : .other
        default: return .other
        }
    }
}
