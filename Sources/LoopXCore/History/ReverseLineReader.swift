#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file's lines from the end towards the start in fixed-size blocks, so a question
/// about the newest lines costs the same for a file of ten lines or a million.
public struct ReverseLineReader: ~Copyable {
    public static let blockSize = 64 * 1024

    private let fd: Int32
    /// Bytes not yet returned: `buffer[0..<end]` covers file offsets `bufferStart..<bufferStart+end`.
    private var buffer: [UInt8] = []
    private var end = 0
    private var bufferStart: Int64
    /// The file's size when opened.
    public let fileSize: Int64
    /// Bytes read from the file so far (what a question cost).
    public var bytesRead: Int64 { fileSize - bufferStart }
    /// Whether the file's last byte is a newline (false also for an empty file).
    public private(set) var endsWithNewline: Bool
    private var first = true

    /// Opens the file; nil when it does not exist or cannot be read.
    public init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
        fileSize = Int64(info.st_size)
        bufferStart = Int64(info.st_size)
        endsWithNewline = false
        exhausted = info.st_size == 0
        if info.st_size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, off_t(info.st_size - 1)) == 1 { endsWithNewline = last == 0x0A }
        }
    }

    deinit { close(fd) }

    /// The next line going backwards, without its newline; `isUnterminated` is true only for a
    /// final line that lacks its newline (possibly torn by a crashed writer). Nil at the start.
    public mutating func next() -> (bytes: [UInt8], isUnterminated: Bool)? {
        if first {
            first = false
            if endsWithNewline {
                // Drop the file's final newline so the last line is not an empty one.
                guard fill() else { return nil }
                end -= 1
            }
            let line = nextLine()
            return line.map { ($0, !endsWithNewline) }
        }
        return nextLine().map { ($0, false) }
    }

    private mutating func nextLine() -> [UInt8]? {
        if exhausted { return nil }
        while true {
            if let newline = lastNewline() {
                let line = Array(buffer[(newline + 1)..<end])
                end = newline
                return line
            }
            if bufferStart == 0 {
                // What is left is the file's first line.
                exhausted = true
                return Array(buffer[0..<end])
            }
            guard fill() else {
                exhausted = true
                return nil
            }
        }
    }

    private var exhausted = false

    private func lastNewline() -> Int? {
        var index = end - 1
        while index >= 0 {
            if buffer[index] == 0x0A { return index }
            index -= 1
        }
        return nil
    }

    /// Prepends the previous block to the unread bytes; false at the start of the file or on error.
    private mutating func fill() -> Bool {
        guard bufferStart > 0 else { return false }
        let count = Int(min(Int64(ReverseLineReader.blockSize), bufferStart))
        let offset = bufferStart - Int64(count)
        var block = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress.map { $0 + got }, count - got, off_t(offset) + off_t(got)) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            got += n
        }
        block.append(contentsOf: buffer[0..<end])
        buffer = block
        end = buffer.count
        bufferStart = offset
        return true
    }
}
