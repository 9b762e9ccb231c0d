/// Writes `JSONValue`s deterministically: sorted keys by default, compact or pretty.
public struct JSONWriter: Sendable {
    public var sortedKeys: Bool
    public var pretty: Bool

    public init(sortedKeys: Bool = true, pretty: Bool = false) {
        self.sortedKeys = sortedKeys
        self.pretty = pretty
    }

    /// The JSON text of a value (no trailing newline).
    public func string(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON bytes of a value to a buffer.
    public func write(_ value: JSONValue, into out: inout [UInt8], indent: Int = 0) {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): out.append(contentsOf: Array((b ? "true" : "false").utf8))
        case .int(let i): out.append(contentsOf: Array(String(i).utf8))
        case .double(let d): JSONWriter.writeDouble(d, into: &out)
        case .string(let s): JSONWriter.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: [0x5B, 0x5D]); return }
            out.append(0x5B)
            for (offset, item) in items.enumerated() {
                if offset > 0 { out.append(0x2C) }
                newline(&out, indent + 1)
                write(item, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(0x5D)
        case .object(let object):
            if object.isEmpty { out.append(contentsOf: [0x7B, 0x7D]); return }
            out.append(0x7B)
            let entries = sortedKeys ? object.entries.sorted { $0.key < $1.key } : object.entries
            for (offset, entry) in entries.enumerated() {
                if offset > 0 { out.append(0x2C) }
                newline(&out, indent + 1)
                JSONWriter.writeString(entry.key, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                write(entry.value, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(0x7D)
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        guard pretty else { return }
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    /// Shortest round-tripping form; non-finite numbers have no JSON form and become null.
    public static func writeDouble(_ d: Double, into out: inout [UInt8]) {
        guard d.isFinite else { out.append(contentsOf: Array("null".utf8)); return }
        if d == d.rounded(), abs(d) < 1e15 {
            out.append(contentsOf: Array(String(Int64(d)).utf8))
            out.append(contentsOf: [0x2E, 0x30])
            return
        }
        out.append(contentsOf: Array(d.description.utf8))
    }

    /// A JSON string literal with the mandatory escapes; non-ASCII is written as UTF-8.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in s.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
