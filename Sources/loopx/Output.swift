#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes of whole strings to stdout and stderr.
enum Output {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        writeAll(1, &bytes)
    }

    static func error(_ text: String) {
        var bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
        writeAll(2, &bytes)
    }

    private static func writeAll(_ fd: Int32, _ bytes: inout [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if n <= 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }
}
