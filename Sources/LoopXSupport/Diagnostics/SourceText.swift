import Synchronization

/// A source text with its path, able to turn offsets into positions and fetch lines for carets.
public struct SourceText: Sendable {
    public let path: String
    public let text: String
    private let index = LineIndex()

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// UTF-8 offsets at which each line starts (found the first time a position is needed).
    private var lineStarts: [Int] { index.starts(of: text) }

    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line without its line break; nil when out of range.
    public func line(_ number: Int) -> String? {
        let lineStarts = self.lineStarts
        guard number >= 1, number <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var end = number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1) : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") {
            end = utf8.index(before: end)
        }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// The position of a UTF-8 byte offset, with the column counted in Unicode scalars.
    public func position(ofUTF8Offset offset: Int) -> SourcePosition {
        let lineStarts = self.lineStarts
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
        let clamped = min(offset, utf8.count)
        let end = utf8.index(utf8.startIndex, offsetBy: clamped)
        var column = 1
        for byte in utf8[start..<end] where byte & 0xC0 != 0x80 {
            column += 1
        }
        return SourcePosition(line: low + 1, column: column)
    }

    /// A diagnostic at a position of this text, with its source line attached.
    public func diagnostic(
        _ message: String, at position: SourcePosition, severity: Diagnostic.Severity = .error
    ) -> Diagnostic {
        Diagnostic(
            severity, path: path, position: position, message: message,
            sourceLine: line(position.line))
    }
}

/// The line starts of a text, computed once on first use and shared by copies of the text.
private final class LineIndex: Sendable {
    private let cached = Mutex<[Int]?>(nil)

    func starts(of text: String) -> [Int] {
        cached.withLock { cached in
            if let cached { return cached }
            var starts = [0]
            var offset = 0
            for byte in text.utf8 {
                offset += 1
                if byte == UInt8(ascii: "\n") { starts.append(offset) }
            }
            cached = starts
            return starts
        }
    }
}
