/// The byte encoding of a rule-set snapshot: zigzag varints for integers, length-prefixed
/// UTF-8 for strings, a count before every list. Reading checks every length against the
/// bytes left, so a truncated or corrupted snapshot is an error, never a crash.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int64(_ value: Int64) {
        int(Int(value))
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func append(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func list<T>(_ items: [T], _ write: (inout SnapshotWriter, T) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }

    mutating func strings(_ items: [String]) {
        list(items) { $0.string($1) }
    }

    mutating func ints(_ items: [Int]) {
        list(items) { $0.int($1) }
    }
}

/// Why a snapshot could not be read; the caller then loads the rule files instead.
struct SnapshotError: Error, Equatable {
    let message: String
}

struct SnapshotReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    /// Reading stops here (the end of the bytes, or of the slice being read).
    private let end: Int

    init(_ bytes: [UInt8]) {
        self.init(bytes, range: 0..<bytes.count)
    }

    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = max(0, min(range.lowerBound, bytes.count))
        end = max(offset, min(range.upperBound, bytes.count))
    }

    var isAtEnd: Bool { offset == end }

    mutating func int() throws(SnapshotError) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw SnapshotError(message: "truncated integer") }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1))
    }

    mutating func int64() throws(SnapshotError) -> Int64 {
        Int64(try int())
    }

    /// A count or length: never more than the bytes left after it (every element and every
    /// byte of a string takes at least one byte).
    mutating func count() throws(SnapshotError) -> Int {
        let value = try int()
        guard value >= 0, value <= end - offset else { throw SnapshotError(message: "count \(value) out of range") }
        return value
    }

    mutating func bool() throws(SnapshotError) -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw SnapshotError(message: "bad boolean") }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func double() throws(SnapshotError) -> Double {
        guard end - offset >= 8 else { throw SnapshotError(message: "truncated number") }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func string() throws(SnapshotError) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }

    mutating func byteArray() throws(SnapshotError) -> [UInt8] {
        let length = try count()
        defer { offset += length }
        return Array(bytes[offset..<(offset + length)])
    }

    /// The range of the next `length`-prefixed block, skipped over (read it later).
    mutating func skipBlock() throws(SnapshotError) -> Range<Int> {
        let length = try count()
        defer { offset += length }
        return offset..<(offset + length)
    }

    mutating func optional<T>(_ read: (inout SnapshotReader) throws(SnapshotError) -> T) throws(SnapshotError) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func list<T>(_ read: (inout SnapshotReader) throws(SnapshotError) -> T) throws(SnapshotError) -> [T] {
        let n = try count()
        var items: [T] = []
        items.reserveCapacity(n)
        for _ in 0..<n { items.append(try read(&self)) }
        return items
    }

    mutating func strings() throws(SnapshotError) -> [String] {
        try list { r throws(SnapshotError) in try r.string() }
    }

    mutating func ints() throws(SnapshotError) -> [Int] {
        try list { r throws(SnapshotError) in try r.int() }
    }
}
