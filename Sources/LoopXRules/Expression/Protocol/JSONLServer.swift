#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stdin/stdout loop of `expr eval --jsonl`: big reads, and the answers to every complete
/// line of a read written in one go before the next read, so no request waits on more input.
public enum JSONLServer {
    /// Serves requests from file descriptor `input` until its end, answering on `output`.
    public static func run(typeCheck: Bool = false, input: Int32 = 0, output: Int32 = 1) {
        var evaluator = JSONLEvaluator(typeCheck: typeCheck)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        let chunkSize = 4 << 20
        var pending: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = read(input, chunk.baseAddress, chunkSize)
            if n <= 0 { break }
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            let consumed = pending.withUnsafeBufferPointer { buf -> Int in
                let (lines, consumed) = splitLines(buf)
                for r in lines {
                    evaluator.process(line: UnsafeBufferPointer(rebasing: buf[r]), into: &out)
                    if out.count >= 1 << 20 { flush(&out, to: output) }
                }
                return consumed
            }
            pending.removeFirst(consumed)
            flush(&out, to: output)
        }
        if !pending.isEmpty {
            pending.withUnsafeBufferPointer { evaluator.process(line: $0, into: &out) }
        }
        flush(&out, to: output)
    }

    /// The non-empty complete lines of a buffer (CR before LF dropped) and the bytes they span.
    static func splitLines(_ buf: UnsafeBufferPointer<UInt8>) -> ([Range<Int>], Int) {
        guard let base = buf.baseAddress else { return ([], 0) }
        var lines: [Range<Int>] = []
        var start = 0
        while start < buf.count, let hit = memchr(base + start, 0x0A, buf.count - start) {
            let nl = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var end = nl
            if end > start, buf[end - 1] == 0x0D { end -= 1 }
            if end > start { lines.append(start..<end) }
            start = nl + 1
        }
        return (lines, start)
    }

    static func flush(_ out: inout [UInt8], to fd: Int32) {
        var offset = 0
        while offset < out.count {
            let written = out.withUnsafeBytes { buf in
                buf.baseAddress.map { write(fd, $0 + offset, buf.count - offset) } ?? -1
            }
            if written <= 0 { break }
            offset += written
        }
        out.removeAll(keepingCapacity: true)
    }
}
