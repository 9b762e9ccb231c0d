import LoopXSupport
/// A file's bytes made ready for libyaml: a leading BOM dropped, UTF-8 and the allowed
/// characters checked up front (so every such error has an exact position), and, for JSON,
/// surrogate-pair escapes rewritten into the `\U` form libyaml accepts.
struct YAMLInput {
    /// The source as loopx shows it in diagnostics (without the BOM).
    let source: SourceText
    /// The UTF-8 bytes of `source.text`.
    let bytes: [UInt8]
    /// What libyaml parses: `bytes`, or a copy with JSON surrogate pairs rewritten.
    let parserBytes: [UInt8]
    /// See `YAMLSourceIndex`: libyaml character indexes just past each rewrite.
    let rewrites: [Int]

    /// More diagnostics than this for bad bytes would only repeat the same advice.
    static let maxByteErrors = 20

    static func prepare(_ raw: [UInt8], path: String, json: Bool) -> Result<YAMLInput, DiagnosticList> {
        var bytes = raw
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let source = SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
        let problems = characterProblems(bytes, source: source)
        if !problems.isEmpty { return .failure(DiagnosticList(problems)) }
        let (parserBytes, rewrites) = json ? rewriteSurrogatePairs(bytes) : (bytes, [])
        return .success(YAMLInput(source: source, bytes: bytes, parserBytes: parserBytes, rewrites: rewrites))
    }

    /// Invalid UTF-8 and characters YAML forbids, positioned as they appear in `source`
    /// (where each invalid sequence shows as one U+FFFD, as `String(decoding:)` makes it).
    private static func characterProblems(_ bytes: [UInt8], source: SourceText) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var line = 1
        var column = 1
        var i = 0
        bytes.withUnsafeBufferPointer { buffer in
            while i < buffer.count, problems.count < maxByteErrors {
                let byte = buffer[i]
                if byte == 0x0A {
                    line += 1
                    column = 1
                    i += 1
                    continue
                }
                // Plain ASCII, the common case, needs no decoding.
                if byte >= 0x20 && byte < 0x7F || byte == 0x09 || byte == 0x0D {
                    column += 1
                    i += 1
                    continue
                }
                let position = SourcePosition(line: line, column: column)
                column += 1
                switch decodeScalar(buffer, at: i) {
                case .valid(let value, let length):
                    i += length
                    if !isAllowed(value) {
                        var code = String(value, radix: 16, uppercase: true)
                        while code.count < 4 { code = "0" + code }
                        problems.append(source.diagnostic(
                            "control character U+\(code) is not allowed in YAML", at: position))
                    }
                case .invalid(let length):
                    let shown = buffer[i..<i + length].map { "0x" + hex2($0) }.joined(separator: " ")
                    problems.append(source.diagnostic(
                        "invalid UTF-8 (\(shown)); the file must be UTF-8 encoded", at: position))
                    i += length
                }
            }
        }
        return problems
    }

    private enum Decoded {
        case valid(UInt32, length: Int)
        /// The maximal invalid subpart, the bytes one U+FFFD replaces.
        case invalid(length: Int)
    }

    /// Decodes one scalar by the well-formed byte sequences of Unicode's table 3-7.
    private static func decodeScalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Decoded {
        let lead = b[i]
        let ranges: [ClosedRange<UInt8>]
        switch lead {
        case 0x00...0x7F: return .valid(UInt32(lead), length: 1)
        case 0xC2...0xDF: ranges = [0x80...0xBF]
        case 0xE0: ranges = [0xA0...0xBF, 0x80...0xBF]
        case 0xE1...0xEC, 0xEE...0xEF: ranges = [0x80...0xBF, 0x80...0xBF]
        case 0xED: ranges = [0x80...0x9F, 0x80...0xBF]
        case 0xF0: ranges = [0x90...0xBF, 0x80...0xBF, 0x80...0xBF]
        case 0xF1...0xF3: ranges = [0x80...0xBF, 0x80...0xBF, 0x80...0xBF]
        case 0xF4: ranges = [0x80...0x8F, 0x80...0xBF, 0x80...0xBF]
        default: return .invalid(length: 1)
        }
        var value = UInt32(lead) & (ranges.count == 1 ? 0x1F : ranges.count == 2 ? 0x0F : 0x07)
        for (k, range) in ranges.enumerated() {
            guard i + 1 + k < b.count, range.contains(b[i + 1 + k]) else { return .invalid(length: 1 + k) }
            value = value << 6 | UInt32(b[i + 1 + k] & 0x3F)
        }
        return .valid(value, length: 1 + ranges.count)
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    /// YAML's printable set: tab, line breaks, visible ASCII, NEL and the non-control rest.
    private static func isAllowed(_ v: UInt32) -> Bool {
        switch v {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            return true
        default:
            return false
        }
    }
}
