import LoopXSupport
import Testing
@testable import LoopXRules

@Suite struct ExprProtocolTests {
    func answer(_ line: String) -> String {
        var evaluator = JSONLEvaluator()
        var out: [UInt8] = []
        var copy = line
        copy.withUTF8 { evaluator.process(line: $0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test(arguments: [
        (#"{"id":"1","expr":"x + 1","bindings":{"x":{"int64Value":"41"}}}"#, #"{"id":"1","value":{"int64Value":"42"}}"#),
        (#"{"id":"2","expr":"x","bindings":{"x":{"uint64_value":7}}}"#, #"{"id":"2","value":{"uint64Value":"7"}}"#),
        (#"{"expr":"[1.5, 'a', b'\\xff', null]","id":"3"}"#,
         #"{"id":"3","value":{"listValue":{"values":[{"doubleValue":1.5},{"stringValue":"a"},{"bytesValue":"/w=="},{"nullValue":null}]}}}"#),
        (#"{"id":"4","expr":"{'k': true}"}"#,
         #"{"id":"4","value":{"mapValue":{"entries":[{"key":{"stringValue":"k"},"value":{"boolValue":true}}]}}}"#),
        (#"{"id":"5","expr":"t + duration('1.5s')","bindings":{"t":{"objectValue":{"@type":"type.googleapis.com/google.protobuf.Timestamp","value":"2026-01-01T00:00:00Z"}}}}"#,
         #"{"id":"5","value":{"objectValue":{"@type":"type.googleapis.com/google.protobuf.Timestamp","value":"2026-01-01T00:00:01.500Z"}}}"#),
        (#"{"id":"6","expr":"y","container":"x","bindings":{"x.y":{"boolValue":true}}}"#, #"{"id":"6","value":{"boolValue":true}}"#),
        (#"{"id":"7","expr":"1/0"}"#, #"{"error":"division by zero","id":"7"}"#),
        (#"{"id":"8","expr":"optional.of(1)"}"#, #"{"error":"an optional value has no JSON form","id":"8"}"#),
        (#"{"id":"9","expr":"1 +"}"#, #"{"error":"compile error: unexpected end of expression (at offset 3)","id":"9"}"#),
        (#"{"id":"10","expr":"x","bindings":{"x":{"enumValue":{"value":1}}}}"#, #"{"error":"malformed request: unsupported VALUE kind","id":"10"}"#),
        ("not json", #"{"error":"malformed request: expected '{' at byte 0","id":null}"#),
        (#"{"id":"11","expr":"type(1.0)"}"#, #"{"id":"11","value":{"typeValue":"double"}}"#),
        (#"{"id":"12","expr":"double('NaN')"}"#, #"{"id":"12","value":{"doubleValue":"NaN"}}"#),
    ])
    func answersOneLinePerRequest(request: String, response: String) {
        #expect(answer(request) == response + "\n")
    }

    @Test func convertsPlainJSONBothWays() throws {
        let json = try JSONParser.parse(#"{"a":[1,2.5,"x",null,true],"b":{"c":{}}}"#)
        let v = Value(json: json)
        #expect(v.celLiteral == #"{"a": [1, 2.5, "x", null, true], "b": {"c": {}}}"#)
        #expect(v.plainJSON == json)
        let ts = Value.timestamp(try #require(CELTimestamp(rfc3339: "2026-01-01T00:00:00.25Z")))
        #expect(ts.plainJSON == .string("2026-01-01T00:00:00.25Z"))
        #expect(Value.duration(CELDuration.nanoseconds(1_500_000_000)).plainJSON == .string("1.5s"))
        #expect(Value.uint(7).plainJSON == .int(7))
        #expect(Value.bytes([104, 105]).plainJSON == .string("aGk="))
    }

    @Test func introspectsConjunctsAndReferences() throws {
        let src = "goal.adapter.kind == 'codex' && history.exists(r, r.ok) && has(quota.state)"
        let p = try Program.compileReportingOffsets(src)
        #expect(p.conjuncts.map(\.text) == ["goal.adapter.kind == 'codex'", "history.exists(r, r.ok)", "has(quota.state)"])
        #expect(p.references.map(\.path) == ["goal.adapter.kind", "history", "quota.state"])
        let first = try #require(p.references.first)
        #expect(p.text(of: first.id) == "goal.adapter.kind")
        #expect(first.range == 0..<17)
    }
}
