import LoopXSupport
extension LibYAMLFailure {
    /// libyaml's problem as a loopx diagnostic, reworded for people who write rule files.
    /// `openFlow` is the innermost flow collection still open when libyaml stopped.
    func diagnostic(
        index: inout YAMLSourceIndex, source: SourceText, openFlow: (isMapping: Bool, position: SourcePosition)?
    ) -> Diagnostic {
        if stage == .reader {
            return source.diagnostic(problem, at: index.position(ofByte: problemOffset))
        }
        let (problemByte, problemPosition) = index.locate(problemMark)
        let contextPosition = index.locate(contextMark).position
        let atEnd = Self.onlyBlanksRemain(index.bytes, from: problemByte)
        let char = problemByte < index.bytes.count ? index.bytes[problemByte] : nil

        if atEnd, stage == .parser, let openFlow {
            return source.diagnostic(
                openFlow.isMapping
                    ? "unclosed flow mapping: '{' has no matching '}' before the end of the file"
                    : "unclosed flow sequence: '[' has no matching ']' before the end of the file",
                at: openFlow.position)
        }
        if let unclosed = unclosedQuote() {
            return source.diagnostic(unclosed, at: contextPosition)
        }
        var message = readableProblem(char: char, source: source, at: problemPosition)
        if let context, context != "while scanning for the next token", contextPosition != problemPosition,
            !message.hasPrefix(Self.tabMessage),
            let thing = Self.contextThing(context)
        {
            message += " (in the \(thing) that starts at line \(contextPosition.line), column \(contextPosition.column))"
        }
        return source.diagnostic(message, at: problemPosition)
    }

    /// For a quoted scalar still open at the end of the file (or at a document marker), a
    /// message meant for its opening quote, which is where the fix goes.
    private func unclosedQuote() -> String? {
        guard context == "while scanning a quoted scalar" else { return nil }
        switch problem {
        case "found unexpected end of stream":
            return "unclosed quoted string: no closing quote before the end of the file"
        case "found unexpected document indicator":
            return "unclosed quoted string: a document marker comes before the closing quote"
        default:
            return nil
        }
    }

    static let tabMessage = "tab character in indentation; YAML indents with spaces only"

    private func readableProblem(char: UInt8?, source: SourceText, at position: SourcePosition) -> String {
        switch problem {
        case "found character that cannot start any token":
            if char == 0x09 {
                let before = Array((source.line(position.line) ?? "").unicodeScalars.prefix(position.column - 1))
                return before.allSatisfy({ $0 == " " || $0 == "\t" })
                    ? Self.tabMessage : "a tab cannot start a value here; use spaces"
            }
            let shown = source.line(position.line).flatMap { line in
                line.unicodeScalars.dropFirst(position.column - 1).first.map { String($0) }
            } ?? "?"
            if shown == "@" || shown == "`" {
                return "'\(shown)' is reserved and cannot start a plain value; quote the value"
            }
            return "unexpected character '\(shown)'"
        case "found a tab character that violates indentation",
            "found a tab character where an indentation space is expected":
            return Self.tabMessage
        case "mapping values are not allowed in this context":
            return "unexpected ':'; quote a value that contains ': ', or check the indentation"
        case "block sequence entries are not allowed in this context":
            return "a '-' sequence entry is not allowed here; check the indentation"
        case "could not find expected ':'":
            return "expected ':' after this key"
        case "found unknown escape character":
            return "unknown escape sequence in a double-quoted string"
        case "did not find expected hexdecimal number":
            return "invalid escape: expected hexadecimal digits"
        case "found invalid Unicode character escape code":
            return "invalid Unicode escape: not a valid code point"
        case "did not find expected node content", "did not find expected key",
            "did not find expected '-' indicator":
            if let char, [0x5D, 0x7D, 0x2C].contains(char) {
                return "unexpected '\(Character(Unicode.Scalar(char)))' outside a flow collection"
            }
            if problem == "did not find expected node content" { return "expected a value here" }
            return problem == "did not find expected key"
                ? "expected a mapping key here; check the indentation"
                : "expected a '-' sequence entry here; check the indentation"
        case "did not find expected <document start>":
            return "expected '---' before another document"
        case "did not find expected alphabetic or numeric character":
            return "expected an anchor or alias name (letters, digits, '-' or '_')"
        case "did not find expected comment or line break":
            return "unexpected text after a block scalar indicator"
        case "found incompatible YAML document":
            return "unsupported YAML version: only YAML 1.x documents can be read"
        case "found an indentation indicator equal to 0":
            return "a block scalar's indentation indicator must be 1 to 9"
        default:
            return problem
                .replacing("did not find expected", with: "expected")
                .replacing("hexdecimal", with: "hexadecimal")
        }
    }

    /// "while parsing a block mapping" → "block mapping".
    private static func contextThing(_ context: String) -> String? {
        for prefix in ["while parsing a ", "while scanning a ", "while parsing an ", "while scanning an "]
        where context.hasPrefix(prefix) {
            return String(context.dropFirst(prefix.count))
        }
        return nil
    }

    private static func onlyBlanksRemain(_ bytes: [UInt8], from offset: Int) -> Bool {
        var i = offset
        var inComment = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") {
                inComment = false
            } else if b == UInt8(ascii: "#") {
                inComment = true
            } else if !inComment, b != 0x20, b != 0x09, b != 0x0D {
                return false
            }
            i += 1
        }
        return true
    }
}
