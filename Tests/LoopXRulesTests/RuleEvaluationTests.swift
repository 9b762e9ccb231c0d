import Testing
@testable import LoopXRules

@Suite struct RuleEvaluationTests {
    @Test func demoSetEvaluatesEveryStageInPipelineOrder() throws {
        let rules = try RuleSet.load(layers: [try RuleTestSupport.demo()], now: RuleTestSupport.now)
        let facts = try RuleTestSupport.facts(#"""
            {"job": {"id": "j1", "state": "running", "owner": "ana", "retries": 1, "budget_left": 2.0, "labels": []},
             "runs": [{"result": "failed", "finished_at": "x"}, {"result": "failed"}, {"result": "failed"}],
             "action": {"kind": "none", "paths": []}}
            """#)
        let result = rules.evaluate(decision: "tick", facts: facts, now: RuleTestSupport.now, trace: .on)
        #expect(result.error == nil)
        #expect(result.stages.map(\.stage) == ["triage", "budget", "advice", "alerts"])
        #expect(result.outputs["triage"]?.celLiteral == #"{"level": "urgent", "reason": "3 failed runs", "failures": 3, "rule_id": "triage.failing"}"#)
        #expect(result.outputs["advice"]?.celLiteral == #"{"mode": "investigate", "rule_id": "advice.investigate"}"#)
        print(result.markdown)
        print(JSONWriter(sortedKeys: true, pretty: true).string(result.json))
    }
}
