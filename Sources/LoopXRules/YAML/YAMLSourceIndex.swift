import LoopXSupport
/// Turns libyaml marks (character indexes) into UTF-8 offsets and loopx positions.
///
/// libyaml counts characters, the node model wants UTF-8 offsets and 1-based line/column
/// pairs consistent with `SourceText` (lines end at `\n` only). A cursor walks forward from
/// the last request, so the monotonic requests of a parse cost one pass over the text;
/// checkpoints every 64 characters keep the occasional step back cheap.
struct YAMLSourceIndex {
    private struct Cursor {
        var char = 0
        var byte = 0
        var line = 1
        var column = 1
    }

    let bytes: [UInt8]
    /// Where libyaml's input was rewritten (JSON surrogate pairs shortened by two characters):
    /// the rewritten character index just past each rewrite, ascending.
    private let rewrites: [Int]
    private var checkpoints: [Cursor] = []
    private var cursor = Cursor()
    private static let checkpointStride = 64

    init(bytes: [UInt8], rewrites: [Int] = []) {
        self.bytes = bytes
        self.rewrites = rewrites
        var walker = Cursor()
        var points: [Cursor] = [walker]
        bytes.withUnsafeBufferPointer { buffer in
            while walker.byte < buffer.count {
                Self.step(&walker, buffer)
                if walker.char % Self.checkpointStride == 0 { points.append(walker) }
            }
        }
        checkpoints = points
    }

    /// The UTF-8 offset and position of a libyaml mark.
    mutating func locate(_ mark: LibYAMLMark) -> (byte: Int, position: SourcePosition) {
        var index = mark.index
        if !rewrites.isEmpty {
            // Each rewrite before the mark made libyaml's text two characters shorter.
            var low = 0
            var high = rewrites.count
            while low < high {
                let mid = (low + high) / 2
                if rewrites[mid] <= index { low = mid + 1 } else { high = mid }
            }
            index += 2 * low
        }
        seek(byChar: true, index)
        return (cursor.byte, SourcePosition(line: cursor.line, column: cursor.column))
    }

    /// The position of a UTF-8 offset (clamped to the text).
    mutating func position(ofByte offset: Int) -> SourcePosition {
        let target = max(0, min(offset, bytes.count))
        seek(byChar: false, target)
        return SourcePosition(line: cursor.line, column: cursor.column)
    }

    /// Moves the cursor to the first place whose character index (or, with `byChar` false,
    /// UTF-8 offset) reaches `target`, or to the end of the text.
    private mutating func seek(byChar: Bool, _ target: Int) {
        func key(_ c: Cursor) -> Int { byChar ? c.char : c.byte }
        if key(cursor) > target {
            // Step back to the last checkpoint not past the target, then walk forward.
            var low = 0
            var high = checkpoints.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if key(checkpoints[mid]) <= target { low = mid } else { high = mid - 1 }
            }
            cursor = checkpoints[low]
        }
        var c = cursor
        bytes.withUnsafeBufferPointer { buffer in
            while (byChar ? c.char : c.byte) < target, c.byte < buffer.count {
                Self.step(&c, buffer)
            }
        }
        cursor = c
    }

    /// Advances one Unicode scalar.
    private static func step(_ c: inout Cursor, _ bytes: UnsafeBufferPointer<UInt8>) {
        let lead = bytes[c.byte]
        let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        c.byte = min(c.byte + width, bytes.count)
        c.char += 1
        if lead == UInt8(ascii: "\n") {
            c.line += 1
            c.column = 1
        } else {
            c.column += 1
        }
    }

    /// Where a node's tag (when written) and its content start, past any `&anchor`, `!tag`
    /// and the blanks, line breaks and comments between them and the content.
    func properties(from start: Int) -> (tag: Int?, content: Int) {
        var i = start
        var tag: Int?
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "&") || b == UInt8(ascii: "!") {
                if b == UInt8(ascii: "!") { tag = tag ?? i }
                while i < bytes.count, !Self.isBlankOrBreak(bytes[i]) { i += 1 }
            } else if Self.isBlankOrBreak(b) {
                i += 1
            } else if b == UInt8(ascii: "#"), i > start, Self.isBlankOrBreak(bytes[i - 1]) {
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            } else {
                break
            }
        }
        return (tag, i)
    }

    static func isBlankOrBreak(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }
}
