import LoopXSupport
import Testing
@testable import LoopXRules

/// `.json` files load into the same positioned nodes, agreeing with the strict JSON reader.
@Suite struct YAMLJSONTests {
    static let samples: [String] = [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#,
        #"{"pi": 3.25, "big": 12345678901234567890, "neg": -7, "exp": 1.5e-3, "E": 2E+2, "zero": -0}"#,
        #"["\u00e9", "\ud83d\ude00", "a\/b", "tab\there", "q\"uote", "back\\slash", "\u0041\u2028"]"#,
        #"{"emoji": "x\uD83D\uDE00y\uD83C\uDF89", "nested": [[], {}, [{}]], "s": ""}"#,
        "{\n\t\"tabs\": [\n\t\t1,\n\t\t2\n\t],\n\t\"ok\": true\n}\n",
        #"{"yes": "yes", "on": "on", "t": "true", "n": "null", "num": "12"}"#,
        #"  [1, "two", {"three": 3}]  "#,
        #""just a string""#,
        "42",
    ]

    @Test(arguments: samples)
    func agreesWithTheJSONReader(text: String) throws {
        let doc = try YAMLLoader.load(text: text, path: "sample.json")
        #expect(try doc.jsonValue() == JSONParser.parse(text))
    }

    @Test func unicodeEscapesDecode() throws {
        let doc = try YAMLLoader.load(text: #"{"k": "caf\u00e9 \ud83d\ude00 \u4e16\u754c"}"#, path: "u.json")
        #expect(doc.root.mappingValue(for: "k")?.string == "café 😀 世界")
    }

    @Test func nodesCarryPositions() throws {
        let text = """
            {
              "goal": {"id": "demo", "名前": "値"},
              "history": [1, 2]
            }
            """
        let doc = try YAMLLoader.load(text: text, path: "facts.json")
        let goal = try #require(doc.root.mappingValue(for: "goal"))
        #expect(goal.position == SourcePosition(line: 2, column: 11))
        #expect(goal.mappingValue(for: "名前")?.position == SourcePosition(line: 2, column: 32))
        #expect(goal.mappingValue(for: "id")?.scalar?.style == .doubleQuoted)
        #expect(doc.root.mappingValue(for: "history")?.sequence?[1].position == SourcePosition(line: 3, column: 18))
        #expect(doc.root.pair(for: "history")?.key.position == SourcePosition(line: 3, column: 3))
    }

    @Test func surrogatePairsKeepLaterColumnsRight() throws {
        let text = #"{"a": "\ud83d\ude00\ud83d\ude00", "b": 1}"# + "\n" + #"{"c": 2}"#
        // Two documents are not JSON; the strict reader says so first.
        #expect(renderedLoadErrors(text, path: "two.json") == """
            two.json:2:1: error: unexpected content after the JSON value
            {"c": 2}
            ^
            """)
        let doc = try YAMLLoader.load(text: #"{"a": "\ud83d\ude00\ud83d\ude00", "b": [1, "x"]}"#, path: "p.json")
        #expect(doc.root.mappingValue(for: "a")?.string == "😀😀")
        #expect(doc.root.mappingValue(for: "b")?.position == SourcePosition(line: 1, column: 40))
        #expect(doc.root.mappingValue(for: "b")?.sequence?[1].position == SourcePosition(line: 1, column: 44))
    }

    @Test func yamlLeniencyIsNotJSON() {
        #expect(renderedLoadErrors("{\"a\": 1,}", path: "t.json") == """
            t.json:1:9: error: expected a string key
            {"a": 1,}
                    ^
            """)
        #expect(renderedLoadErrors("a: 1\n", path: "t.json").hasPrefix("t.json:1:1: error: "))
        #expect(renderedLoadErrors("{\"a\": \"\\ud83d\"}", path: "t.json").hasPrefix("t.json:1:"))
    }

    @Test func duplicateKeysAreErrorsInJSONToo() {
        #expect(renderedLoadErrors("{\"a\": 1,\n \"a\": 2}", path: "d.json") == """
            d.json:2:2: error: duplicate key "a" (first at line 1:2)
             "a": 2}
             ^
            """)
    }

    @Test func loadsAJSONFileFromDisk() throws {
        let dir = try YAMLTempDir()
        let path = try dir.write("facts.JSON", #"{"now": "2026-01-01T08:00:00Z", "n": [1]}"#)
        let doc = try YAMLLoader.load(path: path)
        #expect(try doc.jsonValue() == ["now": "2026-01-01T08:00:00Z", "n": [1]])
    }
}
