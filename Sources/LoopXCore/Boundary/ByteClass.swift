/// ASCII byte classes used by the leak matchers; bytes ≥ 0x80 belong to none of them.
enum ByteClass {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isLowerLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLowerLetter(b) }
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) static func isLineBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { isLowerLetter(b) ? b & 0xDF : b }

    /// Letters, digits and `_`: the characters of an identifier.
    @inline(__always) static func isIdentifier(_ b: UInt8) -> Bool { isAlphanumeric(b) || b == 0x5F }

    /// Characters of base64 and base64url text (key material, tokens).
    @inline(__always) static func isBase64(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == 0x2B || b == 0x2F || b == 0x3D || b == 0x2D || b == 0x5F
    }

    /// Characters that may appear in a user or directory name inside a path.
    @inline(__always) static func isNameCharacter(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == 0x2E || b == 0x2D || b == 0x5F
    }

    /// Whether `needle` (lowercase ASCII) occurs in `haystack` (already lowercased).
    static func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard length > 0, haystack.count >= length else { return length == 0 }
        let pattern = needle.utf8Start
        var start = 0
        while start + length <= haystack.count {
            var k = 0
            while k < length, haystack[start + k] == pattern[k] { k += 1 }
            if k == length { return true }
            start += 1
        }
        return false
    }
}
