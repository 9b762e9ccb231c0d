extension RuleSetLoader {
    /// Applies one file's `disable` and `patch` entries, enforcing locks and waivers.
    mutating func applyOverrides(_ decl: LayerFileDecl) {
        let unit = decl.unit
        var used = Set<String>()
        for (id, node) in decl.disable {
            guard var rule = target(id, node: node, unit: unit, verb: "disable") else { continue }
            guard let allowed = permitted(rule, id: id, node: node, decl: decl, change: "disable", used: &used) else { continue }
            if let waiver = allowed { rule.waiver = waiver }
            rule.disabledBy = unit.origin(of: node)
            rules[id] = rule
        }
        for patch in decl.patches {
            guard var rule = target(patch.id, node: patch.keyNode, unit: unit, verb: "patch") else { continue }
            if patch.weakens {
                guard let allowed = permitted(rule, id: patch.id, node: patch.keyNode, decl: decl, change: "change", used: &used)
                else { continue }
                if let waiver = allowed { rule.waiver = waiver }
            }
            if let v = patch.name { rule.name = v }
            if let v = patch.description { rule.description = v }
            if let v = patch.priority { rule.priority = v }
            if let v = patch.prompt { rule.prompt = v }
            if let v = patch.locked { rule.locked = v }
            if let v = patch.onError { rule.onError = v }
            if let v = patch.when {
                rule.when = v
                rule.whenUnit = unit
            }
            if let v = patch.then { rule.thenPatches.append((v, unit)) }
            rule.patchedBy.append(unit.origin(of: patch.keyNode))
            rules[patch.id] = rule
        }
        for (id, waiver) in decl.waivers where !used.contains(id) {
            sink.add(unit.diagnostic(
                "waiver for '\(id)' is not needed: this file does not disable or change a locked rule '\(id)'",
                at: waiver.node, severity: .warning))
        }
    }

    private mutating func target(_ id: String, node: YAMLNode, unit: RuleFileUnit, verb: String) -> RuleDecl? {
        guard let rule = rules[id] else {
            sink.add(unit.diagnostic(
                "cannot \(verb) unknown rule '\(id)'" + Suggestion.hint(for: id, in: ruleOrder), at: node))
            return nil
        }
        return rule
    }

    /// Whether a weakening change of `rule` may apply (nil: no): `.some(nil)` for unlocked
    /// rules; for locked ones only under an active waiver, which is returned. A missing waiver
    /// is an error; an expired one a warning (and the change is dropped, so the lock holds).
    private mutating func permitted(
        _ rule: RuleDecl, id: String, node: YAMLNode, decl: LayerFileDecl, change: String, used: inout Set<String>
    ) -> Waiver?? {
        guard rule.locked else { return .some(nil) }
        let unit = decl.unit
        guard let waiver = decl.waivers[id] else {
            sink.add(unit.diagnostic(
                "rule '\(id)' is locked (\(rule.origin)); to \(change) it, declare under overrides.waivers "
                    + "'\(id): {reason: ..., expires: YYYY-MM-DD}'", at: node))
            return nil
        }
        used.insert(id)
        let declared = Waiver(
            ruleID: id, reason: waiver.reason, expires: waiver.expires, expiresText: waiver.expiresText,
            origin: unit.origin(of: waiver.node))
        guard declared.isActive(at: now) else {
            sink.add(unit.diagnostic(
                "waiver for locked rule '\(id)' expired on \(waiver.expiresText); it is ignored and '\(id)' stays in force",
                at: waiver.node, severity: .warning))
            return nil
        }
        if !waivers.contains(declared) { waivers.append(declared) }
        return .some(declared)
    }
}
