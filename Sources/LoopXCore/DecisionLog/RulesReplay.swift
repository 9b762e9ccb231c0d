import LoopXRules
import LoopXSupport

/// `loopx rules replay`: re-decides the logged decisions of one goal or of every goal in the
/// registry under a candidate rule set (the current files, plus `--rules` layers, or the
/// project layer as it was at a git revision) and reports what would change.
public struct RulesReplay: Sendable {
    public var context: LoopXContext
    public var goalID: GoalID?
    /// Only records at or after this instant.
    public var since: Timestamp?
    /// Read each goal's project layer `.loopx/rules` at this git revision.
    public var gitRevision: String?
    public var builtinRules: String?

    public init(context: LoopXContext, goalID: GoalID? = nil, since: Timestamp? = nil, gitRevision: String? = nil) {
        self.context = context
        self.goalID = goalID
        self.since = since
        self.gitRevision = gitRevision
    }

    /// `7d`, `24h`, `90m`, `3600s` before `now`, or an RFC 3339 instant.
    public static func since(_ text: String, now: Timestamp) throws(CommandFailure) -> Timestamp {
        if let instant = Timestamp(rfc3339: text) { return instant }
        let units: [Character: Int64] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        guard let unit = text.last, let scale = units[unit], let count = Int64(text.dropLast()), count >= 0,
            count <= 36_500 * 86_400 / scale
        else {
            throw CommandFailure("--since '\(text)' is not a duration (7d, 24h, 90m, 3600s) or an RFC 3339 time", status: .usage)
        }
        return now.adding(seconds: -count * scale)
    }

    /// Replays every selected goal.
    public func run() throws(DecisionSessionFailure) -> RulesReplayReport {
        let store: GoalStore
        do { store = try GoalStore.open(context) } catch { throw .command(error) }
        var ids = store.registry.goals.compactMap(\.goalID)
        if let goalID {
            do { _ = try store.goal(goalID) } catch { throw .command(error) }
            ids = [goalID]
        }
        var report = RulesReplayReport(since: since, gitRevision: gitRevision)
        var candidates: [String: (RuleSet, [DecisionRecord.Layer])] = [:]
        for id in ids {
            let entry = store.registry.goal(id: id.rawValue)
            let discovery = RuleLayerDiscovery.forGoal(entry, context: context, builtinOverride: builtinRules)
            let key = discovery.projectDirectory ?? ""
            let candidate: (RuleSet, [DecisionRecord.Layer])
            if let known = candidates[key] {
                candidate = known
            } else {
                candidate = try load(discovery)
                candidates[key] = candidate
            }
            let settings = DecisionLogSettings(goal: entry, environment: context.environment)
            let log = store.decisionLog(id, settings: settings)
            var records = log.records()
            if let since { records = records.filter { $0.at >= since } }
            let replay = DecisionReplay(ruleSet: candidate.0, layers: candidate.1, log: log, registryPath: store.registryPath)
            report.goals.append(replay.run(records, goalID: id.rawValue))
        }
        return report
    }

    /// The candidate rule set of a goal's layers (`RuleLayerDiscovery.forGoal`), its project
    /// layer taken from `--git-rev` when given.
    func load(_ discovery: RuleLayerDiscovery) throws(DecisionSessionFailure) -> (RuleSet, [DecisionRecord.Layer]) {
        var layers: [RuleLayerSource]
        do { layers = try discovery.layers() } catch { throw .command(error) }
        if let gitRevision, let project = discovery.projectDirectory {
            let atRevision: RuleLayerSource?
            do { atRevision = try GitRuleLayer.read(project: project, revision: gitRevision, environment: context.environment) } catch {
                throw .command(error)
            }
            layers.removeAll { $0.kind == .project }
            if let atRevision {
                let position = layers.firstIndex { $0.kind == .cli } ?? layers.count
                layers.insert(atRevision, at: position)
            }
        }
        do { return (try discovery.load(layers: layers), DecisionRecord.layers(layers)) } catch {
            switch error {
            case .command(let failure): throw .command(failure)
            case .invalid(let list): throw .invalidRules(list)
            }
        }
    }
}
