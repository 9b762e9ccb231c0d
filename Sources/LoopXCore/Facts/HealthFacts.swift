import LoopXRules
import LoopXSupport

/// The `health` fact: registry problems, boundary-scan findings, contract errors and the
/// global registry's findings. Collected once per command and shared by every goal.
public struct HealthFacts: Sendable {
    public var registryProblems: [JSONValue] = []
    public var boundaryFindings: [JSONValue] = []
    public var contractErrors: [JSONValue] = []
    public var globalAvailable = false
    public var globalFindings: [JSONValue] = []

    public init() {}

    /// Registry problems of the store's registry in the fact shape.
    public init(store: GoalStore) {
        registryProblems = store.registry.problems(environment: store.context.environment).map { problem in
            ["code": .string(problem.code.rawValue), "message": .string(problem.message),
             "goal_id": .string(problem.goalID ?? "")]
        }
    }

    /// The status contract's health for plans: no registry problem, no boundary finding, no
    /// contract error and no high-severity global-registry finding (should-run's `plan_ok`
    /// also excludes other goals' contract errors; a plan reports every goal).
    public var contractOK: Bool {
        registryProblems.isEmpty && boundaryFindings.isEmpty && contractErrors.isEmpty
            && !globalFindings.contains { $0["severity"]?.stringValue == "high" }
    }

    public var json: JSONValue {
        [
            "registry_problems": .array(registryProblems), "boundary_findings": .array(boundaryFindings),
            "contract_errors": .array(contractErrors), "global_available": .bool(globalAvailable),
            "global_findings": .array(globalFindings),
        ]
    }
}
