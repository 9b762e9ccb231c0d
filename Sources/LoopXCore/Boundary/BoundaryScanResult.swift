import LoopXRules
import LoopXSupport

/// Something the scan could not judge or that needs a person's attention without blocking.
public struct BoundaryWarning: Sendable, Hashable, Comparable {
    /// `private_state_not_gitignored`, `file_too_large`, `unreadable_file`,
    /// `unreadable_directory`, `git_unavailable`.
    public var code: String
    public var path: String

    public init(code: String, path: String) {
        self.code = code
        self.path = path
    }

    public var rendered: String { "\(path): \(code)" }

    public var json: JSONValue { .object(["code": .string(code), "path": .string(path)]) }

    public static func < (lhs: BoundaryWarning, rhs: BoundaryWarning) -> Bool {
        (lhs.path, lhs.code) < (rhs.path, rhs.code)
    }
}

/// Files the scan did not read, by reason.
public struct BoundarySkipCounts: Sendable, Equatable {
    public var binary = 0
    public var tooLarge = 0
    public var unreadable = 0
    /// Private-state directories and files (untracked) left alone.
    public var privateState = 0
    /// Generated or vendored directories not entered.
    public var directories = 0

    public init() {}

    public var json: JSONValue {
        .object([
            "binary": .int(Int64(binary)), "too_large": .int(Int64(tooLarge)),
            "unreadable": .int(Int64(unreadable)), "private_state": .int(Int64(privateState)),
            "directories": .int(Int64(directories)),
        ])
    }
}

/// The result of a public/private boundary scan. It holds locations and rule names only.
public struct BoundaryScanResult: Sendable, Equatable {
    /// The roots as shown (relative to the display base when inside it).
    public var scanRoots: [String]
    /// Errors and warnings, sorted by path, line, rule. Notes (credential references) are
    /// only counted: a tree full of `$TOKEN` would otherwise bury the real hits.
    public var findings: [BoundaryFinding]
    public var warnings: [BoundaryWarning]
    /// Files not read because they are binary (as shown, sorted); `skipped.binary` counts them.
    public var binaryFiles: [String] = []
    public var filesScanned: Int
    public var skipped: BoundarySkipCounts
    /// Whether git told the scan which files are tracked.
    public var usedGit: Bool

    /// A result with nothing in it, for a worker to fill.
    static var empty: BoundaryScanResult {
        BoundaryScanResult(scanRoots: [], findings: [], warnings: [], filesScanned: 0, skipped: BoundarySkipCounts(), usedGit: false)
    }

    /// Adds a worker's file counts, findings and warnings to this result.
    mutating func absorb(_ other: BoundaryScanResult) {
        findings += other.findings
        warnings += other.warnings
        filesScanned += other.filesScanned
        referencesDowngraded += other.referencesDowngraded
        allowedByPragma += other.allowedByPragma
        skipped.binary += other.skipped.binary
        binaryFiles += other.binaryFiles
        skipped.tooLarge += other.skipped.tooLarge
        skipped.unreadable += other.skipped.unreadable
    }

    /// Findings that block publication.
    public var blocking: [BoundaryFinding] { findings.filter { $0.severity == .error } }

    /// No blocking finding.
    public var clean: Bool { !findings.contains { $0.severity == .error } }

    /// Blocking findings per rule; every rule is present, with 0 when it did not fire.
    public var countsByRule: [BoundaryRule: Int] {
        var counts = Dictionary(uniqueKeysWithValues: BoundaryRule.allCases.map { ($0, 0) })
        for finding in findings where finding.severity == .error { counts[finding.rule, default: 0] += 1 }
        return counts
    }

    /// Credential hits that were only references (`$TOKEN`, placeholders) and so downgraded.
    public var referencesDowngraded = 0
    /// Findings waived by a `loopx-boundary: allow` pragma on their line.
    public var allowedByPragma = 0

    public var json: JSONValue {
        var counts = JSONObject()
        for (rule, count) in countsByRule.sorted(by: { $0.key < $1.key }) { counts[rule.rawValue] = .int(Int64(count)) }
        return .object([
            "clean": .bool(clean),
            "scan_roots": .array(scanRoots.map(JSONValue.string)),
            "files_scanned": .int(Int64(filesScanned)),
            "files_skipped": skipped.json,
            "binary_files": .array(binaryFiles.map(JSONValue.string)),
            "used_git": .bool(usedGit),
            "blocking_count": .int(Int64(blocking.count)),
            "counts_by_rule": .object(counts),
            "credential_references_downgraded": .int(Int64(referencesDowngraded)),
            "allowed_by_pragma": .int(Int64(allowedByPragma)),
            "findings": .array(findings.map(\.json)),
            "warnings": .array(warnings.map(\.json)),
        ])
    }
}
