import Testing
@testable import LoopXRules

/// One CEL string quoter: `celLiteral` (traces, outputs) and `strings.quote()` escape alike.
@Suite struct CELQuoteTests {
    static let controls = "bell\u{07} back\u{08} feed\u{0C} vtab\u{0B} nl\n cr\r tab\t esc\u{1B} del\u{7F} \"q\" \\"

    @Test func celLiteralAndStringsQuoteEscapeTheSame() {
        #expect(Value.string(Self.controls).celLiteral == Builtins.quote(Self.controls))
        #expect(Value.string("a\u{07}b\u{0B}c").celLiteral == "\"a\\ab\\vc\"")
    }
}
