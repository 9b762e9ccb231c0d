import LoopXRules
import LoopXSupport

/// The `prompt:` guidance of the rules that decided a should-run tick, so a thin heartbeat
/// body can defer to the rules instead of carrying every branch inline.
extension ShouldRunReport {
    /// One entry per deciding rule with a `prompt:` in the heartbeat, obligation and
    /// delivery-contract stages, in stage order.
    public static func guidance(_ result: DecisionResult, ruleSet: RuleSet) -> [JSONValue] {
        let stages = HeartbeatGuidance.stages.filter { $0 != "boundary_gates" }
        var out: [JSONValue] = []
        for stage in stages {
            for reference in result.stage(stage)?.decided ?? [] {
                guard let text = ruleSet.rule(id: reference.id)?.prompt?.trimmingWhitespace, !text.isEmpty else { continue }
                out.append(["stage": .string(stage), "rule": .string(reference.id), "prompt": .string(text.replacing("\n", with: " "))])
            }
        }
        return out
    }
}
