extension TestRunReport {
    /// Several runs as one: results in order, and per rule (the union of the runs' rules, in
    /// first-seen order) the fixtures of every run that made it fire and not fire.
    public static func combined(_ reports: [TestRunReport]) -> TestRunReport {
        var coverage: [RuleCoverage] = []
        var index: [String: Int] = [:]
        for report in reports {
            for entry in report.coverage {
                if let at = index[entry.id] {
                    coverage[at].firedIn += entry.firedIn
                    coverage[at].notFiredIn += entry.notFiredIn
                } else {
                    index[entry.id] = coverage.count
                    coverage.append(entry)
                }
            }
        }
        return TestRunReport(results: reports.flatMap(\.results), coverage: coverage)
    }
}
