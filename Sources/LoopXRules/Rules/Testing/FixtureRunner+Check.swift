import LoopXSupport
extension FixtureRunner {
    /// Every failed expectation of a fixture, each with expected, actual and the near miss.
    func check(_ fixture: Fixture, _ outcome: DecisionResult, assembled: JSONValue?) -> [String] {
        var failures: [String] = []
        var explained = Set<String>()
        for expectation in fixture.expectations {
            let segments = expectation.path.split(separator: ".").map(String.init)
            let actual: JSONValue?
            if let stage = outcome.stage(segments[0]) {
                actual = OutputMatching.lookup(segments.dropFirst(), in: stage.output.plainJSON)
            } else {
                actual = assembled.flatMap { OutputMatching.lookup(segments[...], in: $0) }
            }
            if let actual, OutputMatching.matches(expectation.value, actual) { continue }
            var lines = [
                "expected \(expectation.path) = \(OutputMatching.text(expectation.value))",
                "     got \(OutputMatching.text(actual))",
            ]
            if let stage = outcome.stage(segments[0]), explained.insert(stage.stage).inserted { lines += explanation(of: stage) }
            failures.append(lines.joined(separator: "\n"))
        }
        let fired = Set(outcome.firedRuleIDs)
        for expectation in fixture.ruleExpectations where fired.contains(expectation.id) != expectation.fires {
            var lines = ["expected rule \(expectation.id) \(expectation.fires ? "to fire" : "not to fire"), but it "
                + (expectation.fires ? "did not" : "did")]
            for stage in outcome.stages {
                for trace in stage.rules where trace.rule.id == expectation.id {
                    lines += trace.markdownLines(indent: "  ")
                }
            }
            if lines.count == 1 { lines.append("  (its stage is not part of decision '\(outcome.decision)')") }
            failures.append(lines.joined(separator: "\n"))
        }
        return failures
    }

    /// The stage's deciding rules and every rule's traced outcome, as explanation lines.
    private func explanation(of stage: StageResult) -> [String] {
        let decided = stage.decided.map(\.id).joined(separator: ", ")
        var lines = ["  stage \(stage.stage): " + (decided.isEmpty ? "no rule matched" : "decided by \(decided)")]
        for trace in stage.rules { lines += trace.markdownLines(indent: "  ") }
        return lines
    }
}
