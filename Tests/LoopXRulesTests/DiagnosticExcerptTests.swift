@testable import LoopXSupport
import Testing
@testable import LoopXRules

/// Error excerpts are bounded around the column and never echo credential-looking text.
@Suite struct DiagnosticExcerptTests {
    func rendered(_ line: String, column: Int) -> [String] {
        let diagnostic = Diagnostic(
            path: "f", position: SourcePosition(line: 1, column: column), message: "m", sourceLine: line)
        return diagnostic.rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The column the caret sits in, counting the excerpt's scalars (the ellipsis is one).
    func caretColumn(_ caret: String) -> Int { caret.unicodeScalars.count }

    @Test func aShortLineIsShownWholeWithTheCaretUnderTheColumn() {
        #expect(rendered("\tab cd", column: 5) == ["f:1:5: error: m", "\tab cd", "\t   ^"])
        #expect(rendered("ab", column: 3) == ["f:1:3: error: m", "ab", "  ^"])
    }

    @Test func aLongLineIsCutAroundTheColumnWithEllipses() throws {
        let line = (0..<10_000).map { String($0 % 10) }.joined()
        for column in [1, 150, 5_000, 9_950, 10_000, 10_001] {
            let lines = rendered(line, column: column)
            #expect(lines.count == 3)
            let excerpt = lines[1]
            let body = excerpt.unicodeScalars.filter { $0 != "…" }
            #expect(body.count == SourceExcerpt.width, "column \(column)")
            #expect(excerpt.hasPrefix("…") == (column > 101))
            #expect(excerpt.hasSuffix("…") == (column < 10_000 - 99))
            // The caret points at the same character as the column does in the full line.
            let caretAt = caretColumn(lines[2])
            let scalars = Array(excerpt.unicodeScalars)
            if column <= 10_000 {
                #expect(String(scalars[caretAt - 1]) == String(line[line.index(line.startIndex, offsetBy: column - 1)]), "column \(column)")
            } else {
                #expect(caretAt == scalars.count + 1)
            }
        }
    }

    @Test func aFiftyMegabyteOneLineJSONErrorRendersSmall() throws {
        var bytes = [UInt8](repeating: 0x20, count: 50_000_000)
        bytes[0] = UInt8(ascii: "[")
        bytes[bytes.count - 1] = UInt8(ascii: "x")
        do {
            _ = try JSONParser.parse(bytes, path: "big.json")
            Issue.record("parsed")
        } catch {
            #expect(error.position == SourcePosition(line: 1, column: 50_000_000))
            #expect(error.rendered.utf8.count < 1_000)
            #expect(error.rendered.hasSuffix("x\n" + " " + String(repeating: " ", count: SourceExcerpt.width - 1) + "^"))
        }
    }

    @Test(arguments: [
        "ghp_" + String(repeating: "Ab1", count: 12), "github_pat_" + String(repeating: "x", count: 30),
        "xoxb-1234567890-abc", "AKIA" + String(repeating: "Z", count: 16), "sk_live_" + String(repeating: "9", count: 24),
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "-----BEGIN RSA PRIVATE KEY-----", "Bearer abcdefghijklmnopqrstuvwxyz",
        "\"password\": \"hunter22\"", "access_token=abcd1234", "AIza" + String(repeating: "Q", count: 35),
    ])
    func aLineWithACredentialIsWithheld(secret: String) {
        let lines = rendered("{\"a\": 1, \(secret) oops", column: 10)
        #expect(lines == ["f:1:10: error: m", SourceExcerpt.withheldNote])
    }

    @Test func ordinaryTextIsNotMistakenForACredential() {
        for line in [#"{"token_count": 5, "tokens": [1]}"#, #"{"goal_id": "ghp-notes", "password_hint": null}"#, "a: token"] {
            #expect(rendered(line, column: 2).count == 3, "\(line)")
        }
    }

    @Test func aCredentialFarFromTheColumnDoesNotHideTheExcerpt() {
        let token = "ghp_" + String(repeating: "Ab1", count: 12)
        let line = token + String(repeating: " ", count: 2_000) + "x"
        let lines = rendered(line, column: 2_000)
        #expect(lines.count == 3 && !lines[1].contains("ghp_"))
    }
}
