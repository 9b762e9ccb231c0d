#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file's lines from the end towards the start in fixed-size blocks, so a question
/// about the newest lines costs the same for a file of ten lines or a million. Every byte is
/// read and searched once (a long line costs time linear in its length), and a line longer
/// than `maxLineBytes` is reported as oversized without its bytes ever being kept.
public struct ReverseLineReader: ~Copyable {
    public static let blockSize = 64 * 1024

    /// One line going backwards: its bytes (empty when oversized), whether it is the file's
    /// final line without a newline, and whether it was longer than the reader's limit.
    public typealias Line = (bytes: [UInt8], isUnterminated: Bool, isOversized: Bool)

    private let fd: Int32
    private let maxLineBytes: Int
    /// Bytes not yet returned: `block[0..<end]` covers file offsets `blockStart..<blockStart+end`.
    private var block: [UInt8] = []
    /// The offsets of the newlines in `block` not yet passed, ascending.
    private var newlines: [Int] = []
    private var end = 0
    private var blockStart: Int64
    /// The later parts of the line being assembled, latest first (one per block it spans).
    private var pieces: [[UInt8]] = []
    private var pieceBytes = 0
    /// The file's size when opened.
    public let fileSize: Int64
    /// Bytes read from the file so far (what a question cost).
    public var bytesRead: Int64 { fileSize - blockStart }
    /// Whether the file's last byte is a newline (false also for an empty file).
    public private(set) var endsWithNewline: Bool
    private var first = true
    private var exhausted = false

    /// Opens the file; nil when it does not exist or cannot be read. Lines longer than
    /// `maxLineBytes` are returned as oversized, without their bytes.
    public init?(path: String, maxLineBytes: Int = RunHistory.maxLineBytes) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
        self.maxLineBytes = maxLineBytes
        fileSize = Int64(info.st_size)
        blockStart = Int64(info.st_size)
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
    public mutating func next() -> Line? {
        if first {
            first = false
            if endsWithNewline {
                // Drop the file's final newline so the last line is not an empty one.
                guard fill() else { return nil }
                end -= 1
            }
            return nextLine().map { ($0.bytes, !endsWithNewline, $0.isOversized) }
        }
        return nextLine().map { ($0.bytes, false, $0.isOversized) }
    }

    private mutating func nextLine() -> (bytes: [UInt8], isOversized: Bool)? {
        if exhausted { return nil }
        while true {
            if let newline = lastNewline() {
                let line = take(from: newline + 1)
                end = newline
                return line
            }
            if blockStart == 0 {
                // What is left is the file's first line.
                exhausted = true
                return take(from: 0)
            }
            keep(block[0..<end])
            guard fill() else {
                exhausted = true
                return nil
            }
        }
    }

    /// Adds a part of the current line that continues into a later block (unless too long).
    private mutating func keep(_ piece: ArraySlice<UInt8>) {
        pieceBytes += piece.count
        if pieceBytes > maxLineBytes {
            pieces = []
        } else if !piece.isEmpty {
            pieces.append(Array(piece))
        }
    }

    /// The line made of `block[start..<end]` and the kept pieces, which are then cleared.
    private mutating func take(from start: Int) -> (bytes: [UInt8], isOversized: Bool) {
        defer {
            pieces = []
            pieceBytes = 0
        }
        let length = pieceBytes + (end - start)
        guard length <= maxLineBytes else { return ([], true) }
        if pieces.isEmpty { return (Array(block[start..<end]), false) }
        var line: [UInt8] = []
        line.reserveCapacity(length)
        line.append(contentsOf: block[start..<end])
        for piece in pieces.reversed() { line.append(contentsOf: piece) }
        return (line, false)
    }

    /// The index of the last newline in `block[0..<end]`: the block's newlines are found once,
    /// with memchr, when it is loaded, and taken from the back.
    private mutating func lastNewline() -> Int? {
        while let last = newlines.last {
            if last < end { return newlines.removeLast() }
            newlines.removeLast()
        }
        return nil
    }

    /// The offsets of every newline in `block`, ascending.
    private static func newlineOffsets(in block: [UInt8]) -> [Int] {
        block.withUnsafeBufferPointer { buffer in
            var offsets: [Int] = []
            guard let base = buffer.baseAddress else { return offsets }
            var start = 0
            while start < buffer.count, let hit = memchr(base + start, 0x0A, buffer.count - start) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                offsets.append(offset)
                start = offset + 1
            }
            return offsets
        }
    }

    /// Loads the block before the current one; false at the start of the file or on error.
    private mutating func fill() -> Bool {
        guard blockStart > 0 else { return false }
        let count = Int(min(Int64(ReverseLineReader.blockSize), blockStart))
        let offset = blockStart - Int64(count)
        var fresh = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = fresh.withUnsafeMutableBytes { pread(fd, $0.baseAddress.map { $0 + got }, count - got, off_t(offset) + off_t(got)) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            got += n
        }
        block = fresh
        newlines = ReverseLineReader.newlineOffsets(in: fresh)
        end = count
        blockStart = offset
        return true
    }
}
