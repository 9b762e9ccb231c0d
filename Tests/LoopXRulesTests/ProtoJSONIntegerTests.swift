import Testing
@testable import LoopXRules

/// `int64Value` / `uint64Value` bindings of the `--jsonl` protocol: quoted decimals, numbers,
/// and numbers written as doubles that are exactly an integer of the type.
@Suite struct ProtoJSONIntegerTests {
    func answer(_ binding: String) -> String {
        var evaluator = JSONLEvaluator()
        var out: [UInt8] = []
        var line = #"{"id":"1","expr":"x","bindings":{"x":"# + binding + "}}"
        line.withUTF8 { evaluator.process(line: $0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test(arguments: [
        (#"{"int64Value":"-42"}"#, #"{"int64Value":"-42"}"#),
        (#"{"int64Value":1e3}"#, #"{"int64Value":"1000"}"#),
        (#"{"int64Value":-9.2e18}"#, #"{"int64Value":"-9200000000000000000"}"#),
        // Integral doubles up to the type's limit, not an approximate bound below it.
        (#"{"int64Value":9.22e18}"#, #"{"int64Value":"9220000000000000000"}"#),
        (#"{"uint64Value":1.8e19}"#, #"{"uint64Value":"18000000000000000000"}"#),
        (#"{"uint64Value":"18446744073709551615"}"#, #"{"uint64Value":"18446744073709551615"}"#),
    ])
    func readsIntegers(binding: String, value: String) {
        #expect(answer(binding) == #"{"id":"1","value":"# + value + "}\n")
    }

    @Test(arguments: [
        (#"{"int64Value":1.5}"#, "bad int64Value 1.5"),
        (#"{"int64Value":9.3e18}"#, "bad int64Value 9.3e18"),
        (#"{"int64Value":"x"}"#, "bad int64Value 'x'"),
        (#"{"uint64Value":-1}"#, "bad uint64Value -1"),
        (#"{"uint64Value":1.9e19}"#, "bad uint64Value 1.9e19"),
    ])
    func rejectsOthers(binding: String, message: String) {
        #expect(answer(binding).contains(message))
    }
}
