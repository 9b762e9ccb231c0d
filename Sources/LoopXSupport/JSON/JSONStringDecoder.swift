/// The one reader of JSON string literals (RFC 8259): escapes, surrogate pairs, strict UTF-8.
/// Shared by `JSONParser` and the `expr eval --jsonl` request reader.
public enum JSONStringDecoder {
    /// Why a string literal is not valid JSON, at a byte offset of the input.
    public struct Failure: Error {
        public var offset: Int
        public var message: String
    }

    /// Reads the string whose opening quote is just before `index`, and moves `index` past its
    /// closing quote.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) throws(Failure) -> String {
        let start = index
        // Fast path: no escapes. ASCII needs no validation; other bytes are checked by
        // String(validating:).
        var highBits: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if highBits & 0x80 == 0 { return String(decoding: slice, as: UTF8.self) }
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw Failure(offset: start, message: "invalid UTF-8 in string")
                }
                return text
            }
            highBits |= byte
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw Failure(offset: index, message: "control character in string") }
            index += 1
        }
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw Failure(offset: start, message: "invalid UTF-8 in string")
                }
                index += 1
                return text
            }
            if byte < 0x20 { throw Failure(offset: index, message: "control character in string") }
            if byte != UInt8(ascii: "\\") {
                buffer.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(bytes, at: &index)
                if (0xD800..<0xDC00).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw Failure(offset: index, message: "unpaired surrogate in \\u escape")
                    }
                    index += 2
                    let low = try hex4(bytes, at: &index)
                    guard (0xDC00..<0xE000).contains(low) else { throw Failure(offset: index, message: "invalid low surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw Failure(offset: index, message: "unpaired surrogate in \\u escape")
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw Failure(offset: index, message: "invalid \\u escape") }
                buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw Failure(offset: index - 2, message: "invalid escape '\\\(describe(escape))'")
            }
        }
        throw Failure(offset: start - 1, message: "unterminated string")
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Failure(offset: index, message: "truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw Failure(offset: index, message: "invalid hex digit in \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A byte as a message shows it: the character when printable ASCII, else `\xHH`.
    static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
    }
}
