import LoopXRules
import LoopXSupport

/// Re-decides logged decisions under a candidate rule set and compares the answers.
///
/// A record's facts are read back from their content addresses, `now` is the record's time,
/// and the profile and defaults are those of the candidate (`DecisionSession.document`), so
/// replaying a record under the rule set it was decided with reproduces its answer exactly.
public struct DecisionReplay: Sendable {
    public var ruleSet: RuleSet
    /// The candidate's layers as a record names them (to tell which records it differs from).
    public var layers: [DecisionRecord.Layer]
    public var log: DecisionLog
    public var registryPath: String

    public init(ruleSet: RuleSet, layers: [DecisionRecord.Layer], log: DecisionLog, registryPath: String) {
        self.ruleSet = ruleSet
        self.layers = layers
        self.log = log
        self.registryPath = registryPath
    }

    /// Fact values read so far, by digest (quiet goals share most of them), and the CEL
    /// bindings of each distinct set of fact digests (all but `now`): a quiet goal's records
    /// differ only in their time, so merging and converting their facts is done once.
    public final class ValueCache: @unchecked Sendable {
        var values: [String: JSONValue] = [:]
        var bindings: [String: [String: Value]] = [:]
        public init() {}
    }

    /// The answer and result of one record under the candidate; nil when a fact value it
    /// references is gone (pruned by a rotation, or removed by hand).
    public func decide(_ record: DecisionRecord, cache: ValueCache, trace: TraceLevel = .off)
        -> (answer: JSONObject, result: DecisionResult)?
    {
        prepare(record, cache: cache).map { decide(record, bindings: $0.bindings, trace: trace) }
    }

    /// The CEL bindings of a record's facts (shared by every record with the same fact
    /// digests) and their key; nil when a fact value it references is gone.
    func prepare(_ record: DecisionRecord, cache: ValueCache) -> (key: String, bindings: [String: Value])? {
        func value(_ digest: String) -> JSONValue? {
            if let known = cache.values[digest] { return known }
            let read = log.value(digest)
            cache.values[digest] = read
            return read
        }
        let key = (record.facts.map { "\($0.key)=\($0.value.stringValue ?? "?")" }.sorted() + ["profile=\(record.profileBase ?? "")"])
            .joined(separator: ";")
        if let known = cache.bindings[key] { return (key, known) }
        var document = JSONObject()
        document["now"] = .string(record.at.rfc3339)
        for entry in record.facts {
            guard let digest = entry.value.stringValue, let fact = value(digest) else { return nil }
            document[entry.key] = fact
        }
        var goal: GoalEntry?
        if let digest = record.profileBase {
            guard let profile = value(digest) else { return nil }
            goal = GoalEntry(["execution_profile": profile])
        }
        let merged = DecisionSession.document(.object(document), goal: goal, registryPath: registryPath, ruleSet: ruleSet)
        let bindings = ruleSet.schema.bindings(from: merged).facts
        cache.bindings[key] = bindings
        return (key, bindings)
    }

    /// Decides one record over its prepared bindings, at the record's time.
    func decide(_ record: DecisionRecord, bindings prepared: [String: Value], trace: TraceLevel) -> (answer: JSONObject, result: DecisionResult) {
        var bindings = prepared
        bindings["now"] = ruleSet.schema.bindings(from: ["now": .string(record.at.rfc3339)]).facts["now"]
        let result = ruleSet.evaluate(decision: record.kind, facts: bindings, now: record.at, trace: trace)
        return (DecisionAnswer.of(result, kind: record.kind, ruleSet: ruleSet), result)
    }

    /// Replays `records` (oldest first): how many were replayed, and each changed answer with
    /// the rule that made the difference. Facts are read and converted once per distinct set
    /// (in order, on one thread); the stages of a set that do not depend on the clock are
    /// decided once (`RuleSet.clockFreeStages`) and each record resumes from them at its own
    /// time, on every core.
    public func run(_ records: [DecisionRecord], goalID: String) -> GoalReplay {
        let cache = ValueCache()
        let prepared = records.map { prepare($0, cache: cache) }
        var firstIndex: [String: Int] = [:]
        for (index, item) in prepared.enumerated() {
            if let key = item.map({ "\(records[index].kind)|\($0.key)" }), firstIndex[key] == nil { firstIndex[key] = index }
        }
        let firstOfKey = firstIndex
        let keys = Array(firstOfKey.keys)
        // Per distinct facts: the leading stages that do not depend on the clock, and the
        // answer itself when every stage is among them.
        let unclocked = ParallelMap.map(keys.indices) { k -> (prefix: [StageResult], answer: JSONObject?) in
            guard let index = firstOfKey[keys[k]], let item = prepared[index] else { return ([], nil) }
            let record = records[index]
            let prefix = ruleSet.clockFreeStages(decision: record.kind, facts: item.bindings)
            guard prefix.count == ruleSet.pipeline.stages(of: record.kind)?.count else { return (prefix, nil) }
            let result = ruleSet.evaluate(decision: record.kind, facts: item.bindings, now: record.at, after: prefix)
            return (prefix, DecisionAnswer.of(result, kind: record.kind, ruleSet: ruleSet))
        }
        var byKey: [String: (prefix: [StageResult], answer: JSONObject?)] = [:]
        for (k, key) in keys.enumerated() { byKey[key] = unclocked[k] }
        let shared = byKey
        let answers = ParallelMap.map(records.indices) { index -> JSONObject? in
            guard let item = prepared[index] else { return nil }
            let record = records[index]
            let known = shared["\(record.kind)|\(item.key)"]
            if let answer = known?.answer { return answer }
            var bindings = item.bindings
            bindings["now"] = ruleSet.schema.bindings(from: ["now": .string(record.at.rfc3339)]).facts["now"]
            let result = ruleSet.evaluate(decision: record.kind, facts: bindings, now: record.at, after: known?.prefix ?? [])
            return DecisionAnswer.of(result, kind: record.kind, ruleSet: ruleSet)
        }
        var replay = GoalReplay(goalID: goalID)
        for (index, record) in records.enumerated() {
            guard let answer = answers[index], let item = prepared[index] else {
                replay.unreplayable += 1
                continue
            }
            replay.replayed += 1
            if record.layers == layers { replay.sameRules += 1 }
            guard !DecisionAnswer.same(answer, record.answer) else { continue }
            let traced = decide(record, bindings: item.bindings, trace: .on).result
            replay.changes.append(ReplayChange(
                record: record, newAnswer: answer, rule: DecisionReplay.differingRule(old: record.fired, traced: traced)))
        }
        return replay
    }

    /// The first rule, in pipeline and run order, that fired under one rule set and not the
    /// other, with the candidate's near-miss (or fired) explanation of it.
    static func differingRule(old: [String], traced: DecisionResult) -> JSONValue {
        let oldFired = Set(old)
        let newFired = Set(traced.firedRuleIDs)
        for stage in traced.stages {
            for rule in stage.rules where oldFired.contains(rule.rule.id) != newFired.contains(rule.rule.id) {
                var object = rule.json.objectValue ?? JSONObject()
                object["stage"] = .string(stage.stage)
                object["was"] = oldFired.contains(rule.rule.id) ? "fired" : "not_fired"
                return .object(object)
            }
        }
        // A logged rule the candidate no longer has at all.
        if let gone = old.first(where: { !newFired.contains($0) }) {
            return ["id": .string(gone), "was": "fired", "outcome": "absent"]
        }
        return .null
    }
}

/// One changed decision of a replay.
public struct ReplayChange: Sendable {
    public var record: DecisionRecord
    public var newAnswer: JSONObject
    /// The first differing fired rule with its explanation, or null when the same rules fired.
    public var rule: JSONValue

    public var json: JSONValue {
        [
            "at": .string(record.at.rfc3339), "kind": .string(record.kind), "old": .object(record.answer),
            "new": .object(newAnswer), "rule": rule,
        ]
    }
}

/// The replay of one goal's log.
public struct GoalReplay: Sendable {
    public var goalID: String
    public var replayed = 0
    /// Records decided with exactly the candidate's layers.
    public var sameRules = 0
    /// Records whose facts are no longer stored.
    public var unreplayable = 0
    public var changes: [ReplayChange] = []

    public init(goalID: String) {
        self.goalID = goalID
    }

    public var json: JSONValue {
        [
            "goal_id": .string(goalID), "replayed": .int(Int64(replayed)), "changed": .int(Int64(changes.count)),
            "same_rules": .int(Int64(sameRules)), "unreplayable": .int(Int64(unreplayable)),
            "changes": .array(changes.map(\.json)),
        ]
    }
}
