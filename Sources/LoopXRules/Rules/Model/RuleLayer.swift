import LoopXSupport
/// The four places rules come from, in the order they apply (later overrides earlier).
public enum RuleLayerKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case builtin, user, project, cli

    /// 0 for builtin up to 3 for cli.
    public var rank: Int {
        switch self {
        case .builtin: return 0
        case .user: return 1
        case .project: return 2
        case .cli: return 3
        }
    }

    public static func < (lhs: RuleLayerKind, rhs: RuleLayerKind) -> Bool { lhs.rank < rhs.rank }
}

/// One rule file as read from disk: the path shown in messages and traces, and its text.
public struct RuleSourceFile: Sendable, Hashable {
    /// The path printed in diagnostics and `source` fields.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// A layer's files, already read (the engine itself does no file I/O, so it stays pure).
///
/// The `builtin` layer holds the stage files plus `pipeline.yaml` and `facts.yaml`; the other
/// layers hold override files (`overrides:`, `profile:`, `rules:` with a `stage:` per rule).
public struct RuleLayerSource: Sendable {
    public var kind: RuleLayerKind
    public var files: [RuleSourceFile]

    public init(kind: RuleLayerKind, files: [RuleSourceFile]) {
        self.kind = kind
        self.files = files
    }
}

/// Where a rule, stage or field was declared: its layer and `path:line`.
public struct RuleOrigin: Sendable, Hashable, CustomStringConvertible {
    public var layer: RuleLayerKind
    public var path: String
    public var position: SourcePosition

    public init(layer: RuleLayerKind, path: String, position: SourcePosition) {
        self.layer = layer
        self.path = path
        self.position = position
    }

    /// `path:line`, the form used in traces.
    public var description: String { "\(path):\(position.line)" }
}
