import LoopXRules
import LoopXSupport

/// `loopx rules check`: every error and warning of every layer.
public struct RulesCheckReport: Report {
    public var diagnostics: [Diagnostic]
    public var ruleCount: Int
    public var stageCount: Int

    public init(diagnostics: [Diagnostic], ruleCount: Int, stageCount: Int) {
        self.diagnostics = diagnostics
        self.ruleCount = ruleCount
        self.stageCount = stageCount
    }

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }

    public var ok: Bool { errors == 0 }

    public var json: JSONValue {
        .object([
            "ok": .bool(ok), "rules": .int(Int64(ruleCount)), "stages": .int(Int64(stageCount)),
            "errors": .int(Int64(errors)), "warnings": .int(Int64(warnings)),
            "diagnostics": .array(diagnostics.map {
                .object(["path": .string($0.path), "line": .int(Int64($0.position.line)),
                         "column": .int(Int64($0.position.column)), "severity": .string($0.severity.rawValue),
                         "message": .string($0.message), "rendered": .string($0.rendered)])
            }),
        ])
    }

    public var markdown: String {
        var text = diagnostics.map(\.rendered).joined(separator: "\n")
        if !text.isEmpty { text += "\n\n" }
        return text + "\(ruleCount) rules in \(stageCount) stages: \(errors) error(s), \(warnings) warning(s)\n"
    }
}
