import LoopXSupport
import Testing
@testable import LoopXRules

/// Duplicate object keys are errors: a reader keeping one of two values would lose the other.
@Suite struct JSONDuplicateKeyTests {
    func failure(_ text: String, path: String = "r.json") -> Diagnostic? {
        do {
            _ = try JSONParser.parse(text, path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func aDuplicateKeyIsAnErrorAtTheSecondKeyNamingTheFirst() throws {
        let text = """
            {"version": 1,
              "goals": [],
              "goals": [{"id": "g1"}]}
            """
        let error = try #require(failure(text))
        #expect(error.rendered == """
            r.json:3:3: error: duplicate key "goals" (first at line 2:3)
              "goals": [{"id": "g1"}]}
              ^
            """)
    }

    @Test func duplicatesAreFoundInNestedAndInLargeObjects() throws {
        #expect(failure(#"[{"a": {"x": 1, "y": 2, "x": 3}}]"#)?.message == #"duplicate key "x" (first at line 1:9)"#)
        // Past the small-object list the keys are kept in a table; the check stays the same.
        let keys = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(try JSONParser.parse("{\(keys)}")["k39"] == .int(39))
        let error = try #require(failure("{\(keys), \"k7\": 0}"))
        #expect(error.message.hasPrefix(#"duplicate key "k7" (first at line 1:"#))
        // Equal after unescaping is equal: "\u0061" is "a".
        #expect(failure(#"{"a": 1, "\u0061": 2}"#)?.message == #"duplicate key "a" (first at line 1:2)"#)
        // The same key in sibling objects is fine.
        #expect(try JSONParser.parse(#"[{"a": 1}, {"a": 2}]"#).arrayValue?.count == 2)
    }

    @Test func aLongOrSecretLookingKeyIsNotEchoedWhole() throws {
        let long = String(repeating: "k", count: 5_000)
        let error = try #require(failure("{\"\(long)\": 1, \"\(long)\": 2}"))
        #expect(error.message.count < 120)
        #expect(error.message.contains("…"))
        let token = "ghp_" + String(repeating: "A1b2", count: 9)
        let secret = try #require(failure("{\"\(token)\": 1, \"\(token)\": 2}"))
        #expect(!secret.rendered.contains(token))
    }
}
