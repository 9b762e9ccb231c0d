import LoopXCore
import LoopXRules
import LoopXSupport

/// `GET /goals/{id}/decision`: the goal's should-run answer as `quota should-run --trace
/// --format json` prints it (the same report and encoding), decided without recording the
/// execution obligation, plus three keys for the dashboard's goal view: `rule_layers` (the
/// layers in force, their digests, active waivers and any layer error), `rule_details`
/// (name, description and prompt of every rule in the trace) and `recorded_obligation` (the
/// obligation fact: the last recorded obligation and whether it was discharged).
struct GoalDecision: Sendable {
    /// The route prefix and suffix around the goal id.
    static let prefix = "/goals/"
    static let suffix = "/decision"

    /// Makes the context of one request (the registry the status payload reads).
    let context: @Sendable () throws(CommandFailure) -> LoopXContext

    /// The goal id named by a path `/goals/{id}/decision`, nil for any other path.
    static func goalID(inPath path: String) -> String? {
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.count > prefix.count + suffix.count else { return nil }
        let id = path.dropFirst(prefix.count).dropLast(suffix.count)
        return id.contains("/") ? nil : String(id)
    }

    /// Decides for the goal; 400 for a malformed id, 404 for a goal the registry does not
    /// name, 500 with `rule_layers` (the broken layer shown) when the rules do not load.
    func answer(goalID text: String) -> APIResponse {
        let requestContext: LoopXContext
        let id: GoalID
        do throws(CommandFailure) {
            id = try GoalID.parse(text)
            requestContext = try context()
        } catch {
            return .failure(400, error.detail, code: error.code, extra: error.hint.map { ["hint": .string($0)] } ?? [:])
        }
        let session: DecisionSession
        do throws(DecisionSessionFailure) {
            session = try DecisionSession.open(requestContext, goalID: id)
        } catch {
            switch error {
            case .command(let failure):
                return .failure(500, failure.detail, code: failure.code)
            case .invalidRules(let list):
                let layers = RuleLayersPanel.broken(context: requestContext, goalID: id, diagnostics: list)
                return .failure(500, "the rule layers do not load: \(list.items.count) problem(s)", code: .invalidRules,
                    extra: ["goal_id": .string(id.rawValue), "rule_layers": layers])
            }
        }
        guard session.store.registry.goal(id: id.rawValue) != nil else {
            return .failure(404, "no goal '\(id.rawValue)' in the registry \(session.store.registryPath)", code: .unknownGoal)
        }
        let report: ShouldRunReport
        do throws(CommandFailure) {
            report = try ShouldRun(session: session, goalID: id).run(trace: .on, agentID: nil, record: false)
        } catch {
            return .failure(500, error.detail, code: error.code)
        }
        guard case .object(var object) = report.json else { return .failure(500, "the should-run report is not an object") }
        object["rule_layers"] = RuleLayersPanel.loaded(session: session, goalID: id)
        object["rule_details"] = GoalDecision.ruleDetails(report.result, ruleSet: session.ruleSet)
        object["recorded_obligation"] = report.facts["obligation"] ?? .null
        return .json(200, .object(object))
    }

    /// `[{stage, id, name, description, prompt, when}]` of every rule the trace names, in
    /// trace order, so the page can say what each deciding rule and near miss means.
    static func ruleDetails(_ result: DecisionResult, ruleSet: RuleSet) -> JSONValue {
        var out: [JSONValue] = []
        for stage in result.stages {
            let rules = ruleSet.stages[stage.stage]?.rules ?? []
            for traced in stage.rules {
                guard let rule = rules.first(where: { $0.id == traced.rule.id }) else { continue }
                out.append([
                    "stage": .string(stage.stage), "id": .string(rule.id), "name": .optional(rule.name),
                    "description": .optional(rule.description), "prompt": .optional(rule.prompt),
                    "when": .string(rule.when.source),
                ])
            }
        }
        return .array(out)
    }
}
