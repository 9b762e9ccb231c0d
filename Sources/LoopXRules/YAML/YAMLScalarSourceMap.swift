import LoopXSupport
/// For each UTF-8 byte of a scalar's text, the source offset of the character it came from.
///
/// Built by scanning the scalar's source again the way libyaml does (quotes, escapes, line
/// folding, block indentation and chomping) and recording where each output byte came from.
/// The result is only trusted when the scan reproduces the scalar's text exactly.
struct YAMLScalarSourceMap {
    /// `offsets[i]` is the source offset behind text byte `i`.
    let offsets: [Int]
    /// The source offset just past the scalar's content, for a text offset at the very end.
    let endOffset: Int

    /// The source offset behind a text offset, nil when the offset is outside the text.
    func sourceOffset(ofTextOffset offset: Int) -> Int? {
        if offset >= 0, offset < offsets.count { return offsets[offset] }
        return offset == offsets.count ? endOffset : nil
    }

    static func build(
        source: SourceText, utf8Range: Range<Int>, style: YAMLScalar.Style, text: String
    ) -> YAMLScalarSourceMap? {
        let expected = Array(text.utf8)
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> YAMLScalarSourceMap? in
            guard utf8Range.lowerBound >= 0, utf8Range.upperBound <= bytes.count else { return nil }
            var scanner = YAMLScalarScanner(bytes: bytes)
            switch style {
            case .plain, .singleQuoted, .doubleQuoted:
                guard let end = scanner.scanFlow(style: style, range: utf8Range) else { return nil }
                return scanner.result(matching: expected, endOffset: end)
            case .literal, .folded:
                return scanner.scanBlock(from: utf8Range.lowerBound, literal: style == .literal, matching: expected)
            }
        }
        var text = source.text
        if let result = text.utf8.withContiguousStorageIfAvailable(scan) { return result }
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? nil
    }
}

/// The scanning state behind `YAMLScalarSourceMap`: the output bytes and their origins.
struct YAMLScalarScanner {
    /// A line break as read: its bytes in the output (`\n` for CR, LF, CRLF and NEL; LS and
    /// PS as they are) and where it is.
    struct Break {
        var output: [UInt8]
        var offset: Int
        var length: Int
        var isNewline: Bool { output == [0x0A] }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var out: [UInt8] = []
    var origins: [Int] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    func result(matching expected: [UInt8], endOffset: Int) -> YAMLScalarSourceMap? {
        out == expected ? YAMLScalarSourceMap(offsets: origins, endOffset: endOffset) : nil
    }

    mutating func emit(_ output: [UInt8], from offset: Int) {
        out.append(contentsOf: output)
        origins.append(contentsOf: repeatElement(offset, count: output.count))
    }

    /// Copies the character at `i` to the output; returns its width.
    mutating func copyCharacter(at i: Int) -> Int {
        let width = Self.width(bytes[i])
        let end = min(i + width, bytes.count)
        out.append(contentsOf: bytes[i..<end])
        origins.append(contentsOf: repeatElement(i, count: end - i))
        return end - i
    }

    static func width(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    func isBlank(_ i: Int) -> Bool {
        i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09)
    }

    /// The line break at `i`, if one starts there.
    func lineBreak(at i: Int) -> Break? {
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case 0x0D:
            let length = i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
            return Break(output: [0x0A], offset: i, length: length)
        case 0x0A:
            return Break(output: [0x0A], offset: i, length: 1)
        case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85:
            return Break(output: [0x0A], offset: i, length: 2)
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
            return Break(output: Array(bytes[i..<(i + 3)]), offset: i, length: 3)
        default:
            return nil
        }
    }

    /// Blank, line break or end of input.
    func isBlankOrBreakOrEnd(_ i: Int) -> Bool {
        i >= bytes.count || isBlank(i) || lineBreak(at: i) != nil
    }
}
