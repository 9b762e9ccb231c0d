import LoopXSupport
import Testing
@testable import LoopXRules

@Suite struct JSONTests {
    @Test func roundTripsNestedValues() throws {
        let text = #"{"b":[1,2.5,true,null,"x\n\u00e9\ud83d\ude00"],"a":{"k":-3}}"#
        let value = try JSONParser.parse(text)
        #expect(value["a"]?["k"] == .int(-3))
        #expect(JSONWriter().string(value) == #"{"a":{"k":-3},"b":[1,2.5,true,null,"x\né😀"]}"#)
        #expect(JSONWriter(sortedKeys: false).string(value).hasPrefix(#"{"b":"#))
    }

    @Test(arguments: [
        ("{\"a\":1,}", "<json>:1:8: error: expected a string key\n{\"a\":1,}\n       ^"),
        ("[1,\n  tru]", "<json>:2:3: error: invalid literal\n  tru]\n  ^"),
        ("\"é\\q\"", "<json>:1:3: error: invalid escape '\\q'\n\"é\\q\"\n  ^"),
        ("1 2", "<json>:1:3: error: unexpected content after the JSON value\n1 2\n  ^"),
    ])
    func rejectsWithPositionedErrors(input: String, rendered: String) {
        #expect(throws: Diagnostic.self) { try JSONParser.parse(input) }
        do {
            _ = try JSONParser.parse(input)
        } catch {
            #expect(error.rendered == rendered)
        }
    }

    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: Diagnostic.self) { try JSONParser.parse(deep) }
    }
}
