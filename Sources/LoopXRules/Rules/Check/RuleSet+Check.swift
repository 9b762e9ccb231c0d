import LoopXSupport
extension RuleSet {
    /// The lint of `loopx rules check`, beyond what every load enforces (`typeCheck()`):
    /// rules that can never fire, and the linter's findings. Includes the load's warnings;
    /// sorted by file and position.
    public func check() -> [Diagnostic] {
        var sink = DiagnosticSink()
        for warning in warnings where warning.severity != .error { sink.add(warning) }
        for stage in orderedStages {
            checkReachability(stage, &sink)
            lint(stage, &sink)
        }
        lintDecisionVariables(&sink)
        return sink.sorted
    }

    /// In a first_match stage, a rule after one whose `when` is literally `true`, or the same
    /// condition, can never decide.
    private func checkReachability(_ stage: Stage, _ sink: inout DiagnosticSink) {
        guard stage.mode == .firstMatch else { return }
        var earlier: [Rule] = []
        for rule in stage.rules where !rule.isDisabled {
            if let always = earlier.first(where: { $0.when.isLiteralTrue }) {
                sink.add(diagnostic(
                    "rule '\(rule.id)' can never fire: '\(always.id)' (\(always.origin)) runs before it and its condition is always true",
                    path: rule.when.origin.path, at: rule.when.origin.position, severity: .warning))
            } else if let same = earlier.first(where: { $0.when.normalizedSource == rule.when.normalizedSource }) {
                sink.add(diagnostic(
                    "rule '\(rule.id)' can never fire: '\(same.id)' (\(same.origin)) runs before it with the identical condition",
                    path: rule.when.origin.path, at: rule.when.origin.position, severity: .warning))
            }
            earlier.append(rule)
        }
    }
}
