/// A `Host` header value or URL authority split strictly into a host and an optional port.
struct HostAuthority: Equatable, Sendable {
    /// The host, lower-cased; an IPv6 literal keeps its brackets (`[::1]`).
    var host: String
    /// The port, when one was given.
    var port: Int?

    /// Parses `host[:port]` and nothing else: the host is a name or IPv4 address made of
    /// letters, digits, `-` and `.`, or a bracketed IPv6 literal; the port is 1 to 5 digits up
    /// to 65535. Userinfo (`@`), spaces, a path, an empty host or port, or anything after `]`
    /// other than `:port` gives nil.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        let hostEnd: Int
        if bytes.first == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")), close > 1,
                bytes[1..<close].allSatisfy(HostAuthority.isIPv6LiteralByte)
            else { return nil }
            hostEnd = close + 1
        } else {
            hostEnd = bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.count
            guard hostEnd > 0, bytes[..<hostEnd].allSatisfy(HostAuthority.isNameByte) else { return nil }
        }
        if hostEnd == bytes.count {
            port = nil
        } else {
            guard bytes[hostEnd] == UInt8(ascii: ":") else { return nil }
            let digits = bytes[(hostEnd + 1)...]
            guard (1...5).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }),
                let value = Int(String(decoding: digits, as: UTF8.self)), value <= 65535
            else { return nil }
            port = value
        }
        host = String(decoding: bytes[..<hostEnd], as: UTF8.self).lowercased()
    }

    /// Letters, digits, `-` and `.`: a DNS name or a dotted IPv4 address.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// Hex digits, `:` and `.` (an IPv4 tail): what an IPv6 literal is made of.
    static func isIPv6LiteralByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ":"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }
}
