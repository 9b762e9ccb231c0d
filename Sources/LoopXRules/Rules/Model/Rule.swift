import LoopXSupport
/// A compiled rule with everything traces and `rules effective` show about it. A class: the
/// evaluator walks rules on every decision, and sharing beats copying twenty fields.
public final class Rule: Sendable {
    public let id: String
    public let stage: String
    public let name: String?
    public let description: String?
    public let priority: Int
    public let when: RuleExpression
    public let then: ThenTemplate
    /// `then` already evaluated when it holds no expression.
    let constantThen: Value?
    /// Guidance rendered into heartbeat prompts.
    public let prompt: String?
    /// The role of `prompt` in the heartbeat body, as declared (`guidance:`).
    public let guidance: RuleGuidance?
    public let locked: Bool
    /// The rule's own `on_error`, else the stage's.
    public let onError: OnErrorPolicy
    public let origin: RuleOrigin
    /// The `overrides.patch` entries applied, in layer order.
    public let patchedBy: [RuleOrigin]
    /// Set when a later layer disabled the rule: the rule stays listed and traces say `disabled`.
    public let disabledBy: RuleOrigin?
    /// The active waiver that allowed a later layer to weaken or disable this locked rule.
    public let waiver: Waiver?
    /// Whether this is its stage's `otherwise:` (always matches, runs last).
    public let isOtherwise: Bool
    /// The file that defines the rule and the lines its entry spans.
    private let definition: (source: SourceText, lines: ClosedRange<Int>)

    /// The rule's YAML as written (whole lines of its defining file).
    public var yaml: String {
        definition.lines.compactMap { definition.source.line($0) }.joined(separator: "\n")
    }

    init(
        id: String, stage: String, name: String?, description: String?, priority: Int, when: RuleExpression,
        then: ThenTemplate, constantThen: Value?, prompt: String?, guidance: RuleGuidance?, locked: Bool, onError: OnErrorPolicy,
        origin: RuleOrigin, patchedBy: [RuleOrigin], disabledBy: RuleOrigin?, waiver: Waiver?, isOtherwise: Bool = false,
        definition: (source: SourceText, lines: ClosedRange<Int>)
    ) {
        self.id = id
        self.stage = stage
        self.name = name
        self.description = description
        self.priority = priority
        self.when = when
        self.then = then
        self.constantThen = constantThen
        self.prompt = prompt
        self.guidance = guidance
        self.locked = locked
        self.onError = onError
        self.origin = origin
        self.patchedBy = patchedBy
        self.disabledBy = disabledBy
        self.waiver = waiver
        self.isOtherwise = isOtherwise
        self.definition = definition
    }

    /// The path of the defining file and the lines of the rule's entry.
    var definitionLines: (path: String, lines: ClosedRange<Int>) { (definition.source.path, definition.lines) }

    public var isDisabled: Bool { disabledBy != nil }

    /// The layer that last shaped the rule (its own, or the last patch's or disable's).
    public var effectiveLayer: RuleLayerKind {
        ([origin.layer] + patchedBy.map(\.layer) + [disabledBy?.layer].compactMap { $0 }).max() ?? origin.layer
    }
}

/// A named, lazily evaluated expression of a stage.
public struct StageVariable: Sendable {
    public let name: String
    public let expression: RuleExpression
    /// Indexes of the earlier variables this one reads (directly).
    let dependencies: [Int]
    /// What the name evaluates to in later stages (an error: variables belong to their stage).
    let hidden: Value

    static func hiddenValue(_ name: String, stage: String) -> Value {
        .err("variable '\(name)' belongs to stage '\(stage)'")
    }
}

/// A compiled stage: its mode, defaults, variables and rules in run order.
public final class Stage: Sendable {
    public let name: String
    public let description: String?
    public let mode: StageMode
    public let onError: OnErrorPolicy
    public let defaults: ThenTemplate
    let constantDefaults: Value?
    public let variables: [StageVariable]
    /// Rules in run order (priority, then id), disabled ones included.
    public let rules: [Rule]
    public let origin: RuleOrigin
    /// For each rule (parallel to `rules`): the indexes of the variables its `when`/`then` need,
    /// dependencies included, in definition order.
    let neededVariables: [[Int]]
    /// The variables the `defaults` expressions need (when they have any).
    let defaultsNeed: [Int]
    /// For each rule (parallel to `rules`): the decision variables (`pipeline.yaml`) its
    /// expressions and the stage variables it needs read, dependencies included, in order.
    let neededShared: [[Int]]
    /// The decision variables the `defaults` expressions (and their stage variables) read.
    let defaultsNeedShared: [Int]

    init(
        name: String, description: String?, mode: StageMode, onError: OnErrorPolicy, defaults: ThenTemplate,
        constantDefaults: Value?, variables: [StageVariable], rules: [Rule], origin: RuleOrigin, neededVariables: [[Int]],
        defaultsNeed: [Int], neededShared: [[Int]], defaultsNeedShared: [Int]
    ) {
        self.name = name
        self.description = description
        self.mode = mode
        self.onError = onError
        self.defaults = defaults
        self.constantDefaults = constantDefaults
        self.variables = variables
        self.rules = rules
        self.origin = origin
        self.neededVariables = neededVariables
        self.defaultsNeed = defaultsNeed
        self.neededShared = neededShared
        self.defaultsNeedShared = defaultsNeedShared
    }

    /// Every expression of the stage: variables, defaults, then each rule's `when` and outputs.
    var expressions: [RuleExpression] {
        variables.map(\.expression) + defaults.expressions + rules.flatMap { [$0.when] + $0.then.expressions }
    }

    /// The fields this stage's output can have (for schema checks of later stages).
    var outputFields: [String] {
        switch mode {
        case .firstMatch:
            var fields = defaults.keys
            for rule in rules { fields += rule.then.keys.filter { !fields.contains($0) } }
            return fields + ["rule_id", "rule_errors"]
        case .allMatches:
            return ["items", "rule_ids", "rule_errors"]
        }
    }

    /// Fields of one item of an all_matches output.
    var itemFields: [String] {
        var fields: [String] = []
        for rule in rules { fields += rule.then.keys.filter { !fields.contains($0) } }
        return fields + ["id", "error"]
    }
}
