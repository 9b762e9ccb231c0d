import LoopXSupport
/// What counts as loosening a tighten-only stage (docs/rules.md, "Tighten-only stages").
/// A rule is *permissive* when its outcome — its `then` over the stage's defaults in a
/// first_match stage — sets a permissive value (or a `${...}` where one could be);
/// otherwise it is *restrictive*. Rules of earlier layers are protected.
extension RuleSetLoader {
    func stageDecl(_ name: String) -> StageDecl? { stageDecls.first { $0.name == name } }

    /// A rule's outcome as plain data: the stage defaults (first_match), its `then`, then
    /// its patches' `then` and `extra`, each set key by key over the one before.
    func outcome(_ rule: RuleDecl, stage: StageDecl, extra: YAMLNode? = nil, extraUnit: RuleFileUnit? = nil) -> JSONObject {
        var result = stage.mode == .firstMatch ? stage.defaultsJSON : JSONObject()
        var parts: [(YAMLNode, RuleFileUnit)] = rule.then.map { [($0, rule.unit)] } ?? []
        parts += rule.thenPatches.map { ($0.node, $0.unit) }
        if let extra, let extraUnit { parts.append((extra, extraUnit)) }
        for (node, unit) in parts {
            var scratch = DiagnosticSink()
            for (key, value) in unit.json(node, sink: &scratch)?.objectValue ?? JSONObject() { result[key] = value }
        }
        return result
    }

    /// The stage when it is tighten-only and `rule` comes from a layer before `unit`'s.
    private func protectedStage(_ rule: RuleDecl, by unit: RuleFileUnit) -> StageDecl? {
        guard let stage = stageDecl(rule.stage), stage.direction.tightenOnly, rule.unit.layer < unit.layer else { return nil }
        return stage
    }

    /// Why a new rule of a user, project or `--rules` layer loosens its stage: in a
    /// tighten-only first_match stage, a rule with a permissive outcome can decide ahead of
    /// the restrictive ones. (New rules of all_matches stages only add items: never loosening.)
    func looseningOfNewRule(_ rule: RuleDecl) -> String? {
        guard rule.unit.layer != .builtin, let stage = stageDecl(rule.stage), stage.direction.tightenOnly,
            stage.mode == .firstMatch
        else { return nil }
        let outcome = outcome(rule, stage: stage)
        guard stage.direction.isPermissive(outcome) else { return nil }
        return "the new rule decides a permissive outcome (\(stage.direction.describe(outcome)))"
    }

    /// Why disabling a rule loosens: it is restrictive (a permissive rule may be disabled).
    func looseningOfDisable(_ rule: RuleDecl, by unit: RuleFileUnit) -> String? {
        guard let stage = protectedStage(rule, by: unit), !stage.direction.isPermissive(outcome(rule, stage: stage)) else {
            return nil
        }
        return "disabling a restrictive rule"
    }

    /// Every way a patch loosens: a restrictive rule's `when` may only widen (`(<old>) || ...`),
    /// its priority only rise (first_match), its `on_error` only become fail_closed, and its
    /// `then` may not change a permissive field; a permissive rule's `when` may only narrow
    /// (`(<old>) && ...`), its priority only fall, and its `on_error` not become fail_closed.
    func looseningOfPatch(_ rule: RuleDecl, _ patch: PatchDecl, by unit: RuleFileUnit) -> [String] {
        guard let stage = protectedStage(rule, by: unit) else { return [] }
        let before = outcome(rule, stage: stage)
        let permissive = stage.direction.isPermissive(before)
        var reasons: [String] = []
        if let node = patch.when, let new = node.scalar?.text, let old = rule.when?.scalar?.text {
            let keeps = Self.operands(of: new, joinedBy: permissive ? "_&&_" : "_||_")
                .contains(RuleExpression.normalize(old))
            if !keeps {
                reasons.append(permissive
                    ? "a permissive rule's 'when' may only narrow: write it as '(\(old)) && ...'"
                    : "a restrictive rule's 'when' may only widen: write it as '(\(old)) || ...'")
            }
        }
        if let priority = patch.priority, stage.mode == .firstMatch, priority != rule.priority,
           permissive == (priority > rule.priority)
        {
            reasons.append(permissive
                ? "raising a permissive rule's priority (\(rule.priority) to \(priority))"
                : "lowering a restrictive rule's priority (\(rule.priority) to \(priority))")
        }
        if let onError = patch.onError, onError != rule.onError, permissive == (onError == .failClosed) {
            reasons.append("on_error '\(onError.rawValue)' makes a failing \(permissive ? "permissive" : "restrictive") rule "
                + (permissive ? "decide" : "not decide"))
        }
        if let then = patch.then, !permissive {
            let after = outcome(rule, stage: stage, extra: then, extraUnit: unit)
            let changed = stage.direction.permissive.keys.sorted().filter { before[$0] != after[$0] }
            if !changed.isEmpty || stage.direction.isPermissive(after) {
                reasons.append("changing the outcome of a restrictive rule (\(stage.direction.describe(after)))")
            }
        }
        return reasons
    }

    /// The normalized top-level operands of `source` joined by `function` (`_||_`, `_&&_`),
    /// outer parentheses removed; empty when the source does not compile.
    static func operands(of source: String, joinedBy function: String) -> [String] {
        guard let program = try? Program.compileReportingOffsets(source) else { return [] }
        var out: [String] = []
        var stack = [program.ast]
        while let e = stack.popLast() {
            if case .call(nil, let name, let args) = e.kind, name == function, args.count == 2 {
                stack.append(args[1])
                stack.append(args[0])
            } else {
                out.append(RuleExpression.normalize(program.text(of: e.id)))
            }
        }
        return out
    }
}
