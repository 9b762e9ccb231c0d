import Testing
@testable import LoopXRules

@Suite struct ExprLexerTests {
    @Test(arguments: [
        ("1 + 2u", ["int(1)", "+", "uint(2)", "eof"]),
        ("0x1F 0XffU", ["int(31)", "uint(255)", "eof"]),
        ("1.5 .5 1e3 2E-2", ["double(1.5)", "double(0.5)", "double(1000.0)", "double(0.02)", "eof"]),
        ("18446744073709551616", ["int(overflow)", "eof"]),
        ("a.b_c && !x || y", ["ident(a)", ".", "ident(b_c)", "&&", "!", "ident(x)", "||", "ident(y)", "eof"]),
        ("<= >= == != < > ? : ,", ["<=", ">=", "==", "!=", "<", ">", "?", ":", ",", "eof"]),
        (#"'a' "b" '''c'd''' """e"f""""#, [#"string("a")"#, #"string("b")"#, #"string("c'd")"#, #"string("e\"f")"#, "eof"]),
        (#"r'\n' R"\d""#, [#"string("\\n")"#, #"string("\\d")"#, "eof"]),
        (#"b'\xff\101' B"é""#, ["bytes([255, 65])", "bytes([195, 169])", "eof"]),
        (#""\u00e9\U0001F600\x41\101\a\?""#, [#"string("é😀AA\a?")"#, "eof"]),
        ("x // comment\n+ y", ["ident(x)", "+", "ident(y)", "eof"]),
        ("a.`content-type`", ["ident(a)", ".", "quoted(content-type)", "eof"]),
        ("in", ["ident(in)", "eof"]),
    ])
    func tokenizes(source: String, expected: [String]) {
        #expect(ExprTest.tokens(source) == expected)
    }

    @Test(arguments: [
        ("'abc", "unterminated string literal"),
        ("'a\nb'", "unterminated string literal (newline in a single-quoted string)"),
        (#"'\q'"#, "invalid escape sequence '\\q'"),
        (#"'\x4'"#, "invalid escape sequence: expected 2 hex digits"),
        (#"'\uD800'"#, "invalid Unicode code point in escape sequence"),
        ("a # b", "unexpected character '#'"),
        ("0x", "invalid hexadecimal literal"),
    ])
    func reportsLexicalErrors(source: String, message: String) {
        let (_, errors) = Lexer.tokenize(Array(source.utf8))
        #expect(errors.map(\.message).contains(message))
    }

    @Test func reportsEveryLexicalErrorOfOneSource() {
        let (_, errors) = Lexer.tokenize(Array("a # b $ c".utf8))
        #expect(errors.map(\.utf8Offset) == [2, 6])
    }
}
