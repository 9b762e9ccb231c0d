import LoopXRules
import LoopXSupport

/// One hit of the boundary scan: where and which rule. It deliberately has no field for the
/// matched text, so no report can print a secret it found.
public struct BoundaryFinding: Sendable, Hashable, Comparable {
    /// The file, relative to the scan's display base when inside it.
    public var path: String
    /// 1-based line; 0 when the finding concerns the whole file.
    public var line: Int
    public var rule: BoundaryRule
    public var severity: BoundarySeverity

    public init(path: String, line: Int, rule: BoundaryRule, severity: BoundarySeverity) {
        self.path = path
        self.line = line
        self.rule = rule
        self.severity = severity
    }

    /// `path:line: rule`, the one text form of a hit.
    public var rendered: String { "\(path):\(line): \(rule.rawValue)" }

    public var json: JSONValue {
        .object([
            "path": .string(path), "line": .int(Int64(line)),
            "rule": .string(rule.rawValue), "severity": .string(severity.rawValue),
        ])
    }

    public static func < (lhs: BoundaryFinding, rhs: BoundaryFinding) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        return lhs.rule < rhs.rule
    }
}
