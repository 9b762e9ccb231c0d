/// Decides whether a file's bytes are text the leak rules can read: no NUL byte (binary) and
/// valid UTF-8 (other encodings are skipped, as the original tool did).
enum TextDetection {
    enum Verdict: Sendable, Equatable {
        case text, binary, notUTF8
    }

    /// Binary files announce themselves early; 8 KiB is what `git` and `grep` inspect too.
    static let binaryProbeLength = 8192

    static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .text }
        let probe = min(bytes.count, binaryProbeLength)
        if UnsafeRawPointer(base).withMemoryRebound(to: UInt8.self, capacity: probe, { containsNUL($0, probe) }) {
            return .binary
        }
        return isValidUTF8(bytes) ? .text : .notUTF8
    }

    private static func containsNUL(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var index = 0
        while index < count {
            if pointer[index] == 0 { return true }
            index += 1
        }
        return false
    }

    /// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF), with a fast path
    /// that skips eight ASCII bytes at a time.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= lower, second <= upper else { return false }
            var k = 2
            while k < length {
                let continuation = bytes[index + k]
                guard continuation >= 0x80, continuation <= 0xBF else { return false }
                k += 1
            }
            index += length
        }
        return true
    }
}
