/// The compact terminal timeline of `history --chart`: per goal, one column per run (oldest
/// left), a row of delivery scale glyphs and a row of outcome glyphs, plus a legend. Quota
/// spends and voids are bookkeeping, not delivery runs: they are counted, never drawn.
public enum HistoryChart {
    public static func lines(goal: String, runs allRuns: [RunRecord]) -> [String] {
        let runs = allRuns.filter { !$0.isSpendBookkeeping }
        let spends = allRuns.count - runs.count
        let ordered = runs.reversed()
        let scale = String(ordered.map { DeliveryLabels.scaleGlyph(DeliveryLabels.scale(of: $0)) })
        let outcome = String(ordered.map { DeliveryLabels.outcomeGlyph($0.deliveryOutcome) })
        let reward = String(ordered.map { $0.humanReward == nil ? " " : ($0.lesson == nil ? "r" : "L") })
        let skipped = spends == 0 ? "" : "; \(spends) quota \(spends == 1 ? "spend" : "spends") not drawn"
        var out = ["\(goal) (\(runs.count) runs, oldest → newest\(skipped))", "  scale   |\(scale)|", "  outcome |\(outcome)|"]
        if reward.contains(where: { $0 != " " }) { out.append("  reward  |\(reward)|") }
        out.append("  legend: t test_only, s single_surface, M multi_surface, I implementation, ? unknown;"
            + " * primary_goal_outcome, + outcome_progress, ~ surface_only, - outcome_gap, . none; r reward, L lesson")
        return out
    }
}
