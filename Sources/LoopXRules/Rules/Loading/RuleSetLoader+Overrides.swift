extension RuleSetLoader {
    /// Applies one file's `disable` and `patch` entries, enforcing locks, tighten-only stages
    /// and waivers.
    mutating func applyOverrides(_ decl: LayerFileDecl) {
        let unit = decl.unit
        var used = newRuleWaivers
        for (id, node) in decl.disable {
            guard var rule = target(id, node: node, unit: unit, verb: "disable") else { continue }
            let loosening = looseningOfDisable(rule, by: unit)
            if rule.locked || loosening != nil {
                guard let allowed = permitted(rule, id: id, node: node, decl: decl, change: loosening ?? "disable it",
                                              loosening: loosening != nil, used: &used)
                else { continue }
                if let waiver = allowed { rule.waiver = waiver }
            }
            rule.disabledBy = unit.origin(of: node)
            rules[id] = rule
        }
        for patch in decl.patches {
            guard var rule = target(patch.id, node: patch.keyNode, unit: unit, verb: "patch") else { continue }
            let loosening = looseningOfPatch(rule, patch, by: unit)
            if (rule.locked && patch.weakens) || !loosening.isEmpty {
                let change = loosening.isEmpty ? "change it" : loosening.joined(separator: "; ")
                guard let allowed = permitted(rule, id: patch.id, node: patch.keyNode, decl: decl, change: change,
                                              loosening: !loosening.isEmpty, used: &used)
                else { continue }
                if let waiver = allowed { rule.waiver = waiver }
            }
            if let v = patch.name { rule.name = v }
            if let v = patch.description { rule.description = v }
            if let v = patch.priority {
                rule.priority = v
                rule.priorityNode = patch.keyNode
            }
            if let v = patch.prompt { rule.prompt = v }
            if let v = patch.guidance { rule.guidance = v }
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
                "waiver for '\(id)' is not needed: this file makes no change to '\(id)' that needs one "
                    + "(disabling or weakening a locked rule, or loosening a tighten-only stage)",
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

    /// Whether a change that needs a waiver may apply (nil: no; `.some(waiver)`: yes, under
    /// that active waiver). A missing waiver is an error; an expired one a warning, and the
    /// change is dropped, so the rule (or the stage) stays as strict as it was.
    mutating func permitted(
        _ rule: RuleDecl, id: String, node: YAMLNode, decl: LayerFileDecl, change: String, loosening: Bool,
        used: inout Set<String>
    ) -> Waiver?? {
        let unit = decl.unit
        let template = "'\(id): {owner: ..., reason: ..., expires: YYYY-MM-DD}'"
        guard let waiver = decl.waivers[id] else {
            if loosening {
                sink.add(unit.diagnostic(
                    "this would loosen tighten-only stage '\(rule.stage)' ('\(id)': \(change)); "
                        + "to do it anyway, declare under overrides.waivers \(template)", at: node))
            } else {
                sink.add(unit.diagnostic(
                    "rule '\(id)' is locked (\(rule.origin)); to \(change), declare under overrides.waivers \(template)", at: node))
            }
            return nil
        }
        used.insert(id)
        let declared = Waiver(
            ruleID: id, owner: waiver.owner, reason: waiver.reason, expires: waiver.expires, expiresText: waiver.expiresText,
            origin: unit.origin(of: waiver.node))
        guard declared.isActive(at: now) else {
            let message = rule.locked && !loosening
                ? "waiver for locked rule '\(id)' expired on \(waiver.expiresText); it is ignored and '\(id)' stays in force"
                : "waiver for '\(id)' (owner \(waiver.owner)) expired on \(waiver.expiresText); it is ignored and the "
                    + "loosening change is not applied"
            sink.add(unit.diagnostic(message, at: waiver.node, severity: .warning))
            if !expiredWaivers.contains(declared) { expiredWaivers.append(declared) }
            return nil
        }
        if !waivers.contains(declared) { waivers.append(declared) }
        return .some(declared)
    }
}
