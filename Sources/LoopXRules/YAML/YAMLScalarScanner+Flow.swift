/// Plain, single-quoted and double-quoted scalars: content runs, blanks kept between words,
/// and line folding (one break becomes a space, n breaks become n-1 newlines).
extension YAMLScalarScanner {
    private struct Folding {
        var leadingBlanks = false
        /// The first break after content; nil after an escaped line break (`\` at line end).
        var leadingBreak: Break?
        var trailingBreaks: [Break] = []
        var whitespace: [(byte: UInt8, offset: Int)] = []
    }

    /// Scans the scalar in `range` (a quoted one starts at its quote); returns the source
    /// offset just past its content, nil when the source does not look like that scalar.
    mutating func scanFlow(style: YAMLScalar.Style, range: Range<Int>) -> Int? {
        let quote: UInt8? = style == .singleQuoted ? 0x27 : style == .doubleQuoted ? 0x22 : nil
        var i = range.lowerBound
        let end = quote == nil ? range.upperBound : bytes.count
        if let quote {
            guard i < bytes.count, bytes[i] == quote else { return nil }
            i += 1
        }
        var fold = Folding()
        while i < end {
            fold.leadingBlanks = quote == nil ? fold.leadingBlanks : false
            // Content up to the next blank or break.
            content: while i < end, !isBlankOrBreakOrEnd(i) {
                if quote == nil {
                    join(&fold)
                    i += copyCharacter(at: i)
                } else if quote == 0x27, bytes[i] == 0x27 {
                    guard i + 1 < end, bytes[i + 1] == 0x27 else { break content }
                    emit([0x27], from: i)
                    i += 2
                } else if quote == 0x22, bytes[i] == 0x22 {
                    break content
                } else if quote == 0x22, bytes[i] == 0x5C, let br = lineBreak(at: i + 1) {
                    // An escaped line break joins the lines with nothing in between.
                    i += 1 + br.length
                    fold.leadingBlanks = true
                    break content
                } else if quote == 0x22, bytes[i] == 0x5C {
                    guard let length = escape(at: i) else { return nil }
                    i += length
                } else {
                    i += copyCharacter(at: i)
                }
            }
            if let quote, i < end, bytes[i] == quote { return i }
            if quote == nil, i >= end { return end }
            // Blanks and breaks between content runs.
            while i < end, isBlank(i) || lineBreak(at: i) != nil {
                if let br = lineBreak(at: i) {
                    if fold.leadingBlanks {
                        fold.trailingBreaks.append(br)
                    } else {
                        fold.whitespace.removeAll()
                        fold.leadingBreak = br
                        fold.leadingBlanks = true
                    }
                    i += br.length
                } else {
                    if !fold.leadingBlanks { fold.whitespace.append((bytes[i], i)) }
                    i += 1
                }
            }
            // Quoted scalars fold right away; plain ones just before their next content.
            if quote != nil { join(&fold) }
        }
        return quote == nil ? end : nil
    }

    /// Emits what the blanks and breaks since the last content stand for.
    private mutating func join(_ fold: inout Folding) {
        if fold.leadingBlanks {
            if let lead = fold.leadingBreak, lead.isNewline {
                if fold.trailingBreaks.isEmpty {
                    emit([0x20], from: lead.offset)
                }
            } else if let lead = fold.leadingBreak {
                emit(lead.output, from: lead.offset)
            }
            for br in fold.trailingBreaks { emit(br.output, from: br.offset) }
            fold.leadingBreak = nil
            fold.trailingBreaks.removeAll()
            fold.leadingBlanks = false
        } else {
            for w in fold.whitespace { emit([w.byte], from: w.offset) }
        }
        fold.whitespace.removeAll()
    }

    /// Emits the character a double-quoted escape at `i` stands for; returns its length.
    private mutating func escape(at i: Int) -> Int? {
        guard i + 1 < bytes.count else { return nil }
        let simple: [UInt8: UInt32] = [
            0x30: 0x00, 0x61: 0x07, 0x62: 0x08, 0x74: 0x09, 0x09: 0x09, 0x6E: 0x0A, 0x76: 0x0B,
            0x66: 0x0C, 0x72: 0x0D, 0x65: 0x1B, 0x20: 0x20, 0x22: 0x22, 0x2F: 0x2F, 0x27: 0x27,
            0x5C: 0x5C, 0x4E: 0x85, 0x5F: 0xA0, 0x4C: 0x2028, 0x50: 0x2029,
        ]
        let letter = bytes[i + 1]
        if let value = simple[letter] { return emitScalar(value, from: i) ? 2 : nil }
        let digits: Int
        switch letter {
        case 0x78: digits = 2
        case 0x75: digits = 4
        case 0x55: digits = 8
        default: return nil
        }
        guard let value = hexValue(at: i + 2, count: digits) else { return nil }
        // A JSON surrogate pair (`\uD83D\uDE00`) is one character.
        if digits == 4, (0xD800...0xDBFF).contains(value), i + 12 <= bytes.count,
            bytes[i + 6] == 0x5C, bytes[i + 7] == 0x75, let low = hexValue(at: i + 8, count: 4),
            (0xDC00...0xDFFF).contains(low)
        {
            return emitScalar(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00), from: i) ? 12 : nil
        }
        return emitScalar(value, from: i) ? 2 + digits : nil
    }

    private mutating func emitScalar(_ value: UInt32, from offset: Int) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        emit(Array(String(Character(scalar)).utf8), from: offset)
        return true
    }

    private func hexValue(at start: Int, count: Int) -> UInt32? {
        guard start + count <= bytes.count else { return nil }
        return UInt32(String(decoding: bytes[start..<(start + count)], as: UTF8.self), radix: 16)
    }
}
