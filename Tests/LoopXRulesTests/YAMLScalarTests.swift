import Testing
@testable import LoopXRules

/// The YAML 1.2 core schema as the loader applies it to plain, quoted and tagged scalars.
@Suite struct YAMLScalarTests {
    /// The value of `v` in a one-line document `v: <source>`.
    private func value(_ source: String) throws -> YAMLScalar {
        let doc = try YAMLLoader.load(text: "v: \(source)\n")
        return try #require(doc.root.mappingValue(for: "v")?.scalar)
    }

    @Test(arguments: [
        ("null", YAMLScalar.Value.null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("0", .int(0)), ("42", .int(42)), ("-17", .int(-17)), ("+8", .int(8)), ("007", .int(7)),
        ("0x1F", .int(31)), ("0xff", .int(255)), ("0o17", .int(15)),
        ("9223372036854775807", .int(Int64.max)), ("-9223372036854775808", .int(Int64.min)),
        ("9223372036854775808", .double(9223372036854775808.0)),
        ("1.5", .double(1.5)), ("-0.25", .double(-0.25)), (".5", .double(0.5)), ("1.", .double(1.0)),
        ("+2.5", .double(2.5)), ("1e3", .double(1000)), ("1E-2", .double(0.01)), ("-1.5e+2", .double(-150)),
        (".inf", .double(.infinity)), (".Inf", .double(.infinity)), (".INF", .double(.infinity)),
        ("+.inf", .double(.infinity)), ("-.inf", .double(-.infinity)), ("-.INF", .double(-.infinity)),
    ])
    func plainScalarsResolveByTheCoreSchema(source: String, expected: YAMLScalar.Value) throws {
        let scalar = try value(source)
        #expect(scalar.value == expected)
        #expect(scalar.style == .plain)
        #expect(scalar.text == source)
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func nanFormsAreFloats(source: String) throws {
        let resolved = try value(source).value
        guard case .double(let d) = resolved else {
            Issue.record("expected a double, got \(resolved)")
            return
        }
        #expect(d.isNaN)
    }

    /// YAML 1.1 booleans and other near-misses stay strings under the core schema.
    @Test(arguments: [
        "yes", "no", "on", "off", "y", "n", "Yes", "tRUE", "nul", "NuLL", "0x", "0xG1", "0o8", "0b101",
        "1_000", "1.2.3", ".", "-x", "e3", "1e", "1e+", ".Nan", "inf", "-inf", "12:30", "2026-01-01", "+", "0X1F",
    ])
    func nearMissesStayStrings(source: String) throws {
        #expect(try value(source).value == .string(source))
    }

    @Test func quotedTrueIsAStringAndPlainTrueIsABool() throws {
        let doc = try YAMLLoader.load(text: "a: true\nb: \"true\"\nc: 'true'\nd: |\n  true\ne: >-\n  true\n")
        #expect(doc.root.mappingValue(for: "a")?.scalar?.value == .bool(true))
        #expect(doc.root.mappingValue(for: "b")?.scalar?.value == .string("true"))
        #expect(doc.root.mappingValue(for: "b")?.scalar?.style == .doubleQuoted)
        #expect(doc.root.mappingValue(for: "c")?.scalar?.value == .string("true"))
        #expect(doc.root.mappingValue(for: "c")?.scalar?.style == .singleQuoted)
        #expect(doc.root.mappingValue(for: "d")?.scalar?.value == .string("true\n"))
        #expect(doc.root.mappingValue(for: "e")?.scalar?.value == .string("true"))
        #expect(doc.root.mappingValue(for: "a")?.string == nil)
        #expect(doc.root.mappingValue(for: "b")?.string == "true")
    }

    @Test func quotedNumbersAndNullsAreStrings() throws {
        #expect(try value("\"12\"").value == .string("12"))
        #expect(try value("'~'").value == .string("~"))
        #expect(try value("\"\"").value == .string(""))
    }

    @Test(arguments: [
        ("!!str 12", YAMLScalar.Value.string("12"), "!!str"), ("!!str true", .string("true"), "!!str"),
        ("!!int \"12\"", .int(12), "!!int"), ("!!int 0x10", .int(16), "!!int"),
        ("!!float 3", .double(3), "!!float"), ("!!float '2.5'", .double(2.5), "!!float"),
        ("!!bool \"false\"", .bool(false), "!!bool"), ("!!null ''", .null, "!!null"),
        ("! 12", .string("12"), "!"), ("!!str", .string(""), "!!str"),
    ])
    func explicitCoreTagsAreHonoured(source: String, expected: YAMLScalar.Value, tag: String) throws {
        let doc = try YAMLLoader.load(text: "v: \(source)\n")
        let node = try #require(doc.root.mappingValue(for: "v"))
        #expect(node.scalar?.value == expected)
        #expect(node.tag == tag)
    }

    @Test func collectionTagsAreHonoured() throws {
        let doc = try YAMLLoader.load(text: "a: !!seq [1]\nb: !!map {k: v}\n")
        #expect(doc.root.mappingValue(for: "a")?.tag == "!!seq")
        #expect(doc.root.mappingValue(for: "a")?.sequence?.count == 1)
        #expect(doc.root.mappingValue(for: "b")?.tag == "!!map")
        #expect(doc.root.mappingValue(for: "b")?.mappingValue(for: "k")?.string == "v")
    }

    @Test func resolvePlainMatchesTheLoader() {
        #expect(YAMLScalar.resolvePlain("0o777") == .int(511))
        #expect(YAMLScalar.resolvePlain("off") == .string("off"))
        #expect(YAMLScalar.resolvePlain("0xFFFFFFFFFFFFFFFFF") == .string("0xFFFFFFFFFFFFFFFFF"))
        #expect(YAMLScalar(text: "12", style: .singleQuoted).value == .string("12"))
        #expect(YAMLScalar(text: "12").value == .int(12))
    }
}
