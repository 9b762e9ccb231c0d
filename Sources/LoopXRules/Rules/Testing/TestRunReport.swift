import LoopXSupport
/// The results of a fixture run with coverage, rendered as text, JSON or JUnit XML.
public struct TestRunReport: Sendable {
    public var results: [FixtureResult]
    /// Per enabled rule: how many fixtures made it fire and not fire.
    public var coverage: [RuleCoverage]

    public var passed: Int { results.filter { $0.status == .passed }.count }
    public var failed: Int { results.filter { $0.status == .failed || $0.status == .errored }.count }
    public var skipped: Int { results.filter { $0.status == .skipped }.count }

    /// Covered sides (fired, not fired) over twice the rule count, in percent.
    public var coveragePercent: Double {
        guard !coverage.isEmpty else { return 100 }
        let sides = coverage.reduce(0) { $0 + ($1.firedIn > 0 ? 1 : 0) + ($1.notFiredIn > 0 ? 1 : 0) }
        return Double(sides) * 100 / Double(coverage.count * 2)
    }

    public var unpaired: [RuleCoverage] { coverage.filter { !$0.isPaired } }

    /// `N passed, M failed` with `, K skipped` when any was skipped.
    public var summaryLine: String {
        "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
    }

    /// PASS/FAIL/SKIP lines with failure details, optional coverage, then the summary line.
    public func text(coverage showCoverage: Bool) -> String {
        var lines: [String] = []
        for result in results {
            switch result.status {
            case .passed: lines.append("PASS \(result.location): \(result.name)")
            case .skipped: lines.append("SKIP \(result.location): \(result.name) (\(result.reason ?? ""))")
            case .failed, .errored:
                lines.append("FAIL \(result.location): \(result.name)")
                if let reason = result.reason { lines.append("  " + reason) }
                for failure in result.failures {
                    lines += failure.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
                }
            }
        }
        if showCoverage { lines += coverageLines }
        lines.append(summaryLine)
        return lines.joined(separator: "\n") + "\n"
    }

    var coverageLines: [String] {
        var lines = ["", "coverage: \(Self.percent(coveragePercent)) of rules' fire/no-fire sides"]
        for rule in coverage {
            if rule.firedIn == 0 && rule.notFiredIn == 0 {
                lines.append("  gap  \(rule.id): not evaluated by any fixture")
                continue
            }
            let fired = rule.firedIn > 0 ? "fired in \(rule.firedIn)" : "NEVER FIRED"
            let missed = rule.notFiredIn > 0 ? "not fired in \(rule.notFiredIn)" : "ALWAYS FIRED"
            lines.append("  \(rule.isPaired ? "ok  " : "gap ") \(rule.id): \(fired), \(missed)")
        }
        lines.append("")
        return lines
    }

    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `{tests: [...], passed, failed, skipped, coverage: {percent, rules: [...]}}`.
    public var json: JSONValue {
        .object([
            "tests": .array(results.map { result in
                var object: JSONObject = [
                    "name": .string(result.name), "file": .string(result.file), "line": .int(Int64(result.line)),
                    "status": .string(result.status.rawValue), "failures": .array(result.failures.map { .string($0) }),
                ]
                if let reason = result.reason { object["reason"] = .string(reason) }
                return .object(object)
            }),
            "passed": .int(Int64(passed)), "failed": .int(Int64(failed)), "skipped": .int(Int64(skipped)),
            "coverage": .object([
                "percent": .double((coveragePercent * 10).rounded() / 10),
                "rules": .array(coverage.map {
                    .object(["id": .string($0.id), "stage": .string($0.stage), "fired_in": .int(Int64($0.firedIn)),
                             "not_fired_in": .int(Int64($0.notFiredIn))])
                }),
            ]),
        ])
    }

    /// JUnit XML: one `testsuite` per fixture file.
    public var junit: String {
        var files: [String] = []
        for result in results where !files.contains(result.file) { files.append(result.file) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites tests=\"\(results.count)\" failures=\"\(failed)\" skipped=\"\(skipped)\">\n"
        for file in files {
            let cases = results.filter { $0.file == file }
            let failures = cases.filter { $0.status == .failed || $0.status == .errored }.count
            let skips = cases.filter { $0.status == .skipped }.count
            out += "  <testsuite name=\"\(Self.xml(file))\" tests=\"\(cases.count)\" failures=\"\(failures)\" skipped=\"\(skips)\">\n"
            for result in cases {
                let seconds = Self.junitSeconds(nanoseconds: result.durationNanoseconds)
                out += "    <testcase classname=\"\(Self.xml(file))\" name=\"\(Self.xml(result.name))\" time=\"\(seconds)\""
                switch result.status {
                case .passed: out += "/>\n"
                case .skipped: out += ">\n      <skipped message=\"\(Self.xml(result.reason ?? ""))\"/>\n    </testcase>\n"
                case .failed, .errored:
                    let body = ([result.reason].compactMap { $0 } + result.failures).joined(separator: "\n")
                    let message = result.reason ?? result.failures.first?.split(separator: "\n").first.map(String.init) ?? ""
                    out += ">\n      <failure message=\"\(Self.xml(message))\">\(Self.xml(body))</failure>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// A duration as JUnit's `time`: decimal seconds with six fraction digits, never an exponent.
    static func junitSeconds(nanoseconds: UInt64) -> String {
        let micros = nanoseconds / 1_000
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    static func xml(_ text: String) -> String {
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
