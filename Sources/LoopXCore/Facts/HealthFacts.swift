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
    /// The registry problems behind `registryProblems` and the global registry's health
    /// behind `globalFindings`, kept so a command reports them without deriving them again.
    public private(set) var problems: [RegistryProblem] = []
    public private(set) var global: GlobalRegistryHealth?

    public init() {}

    /// Registry problems of the store's registry in the fact shape.
    public init(store: GoalStore) {
        problems = store.registry.problems(environment: store.context.environment)
        registryProblems = problems.map { problem in
            ["code": .string(problem.code.rawValue), "message": .string(problem.message),
             "goal_id": .string(problem.goalID ?? "")]
        }
    }

    /// The store's registry problems and the health of the global registry beside its runtime root.
    public init(store: GoalStore, global: GlobalRegistryHealth) {
        self.init(store: store)
        self.global = global
        globalAvailable = global.available
        globalFindings = global.factFindings
    }

    public var json: JSONValue {
        [
            "registry_problems": .array(registryProblems), "boundary_findings": .array(boundaryFindings),
            "contract_errors": .array(contractErrors), "global_available": .bool(globalAvailable),
            "global_findings": .array(globalFindings),
        ]
    }
}
