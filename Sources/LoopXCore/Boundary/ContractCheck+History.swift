/// The run-history part of `loopx check`: every registered goal's index read in full, with
/// counts of runs, reward overlays, duplicate rows and unparseable lines.
extension ContractCheck {
    func addRunHistory(_ store: GoalStore, to report: inout CheckReport) {
        var goals = 0
        var runs = 0
        var overlays = 0
        var invalid = 0
        for goal in store.registry.goals {
            guard let id = goal.goalID else { continue }
            let history = store.history(id)
            guard history.indexExists else { continue }
            let scan = history.scanAll()
            goals += 1
            runs += scan.runs.count
            overlays += scan.overlayRows
            invalid += scan.invalidCount
            if scan.duplicateRows > 0 {
                report.warnings.append("duplicate run-history rows: \(id.rawValue): \(scan.duplicateRows)")
            }
            if scan.invalidCount > 0 {
                let torn = scan.tornLastLine ? " (last line torn)" : ""
                report.warnings.append("invalid run-history lines: \(id.rawValue): \(scan.invalidCount)\(torn)")
            }
        }
        report.runHistoryInvalidLines = invalid
        report.checks.append("run-history goals=\(goals) runs=\(runs)")
        report.checks.append("reward overlay rows: \(overlays)")
    }
}
