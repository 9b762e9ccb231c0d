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
    /// (where each invalid sequence shows as one U+FFFD).
    private static func characterProblems(_ bytes: [UInt8], source: SourceText) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        while problems.count < maxByteErrors {
            let position = SourcePosition(line: line, column: column)
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                offset += encoded.count
                if scalar == "\n" {
                    line += 1
                    column = 1
                    continue
                }
                column += 1
                if !isAllowed(scalar.value) {
                    var code = String(scalar.value, radix: 16, uppercase: true)
                    while code.count < 4 { code = "0" + code }
                    problems.append(source.diagnostic(
                        "control character U+\(code) is not allowed in YAML", at: position))
                }
            case .error(let length):
                let shown = bytes[offset..<offset + length].map { "0x" + hex2($0) }.joined(separator: " ")
                problems.append(source.diagnostic(
                    "invalid UTF-8 (\(shown)); the file must be UTF-8 encoded", at: position))
                offset += length
                column += 1
            case .emptyInput:
                return problems
            }
        }
        return problems
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
