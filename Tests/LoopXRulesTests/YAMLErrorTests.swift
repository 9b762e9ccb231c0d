import Testing
@testable import LoopXRules

/// Every kind of load error, pinned as the full rendered text a user sees.
@Suite struct YAMLErrorTests {
    @Test(arguments: [
        (
            "名前: [1, 2\n",
            """
            t.yaml:1:5: error: unclosed flow sequence: '[' has no matching ']' before the end of the file
            名前: [1, 2
                ^
            """
        ),
        (
            "café: {a: 1\n# trailing comment\n",
            """
            t.yaml:1:7: error: unclosed flow mapping: '{' has no matching '}' before the end of the file
            café: {a: 1
                  ^
            """
        ),
        (
            "a: [1, 2\nb: 3\n",
            """
            t.yaml:2:2: error: expected ',' or ']' (in the flow sequence that starts at line 1, column 4)
            b: 3
             ^
            """
        ),
        (
            "a: \"abc\nb: 1\n",
            """
            t.yaml:1:4: error: unclosed quoted string: no closing quote before the end of the file
            a: "abc
               ^
            """
        ),
        (
            "key: [a, b]]\n",
            """
            t.yaml:1:12: error: unexpected ']' outside a flow collection (in the block mapping that starts at line 1, column 1)
            key: [a, b]]
                       ^
            """
        ),
        (
            "a: b: c\n",
            """
            t.yaml:1:5: error: unexpected ':'; quote a value that contains ': ', or check the indentation
            a: b: c
                ^
            """
        ),
        (
            "a:\n  - b\n c: 1\n",
            """
            t.yaml:3:2: error: expected a mapping key here; check the indentation (in the block mapping that starts at line 1, column 1)
             c: 1
             ^
            """
        ),
        (
            "when: @now\n",
            """
            t.yaml:1:7: error: '@' is reserved and cannot start a plain value; quote the value
            when: @now
                  ^
            """
        ),
        (
            "a: \"\\q\"\n",
            """
            t.yaml:1:5: error: unknown escape sequence in a double-quoted string (in the quoted scalar that starts at line 1, column 4)
            a: "\\q"
                ^
            """
        ),
        (
            "%YAML 2.0\n---\nname: x\n",
            """
            t.yaml:1:1: error: unsupported YAML version: only YAML 1.x documents can be read
            %YAML 2.0
            ^
            """
        ),
        (
            "a: |0\n  x\n",
            """
            t.yaml:1:5: error: a block scalar's indentation indicator must be 1 to 9 (in the block scalar that starts at line 1, column 4)
            a: |0
                ^
            """
        ),
    ])
    func syntaxErrors(input: String, rendered: String) {
        #expect(renderedLoadErrors(input) == rendered)
    }

    @Test(arguments: [
        (
            "a:\n\tb: 1\n",
            """
            t.yaml:2:1: error: tab character in indentation; YAML indents with spaces only
            \tb: 1
            ^
            """
        ),
        (
            "rules:\n  - id: x\n  \twhen: true\n",
            """
            t.yaml:3:3: error: tab character in indentation; YAML indents with spaces only
              \twhen: true
              ^
            """
        ),
        (
            "a: |\n  x\n \ty\n",
            """
            t.yaml:3:2: error: tab character in indentation; YAML indents with spaces only
             \ty
             ^
            """
        ),
    ])
    func tabsInIndentation(input: String, rendered: String) {
        #expect(renderedLoadErrors(input) == rendered)
    }

    @Test func aTabAfterADashIsNotIndentationButStillAnError() {
        #expect(renderedLoadErrors("-\tx\n") == """
            t.yaml:1:2: error: a tab cannot start a value here; use spaces
            -\tx
             ^
            """)
    }

    @Test func tabsAsSeparatorsAreFine() throws {
        let doc = try YAMLLoader.load(text: "a:\tb\nc: [1,\t2]\n")
        #expect(doc.root.mappingValue(for: "a")?.string == "b")
    }

    @Test func everyDuplicateKeyIsReportedAtTheSecondKey() {
        let input = "id: a\nthen:\n  notify: X\n  notify: Y\nid: b\n1: x\n0x1: y\n\"id\": c\n"
        #expect(renderedLoadErrors(input) == """
            t.yaml:4:3: error: duplicate key "notify" (first defined on line 3)
              notify: Y
              ^
            t.yaml:5:1: error: duplicate key "id" (first defined on line 1)
            id: b
            ^
            t.yaml:7:1: error: duplicate key "0x1" (first defined on line 6)
            0x1: y
            ^
            t.yaml:8:1: error: duplicate key "id" (first defined on line 1)
            "id": c
            ^
            """)
    }

    @Test func keysThatDifferOnlyInTypeAreDistinct() throws {
        let doc = try YAMLLoader.load(text: "1: int\n\"1\": string\ntrue: bool\n'true': text\n")
        #expect(doc.root.mapping?.count == 4)
    }

    @Test func duplicatesAreReportedAlongsideALaterSyntaxError() {
        #expect(renderedLoadErrors("a: 1\na: 2\nb: [\n") == """
            t.yaml:2:1: error: duplicate key "a" (first defined on line 1)
            a: 2
            ^
            t.yaml:3:4: error: unclosed flow sequence: '[' has no matching ']' before the end of the file
            b: [
               ^
            """)
    }

    @Test func aSecondDocumentIsRejectedAtItsStart() {
        #expect(renderedLoadErrors("a: 1\n---\nb: 2\n") == """
            t.yaml:2:1: error: expected a single document, but a second document starts here
            ---
            ^
            """)
        #expect(renderedLoadErrors("a: 1\n...\n--- # two\nb: 2\n") == """
            t.yaml:3:1: error: expected a single document, but a second document starts here
            --- # two
            ^
            """)
        // libyaml wants a bare document after `...` to start with `---`.
        #expect(renderedLoadErrors("a: 1\n...\nb: 2\n") == """
            t.yaml:3:1: error: expected '---' before another document
            b: 2
            ^
            """)
    }

    @Test func tagErrors() {
        let input = "a: !foo x\nb: &b !!binary aGk=\nc: !!int abc\nd: !!map x\ne: &e\n  !!str [1]\nf: !!timestamp 2026-01-01\n"
        #expect(renderedLoadErrors(input) == """
            t.yaml:1:4: error: unknown tag '!foo' (only !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are allowed)
            a: !foo x
               ^
            t.yaml:2:7: error: unknown tag '!!binary' (only !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are allowed)
            b: &b !!binary aGk=
                  ^
            t.yaml:3:10: error: "abc" is not a valid !!int
            c: !!int abc
                     ^
            t.yaml:4:4: error: tag !!map cannot be used on a scalar
            d: !!map x
               ^
            t.yaml:6:3: error: tag !!str cannot be used on a sequence
              !!str [1]
              ^
            t.yaml:7:4: error: unknown tag '!!timestamp' (only !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are allowed)
            f: !!timestamp 2026-01-01
               ^
            """)
    }

    @Test func integersBeyond64BitsInHexOrOctal() {
        #expect(renderedLoadErrors("mask: 0x1FFFFFFFFFFFFFFFF\n") == """
            t.yaml:1:7: error: integer 0x1FFFFFFFFFFFFFFFF does not fit in 64 bits
            mask: 0x1FFFFFFFFFFFFFFFF
                  ^
            """)
    }

    @Test func aliasErrors() {
        #expect(renderedLoadErrors("a: *missing\nb: &x [1, *x]\n") == """
            t.yaml:1:4: error: unknown alias '*missing': no anchor '&missing' is defined before it
            a: *missing
               ^
            t.yaml:2:11: error: alias '*x' refers to a node that contains it (an alias cycle)
            b: &x [1, *x]
                      ^
            """)
    }

    @Test func anAliasBombIsStopped() {
        // Each level multiplies by nine; the first *d takes the total past 10,000 nodes.
        let input = """
            a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
            """
        #expect(renderedLoadErrors(input) == """
            t.yaml:5:8: error: aliases expand to more than 10000 nodes (an alias bomb?)
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
                   ^
            """)
    }

    @Test func deepNestingIsRejected() {
        let flow = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(renderedLoadErrors("x: " + flow + "\n") == """
            t.yaml:1:259: error: nesting deeper than 256 levels
            …\(String(repeating: "[", count: 145) + String(repeating: "]", count: 55))…
            \(String(repeating: " ", count: 101))^
            """)
        var block = ""
        for depth in 0..<300 { block += String(repeating: " ", count: depth) + "k:\n" }
        #expect(renderedLoadErrors(block).hasPrefix("t.yaml:257:257: error: nesting deeper than 256 levels\n"))
        let ok = String(repeating: "[", count: 255) + String(repeating: "]", count: 255)
        #expect(renderedLoadErrors("x: " + ok + "\n") == "<loaded without errors>")
    }

    @Test func invalidUTF8IsPositioned() {
        var bytes = Array("name: ok\nnote: caf".utf8) + [0xC3, 0x28] + Array(" and ".utf8) + [0xFF] + Array("\n".utf8)
        #expect(renderedLoadErrors(bytes: bytes) == """
            t.yaml:2:10: error: invalid UTF-8 (0xC3); the file must be UTF-8 encoded
            note: caf\u{FFFD}( and \u{FFFD}
                     ^
            t.yaml:2:17: error: invalid UTF-8 (0xFF); the file must be UTF-8 encoded
            note: caf\u{FFFD}( and \u{FFFD}
                            ^
            """)
        bytes = Array("é: ".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8)
        #expect(renderedLoadErrors(bytes: bytes).hasPrefix("t.yaml:1:4: error: invalid UTF-8 (0xED)"))
    }

    @Test func controlCharactersArePositioned() {
        #expect(renderedLoadErrors("a: b\u{07}c\n") == """
            t.yaml:1:5: error: control character U+0007 is not allowed in YAML
            a: b\u{07}c
                ^
            """)
    }

    @Test func nonStringKeysCannotBecomeJSON() throws {
        let doc = try YAMLLoader.load(text: "1: a\nok: b\n~: c\n", path: "k.yaml")
        do {
            _ = try doc.jsonValue()
            Issue.record("expected an error")
        } catch {
            #expect(error.rendered == """
                k.yaml:1:1: error: mapping key must be a string, not an integer (quote it: "1")
                1: a
                ^
                k.yaml:3:1: error: mapping key must be a string, not null (quote it: "~")
                ~: c
                ^
                """)
        }
    }
}
