/// Literal (`|`) and folded (`>`) block scalars: header, indentation, folding and chomping.
extension YAMLScalarScanner {
    private struct Header {
        var keep = false
        var strip = false
        var increment: Int?
        /// Where the first content line (or leading empty line) starts.
        var bodyStart: Int
        /// The 0-based column of the `|` or `>` indicator.
        var indicatorColumn: Int
    }

    /// Scans the block scalar whose indicator is at `start`, trying the indentations libyaml
    /// could have used, and keeps the one that reproduces `expected`.
    mutating func scanBlock(from start: Int, literal: Bool, matching expected: [UInt8]) -> YAMLScalarSourceMap? {
        guard let header = header(at: start) else { return nil }
        var candidates: [Int?] = []
        if let increment = header.increment {
            // The indentation is the parent's plus the indicator; the parent's is not known
            // here, but it is less than the indicator's column.
            candidates = (0...header.indicatorColumn).map { Optional(increment + $0) }
        } else {
            candidates = [nil] + (1...max(1, header.indicatorColumn + 1)).map { Optional($0) }
        }
        for indent in candidates {
            var attempt = YAMLScalarScanner(bytes: bytes)
            let end = attempt.body(from: header.bodyStart, indent: indent, literal: literal, header: header)
            if let map = attempt.result(matching: expected, endOffset: end) { return map }
        }
        return nil
    }

    private func header(at start: Int) -> Header? {
        guard start < bytes.count, bytes[start] == 0x7C || bytes[start] == 0x3E else { return nil }
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != 0x0A, bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
        var column = 0
        var j = lineStart
        while j < start {
            j += Self.width(bytes[j])
            column += 1
        }
        var h = Header(bodyStart: bytes.count, indicatorColumn: column)
        var i = start + 1
        while i < bytes.count {
            switch bytes[i] {
            case 0x2B: h.keep = true
            case 0x2D: h.strip = true
            case 0x31...0x39: h.increment = Int(bytes[i] - 0x30)
            default: break
            }
            guard [0x2B, 0x2D].contains(bytes[i]) || (0x31...0x39).contains(bytes[i]) else { break }
            i += 1
        }
        // The rest of the header line (blanks, a comment) carries no content.
        while i < bytes.count, lineBreak(at: i) == nil { i += 1 }
        if let br = lineBreak(at: i) { h.bodyStart = i + br.length }
        return h
    }

    /// Scans the body with a given indentation (nil: detect it as libyaml does); returns the
    /// source offset just past the last content character.
    private mutating func body(from bodyStart: Int, indent fixed: Int?, literal: Bool, header: Header) -> Int {
        var i = bodyStart
        var column = 0
        var indent = fixed
        var trailing: [Break] = []
        var leadingBreak: Break?
        var contentEnd = bodyStart
        guard breaks(&i, &column, &indent, &trailing) else { return contentEnd }
        let width = indent ?? 1
        var leadingBlank = false
        while column == width, i < bytes.count {
            let trailingBlank = isBlank(i)
            if !literal, let lead = leadingBreak, lead.isNewline, !leadingBlank, !trailingBlank {
                if trailing.isEmpty { emit([0x20], from: lead.offset) }
            } else if let lead = leadingBreak {
                emit(lead.output, from: lead.offset)
            }
            leadingBreak = nil
            for br in trailing { emit(br.output, from: br.offset) }
            trailing.removeAll()
            leadingBlank = isBlank(i)
            while i < bytes.count, lineBreak(at: i) == nil { i += copyCharacter(at: i) }
            contentEnd = i
            leadingBreak = lineBreak(at: i)
            i += leadingBreak?.length ?? 0
            column = 0
            guard breaks(&i, &column, &indent, &trailing) else { return contentEnd }
        }
        if !header.strip, let lead = leadingBreak { emit(lead.output, from: lead.offset) }
        if header.keep { for br in trailing { emit(br.output, from: br.offset) } }
        return contentEnd
    }

    /// Skips indentation and empty lines (collecting their breaks), fixing the indentation
    /// from them when it is still unknown; false where a tab sits in the indentation.
    private func breaks(_ i: inout Int, _ column: inout Int, _ indent: inout Int?, _ trailing: inout [Break]) -> Bool {
        var maxIndent = 0
        while true {
            while indent.map({ column < $0 }) ?? true, i < bytes.count, bytes[i] == 0x20 {
                i += 1
                column += 1
            }
            maxIndent = max(maxIndent, column)
            if indent.map({ column < $0 }) ?? true, i < bytes.count, bytes[i] == 0x09 { return false }
            guard let br = lineBreak(at: i) else { break }
            trailing.append(br)
            i += br.length
            column = 0
        }
        if indent == nil { indent = max(maxIndent, 1) }
        return true
    }
}
