extension RuleSetLoader {
    /// The order a stage's rules run in. Built-in rules have priorities from file order;
    /// rules of later layers run by their priority (higher first; equal unwritten priorities
    /// in declaration order), or right `before:`/`after:` the rule they name; the stage's
    /// `otherwise:` runs last. A written priority equal to another rule's, an unknown anchor
    /// or a rule placed after the `otherwise:` is a positioned error.
    mutating func runOrder(_ ids: [String], stage: String) -> [String] {
        let decls = ids.compactMap { rules[$0] }
        let free = decls.filter { $0.placement == nil && !$0.isOtherwise }
        checkTies(free)
        // Stable: declaration order breaks ties between unwritten (default) priorities.
        var order = free.enumerated().sorted { ($1.element.priority, $0.offset) < ($0.element.priority, $1.offset) }
            .map(\.element.id)
        for otherwise in decls where otherwise.isOtherwise {
            if let node = otherwise.priorityNode {
                sink.add(otherwise.unit.diagnostic(
                    "'\(otherwise.id)' is its stage's otherwise and always runs last: it has no priority to change", at: node))
            }
            order.append(otherwise.id)
        }
        var placedAfter: [String: Int] = [:]
        for decl in decls {
            guard let placement = decl.placement else { continue }
            guard let anchorIndex = order.firstIndex(of: placement.anchor) else {
                let known = rules[placement.anchor].map { "'\(placement.anchor)' is a rule of stage '\($0.stage)', not '\(stage)'" }
                    ?? "unknown rule '\(placement.anchor)'" + Suggestion.hint(for: placement.anchor, in: order)
                sink.add(decl.unit.diagnostic(
                    "cannot place '\(decl.id)' \(placement.before ? "before" : "after") \(known)", at: placement.node))
                continue
            }
            if !placement.before, rules[placement.anchor]?.isOtherwise == true {
                sink.add(decl.unit.diagnostic(
                    "cannot place '\(decl.id)' after '\(placement.anchor)': it is the stage's otherwise, which runs last",
                    at: placement.node))
                continue
            }
            if placement.before {
                order.insert(decl.id, at: anchorIndex)
            } else {
                let offset = placedAfter[placement.anchor, default: 0]
                order.insert(decl.id, at: anchorIndex + 1 + offset)
                placedAfter[placement.anchor] = offset + 1
            }
        }
        return order
    }

    /// A written priority (a layer's rule or a patch) equal to another enabled rule's leaves
    /// their order unsaid: an error at the later-declared one.
    private mutating func checkTies(_ free: [RuleDecl]) {
        var seen: [Int: RuleDecl] = [:]
        for decl in free where decl.disabledBy == nil {
            if let other = seen[decl.priority], decl.priorityNode != nil || other.priorityNode != nil {
                let later = decl.priorityNode != nil ? decl : other
                let earlier = later.id == decl.id ? other : decl
                sink.add(later.unit.diagnostic(
                    "rule '\(later.id)' has the same priority (\(later.priority)) as '\(earlier.id)' (\(earlier.origin)): "
                        + "say which runs first with 'before:' or 'after:', or pick another priority",
                    at: later.priorityNode ?? later.idNode))
                continue
            }
            seen[decl.priority] = decl
        }
    }
}
