import Testing
@testable import LoopXRules

@Suite struct ExprRegexTests {
    @Test(arguments: [
        ("abc", "xxabcxx", true),
        ("^abc$", "abc", true),
        ("^abc$", "abcd", false),
        ("a|b", "zzb", true),
        ("gr(a|e)y", "grey", true),
        ("ba(na)*$", "banana", true),
        ("^a{2,3}$", "aaa", true),
        ("^a{2,3}$", "aaaa", false),
        ("^a{2}$", "aa", true),
        ("^[a-c]+$", "abcab", true),
        ("^[^a-c]+$", "xyz", true),
        ("^[^a-c]+$", "xaz", false),
        ("\\d+", "ab12", true),
        ("^\\w+$", "a_b1", true),
        ("^\\s*$", " \t", true),
        ("\\bcat\\b", "a cat here", true),
        ("\\bcat\\b", "concatenate", false),
        ("(?i)^HeLLo$", "hello", true),
        ("^(?:ab)+$", "ababab", true),
        ("^(?P<word>[a-z]+)$", "abc", true),
        ("^.$", "é", true),
        ("^[[:alpha:]]+$", "abcXYZ", true),
        ("^\\p{L}+$", "héllo", true),
        ("a.c", "a\nc", false),
        ("(?s)a.c", "a\nc", true),
        ("(?m)^b$", "a\nb\nc", true),
        ("^$", "", true),
        ("", "anything", true),
        ("^a*?b$", "aaab", true),
        ("\\.", "a.b", true),
        ("^\\x41$", "A", true),
    ])
    func matches(pattern: String, input: String, expected: Bool) throws {
        let re = try Regex.compile(pattern).get()
        #expect(re.matches(input) == expected)
    }

    @Test(arguments: [
        ("(a)\\1", "backreferences are not supported (RE2 syntax)"),
        ("a(?=b)", "look-around assertions are not supported (RE2 syntax)"),
        ("a(?!b)", "look-around assertions are not supported (RE2 syntax)"),
        ("(?<=a)b", "look-around assertions are not supported (RE2 syntax)"),
        ("(a", "missing ')'"),
        ("a)", "unexpected ')'"),
        ("[a", "missing ']'"),
        ("*a", "missing argument to repetition operator"),
        ("a{1001}", "bad repetition count (over 1000)"),
        ("[z-a]", "invalid character class range"),
    ])
    func rejects(pattern: String, message: String) {
        switch Regex.compile(pattern) {
        case .success: Issue.record("\(pattern) should be rejected")
        case .failure(let e): #expect(e.message == message)
        }
    }

    @Test func doesNotBacktrackExponentially() throws {
        let re = try Regex.compile("^(a+)+$").get()
        let input = String(repeating: "a", count: 5000) + "b"
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(re.matches(input) == false) }
        #expect(elapsed < .seconds(5))
    }
}
