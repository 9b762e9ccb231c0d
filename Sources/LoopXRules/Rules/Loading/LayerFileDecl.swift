import LoopXSupport
/// A file of a non-builtin layer: new rules, `overrides:` of existing ones, and `profile:`.
struct LayerFileDecl {
    static let keys = ["description", "overrides", "profile", "rules"]
    static let overrideKeys = ["disable", "patch", "waivers"]
    static let waiverKeys = ["owner", "reason", "expires"]

    var disable: [(id: String, node: YAMLNode)] = []
    var patches: [PatchDecl] = []
    var waivers: [String: WaiverDecl] = [:]
    var profile: YAMLNode?
    var rules: [RuleDecl] = []
    var unit: RuleFileUnit

    struct WaiverDecl {
        var owner: String
        var reason: String
        var expires: Timestamp
        var expiresText: String
        var node: YAMLNode
    }

    static func read(_ unit: RuleFileUnit, sink: inout DiagnosticSink) -> LayerFileDecl? {
        if unit.root.isNull { return LayerFileDecl(unit: unit) }
        if unit.root.pair(for: "stage") != nil {
            sink.add(unit.diagnostic(
                "stage files belong to the built-in rules; a \(unit.layer.rawValue) layer adds rules with 'rules:' (each with a 'stage:') and changes them with 'overrides:'",
                at: unit.root.pair(for: "stage")?.key ?? unit.root))
            return nil
        }
        guard let reader = MappingReader(unit.root, in: unit, what: "rule layer file", allowed: keys, sink: &sink) else {
            return nil
        }
        _ = reader.string("description", sink: &sink)
        var decl = LayerFileDecl(unit: unit)
        if let profile = reader.value("profile") {
            if profile.mapping == nil {
                sink.add(unit.diagnostic("'profile' must be a mapping, found \(profile.kindDescription)", at: profile))
            } else {
                decl.profile = profile
            }
        }
        if let node = reader.value("rules") {
            if let items = node.sequence {
                for item in items {
                    if let rule = RuleDecl.read(item, in: unit, stage: nil, requireDescription: false, sink: &sink) {
                        decl.rules.append(rule)
                    }
                }
            } else if !node.isNull {
                sink.add(unit.diagnostic("'rules' must be a sequence, found \(node.kindDescription)", at: node))
            }
        }
        if let node = reader.value("overrides"), !node.isNull {
            decl.readOverrides(node, sink: &sink)
        }
        return decl
    }

    private mutating func readOverrides(_ node: YAMLNode, sink: inout DiagnosticSink) {
        guard let reader = MappingReader(node, in: unit, what: "overrides block", allowed: Self.overrideKeys, sink: &sink)
        else { return }
        if let list = reader.value("disable"), !list.isNull {
            if let items = list.sequence {
                for item in items {
                    guard let id = item.string else {
                        sink.add(unit.diagnostic("'disable' lists rule ids (strings), found \(item.kindDescription)", at: item))
                        continue
                    }
                    disable.append((id, item))
                }
            } else {
                sink.add(unit.diagnostic("'disable' must be a sequence of rule ids, found \(list.kindDescription)", at: list))
            }
        }
        if let map = reader.value("patch"), !map.isNull {
            if let pairs = map.mapping {
                for pair in pairs {
                    guard let id = pair.key.string else {
                        sink.add(unit.diagnostic("keys of 'patch' are rule ids", at: pair.key))
                        continue
                    }
                    if let patch = PatchDecl.read(id: id, key: pair.key, value: pair.value, in: unit, sink: &sink) {
                        patches.append(patch)
                    }
                }
            } else {
                sink.add(unit.diagnostic("'patch' must map rule ids to changes, found \(map.kindDescription)", at: map))
            }
        }
        if let map = reader.value("waivers"), !map.isNull {
            guard let pairs = map.mapping else {
                sink.add(unit.diagnostic("'waivers' must map rule ids to {owner, reason, expires}, found \(map.kindDescription)", at: map))
                return
            }
            for pair in pairs {
                guard let id = pair.key.string,
                    let waiver = MappingReader(pair.value, in: unit, what: "waiver", allowed: Self.waiverKeys, sink: &sink)
                else { continue }
                let owner = waiver.string("owner", required: true, sink: &sink)
                if let owner, owner.allSatisfy(\.isWhitespace), let node = waiver.value("owner") {
                    sink.add(unit.diagnostic("a waiver needs a non-empty owner (who signed it)", at: node))
                }
                let reason = waiver.string("reason", required: true, sink: &sink)
                if let reason, reason.allSatisfy(\.isWhitespace), let node = waiver.value("reason") {
                    sink.add(unit.diagnostic("a waiver needs a non-empty reason", at: node))
                }
                guard let expiresNode = waiver.require("expires", sink: &sink) else { continue }
                let text = expiresNode.scalar?.text ?? ""
                guard let expires = Waiver.parseExpiry(text) else {
                    sink.add(unit.diagnostic(
                        "'expires' must be a date (2026-03-01) or an RFC 3339 timestamp, found '\(text)'", at: expiresNode))
                    continue
                }
                if let reason, let owner {
                    waivers[id] = WaiverDecl(owner: owner, reason: reason, expires: expires, expiresText: text, node: pair.key)
                }
            }
        }
    }
}

/// One `overrides.patch` entry: the fields a later layer changes on an existing rule.
struct PatchDecl {
    static let keys = ["name", "description", "priority", "when", "then", "prompt", "guidance", "locked", "on_error"]

    var id: String
    var keyNode: YAMLNode
    var name: String?
    var description: String?
    var priority: Int?
    var when: YAMLNode?
    /// Merged key by key over the rule's `then`.
    var then: YAMLNode?
    var prompt: String?
    var guidance: RuleGuidance?
    var locked: Bool?
    var onError: OnErrorPolicy?

    static func read(id: String, key: YAMLNode, value: YAMLNode, in unit: RuleFileUnit, sink: inout DiagnosticSink) -> PatchDecl? {
        guard let reader = MappingReader(value, in: unit, what: "patch of '\(id)'", allowed: keys, sink: &sink) else {
            return nil
        }
        let then = reader.value("then")
        if let then, then.mapping == nil {
            sink.add(unit.diagnostic("'then' must be a mapping, found \(then.kindDescription)", at: then))
        }
        return PatchDecl(
            id: id, keyNode: key, name: reader.string("name", sink: &sink),
            description: reader.string("description", sink: &sink), priority: reader.int("priority", sink: &sink),
            when: reader.value("when"), then: then?.mapping == nil ? nil : then, prompt: reader.string("prompt", sink: &sink),
            guidance: reader.value("guidance").flatMap { RuleGuidance.read($0, in: unit, sink: &sink) },
            locked: reader.bool("locked", sink: &sink), onError: reader.choice("on_error", OnErrorPolicy.self, sink: &sink))
    }

    /// Whether this patch could make the rule match less or decide differently.
    var weakens: Bool { priority != nil || when != nil || then != nil || locked == false || onError != nil }
}
