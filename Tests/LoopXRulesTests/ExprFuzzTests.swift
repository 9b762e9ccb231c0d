import Foundation
import LoopXSupport
import Testing
@testable import LoopXRules

/// Feeds many generated and mutated expressions through compile and evaluate: nothing may
/// crash, hang or grow without bound; every outcome is a value, an error value or diagnostics.
@Suite struct ExprFuzzTests {
    /// A small deterministic generator (SplitMix64) so failures reproduce.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    }

    static let atoms = ["0", "1", "-1", "2u", "1.5", "'a'", "''", "b'x'", "true", "false", "null", "x", "l", "m",
                        "[]", "{}", "[1, 2]", "{'k': 1}", "9223372036854775807", "duration('1s')",
                        "timestamp('2020-01-01T00:00:00Z')", "optional.none()", "double('NaN')"]
    static let binary = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "in"]
    static let calls = ["size(%)", "string(%)", "int(%)", "uint(%)", "double(%)", "type(%)", "dyn(%)", "%.size()",
                        "%.contains('a')", "%.matches('a+')", "has(%.k)", "%.all(v, v == v)", "%.map(v, [v])",
                        "%.filter(v, true)", "%.exists_one(v, false)", "cel.bind(z, %, [z, z])", "%[0]", "%['k']",
                        "%.?k", "optional.of(%)", "math.greatest(%, 1)", "%.streak(v, true)", "tokens(string(%))",
                        "%.transformList(i, v, v)", "(% ? 1 : 2)", "!%", "-%", "%.take(1)", "%.reverse()"]

    static func generate(_ rng: inout Rng, depth: Int) -> String {
        if depth <= 0 || rng.int(4) == 0 { return rng.pick(atoms) }
        switch rng.int(3) {
        case 0: return generate(&rng, depth: depth - 1) + " " + rng.pick(binary) + " " + generate(&rng, depth: depth - 1)
        case 1: return rng.pick(calls).replacingOccurrences(of: "%", with: generate(&rng, depth: depth - 1))
        default: return "[" + generate(&rng, depth: depth - 1) + ", " + generate(&rng, depth: depth - 1) + "]"
        }
    }

    static func mutate(_ source: String, _ rng: inout Rng) -> String {
        var scalars = Array(source.unicodeScalars)
        let noise: [Unicode.Scalar] = ["(", ")", "[", "]", "{", "}", ".", "?", ":", "'", "\"", "\\", "!", "-", "0",
                                       "a", " ", ",", "é", "`"]
        for _ in 0..<(1 + rng.int(3)) {
            let at = rng.int(scalars.count + 1)
            switch rng.int(3) {
            case 0: scalars.insert(rng.pick(noise), at: min(at, scalars.count))
            case 1: if at < scalars.count { scalars.remove(at: at) }
            default:
                if at < scalars.count { scalars[at] = rng.pick(noise) }
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    static let bindings = Activation([
        "x": .int(3), "l": .list([.int(1), .string("a"), .null]),
        "m": .map([("k", .list([.int(1)])), ("n", .map([("k", .bool(true))]))]),
    ])

    /// Compiles and evaluates; returns whether the outcome was well-formed.
    static func run(_ source: String) -> Bool {
        do {
            let p = try Program.compileReportingOffsets(source)
            let v = p.evaluate(bindings)
            _ = v.celLiteral
            _ = p.references
            return true
        } catch {
            return !error.errors.isEmpty && error.errors.allSatisfy { $0.utf8Offset >= 0 && $0.utf8Offset <= source.utf8.count }
        }
    }

    static func conformanceSources() -> [String] {
        let root = URL(fileURLWithPath: "/work/shared/conformance/cases")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var out: [String] = []
        for case let url as URL in walker where url.pathExtension == "jsonl" {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                if let json = try? JSONParser.parse(String(line)), let expr = json["expr"]?.stringValue {
                    out.append(expr)
                }
            }
        }
        return out
    }

    @Test func generatedExpressionsNeverCrash() {
        var rng = Rng(state: 42)
        for _ in 0..<3000 {
            let source = Self.generate(&rng, depth: 4)
            #expect(Self.run(source), "\(source)")
        }
    }

    @Test func mutatedExpressionsNeverCrash() {
        var rng = Rng(state: 7)
        // The shared conformance sources when present (skipped gracefully otherwise), plus our own.
        var seeds = Self.conformanceSources()
        seeds += ["history.streak(r, r.outcome == 'x') >= 3", "goal.?quota.?compute.orValue(1.0) > 0.5",
                  "'%s/%d'.format(['a', 1])", "tokens('Fix the parser').intersect(['parser'])",
                  "timestamp('2020-01-01T00:00:00Z').getHours('+05:30')", "r\"\\d+\"", "b'\\xff'"]
        for (i, seed) in seeds.enumerated() where i % 2 == 0 || seeds.count < 400 {
            for _ in 0..<3 {
                let source = Self.mutate(seed, &rng)
                #expect(Self.run(source), "\(source)")
            }
        }
    }

    @Test func randomBytesNeverCrash() {
        var rng = Rng(state: 99)
        for _ in 0..<2000 {
            let bytes = (0..<rng.int(40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let source = String(decoding: bytes, as: UTF8.self)
            #expect(Self.run(source))
        }
    }
}
