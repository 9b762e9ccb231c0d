import LoopXRules
import LoopXSupport

/// The result of `loopx check`: errors block (`ok` false), warnings inform, checks record what
/// passed. Every line names a location and a rule or code, never a secret's text.
public struct CheckReport: Report, Sendable {
    public var registryPath: String
    public var runtimeRoot: String
    public var errors: [String] = []
    public var warnings: [String] = []
    public var checks: [String] = []
    public var scan: BoundaryScanResult
    public var registryBoundary: RegistryBoundary?
    /// Registry problems as structured diagnostics (`code`, `message`, ...).
    public var registryProblems: [JSONValue] = []
    /// Invalid (unparseable) lines across the run-history indexes of registered goals.
    public var runHistoryInvalidLines = 0

    public init(registryPath: String, runtimeRoot: String, scan: BoundaryScanResult) {
        self.registryPath = registryPath
        self.runtimeRoot = runtimeRoot
        self.scan = scan
    }

    public var ok: Bool { errors.isEmpty }

    /// How many skipped binary files the Markdown lists by name (the JSON lists all).
    static let binaryFilesShown = 50

    public var json: JSONValue {
        .object([
            "ok": .bool(ok),
            "registry": .string(registryPath),
            "runtime_root": .string(runtimeRoot),
            "scan_roots": .array(scan.scanRoots.map(JSONValue.string)),
            "summary": .object([
                "errors": .int(Int64(errors.count)), "warnings": .int(Int64(warnings.count)),
                "checks": .int(Int64(checks.count)),
            ]),
            "errors": .array(errors.map(JSONValue.string)),
            "warnings": .array(warnings.map(JSONValue.string)),
            "checks": .array(checks.map(JSONValue.string)),
            "public_boundary_scan": scan.json,
            "registry_boundary": registryBoundary?.json ?? .null,
            "registry_problems": .array(registryProblems),
            "run_history_invalid_lines": .int(Int64(runHistoryInvalidLines)),
        ])
    }

    public var markdown: String {
        var lines = [
            "# loopx check", "",
            "- ok: \(ok)",
            "- registry: \(registryPath)",
            "- runtime root: \(runtimeRoot)",
            "- scan roots: \(scan.scanRoots.joined(separator: ", "))",
            "- summary: \(errors.count) errors, \(warnings.count) warnings, \(checks.count) checks",
        ]
        for (title, items) in [("Errors", errors), ("Warnings", warnings), ("Checks", checks)] {
            lines += ["", "## \(title)", ""]
            lines += items.isEmpty ? ["- none"] : items.map { "- \($0)" }
        }
        lines += ["", "## Public boundary scan", ""]
        let skipped = scan.skipped
        lines.append("- files scanned: \(scan.filesScanned)")
        lines.append("- files skipped: \(skipped.binary) binary, \(skipped.tooLarge) too large, \(skipped.unreadable) unreadable")
        if !scan.binaryFiles.isEmpty {
            lines.append("- warning: \(scan.binaryFiles.count) binary files were not read:")
            let shown = scan.binaryFiles.prefix(CheckReport.binaryFilesShown)
            lines += shown.map { "  - \($0)" }
            if scan.binaryFiles.count > shown.count {
                lines.append("  - … and \(scan.binaryFiles.count - shown.count) more (all in `public_boundary_scan.binary_files` of `--format json`)")
            }
        }
        lines.append("- private-state paths skipped: \(skipped.privateState); directories skipped: \(skipped.directories)")
        lines.append("- credential references downgraded: \(scan.referencesDowngraded)")
        lines += ["", "| rule | blocking hits |", "|---|---|"]
        for (rule, count) in scan.countsByRule.sorted(by: { $0.key < $1.key }) { lines.append("| \(rule.rawValue) | \(count) |") }
        if let boundary = registryBoundary {
            lines += ["", "## Registry boundary", ""]
            lines.append("- classification: \(boundary.classification.rawValue)")
            lines.append("- private markers: \(boundary.markers.count)\(boundary.markers.count >= RegistryBoundary.markerLimit ? "+" : "")")
            for marker in boundary.markers { lines.append("  - \(marker.location): \(marker.kind)") }
            let risks = boundary.risks.map { "\($0.code)\($0.blocking ? " (blocking)" : "")" }
            lines.append("- risks: \(risks.isEmpty ? "none" : risks.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}
