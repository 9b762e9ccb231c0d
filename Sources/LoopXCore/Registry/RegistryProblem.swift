import LoopXRules
import LoopXSupport

/// One validation problem of a registry, with a stable machine code.
public struct RegistryProblem: Sendable, Hashable {
    public enum Code: String, Sendable, CaseIterable {
        case goalNotObject = "registry_goal_not_object"
        case goalMissingID = "registry_goal_missing_id"
        case goalInvalidID = "registry_goal_invalid_id"
        case duplicateGoalID = "registry_duplicate_goal_id"
        case goalMissingRepo = "registry_goal_missing_repo"
        case goalMissingDomain = "registry_goal_missing_domain"
        case goalMissingStateFile = "registry_goal_missing_state_file"
        case goalMissingAdapterKind = "registry_goal_missing_adapter_kind"
        case stateFileShared = "registry_state_file_shared"
        case quotaOutOfRange = "registry_quota_out_of_range"
        case numberOutOfRange = "registry_number_out_of_range"

        // State file containment (StateFileContainment): a state_file that resolves, after
        // symlinks and `..`, outside the goal's repository.
        case stateFileOutsideRepo = "registry_state_file_outside_repo"
    }

    public var code: Code
    /// 0-based position in `goals`.
    public var goalIndex: Int
    public var goalID: String?
    public var message: String
    /// The JSON path of the offending value (`goals[3].quota.window_hours`), for problems
    /// about one field; the JSON model keeps no line:col, so this is the position.
    public var field: String?

    public init(code: Code, goalIndex: Int, goalID: String?, message: String, field: String? = nil) {
        self.code = code
        self.goalIndex = goalIndex
        self.goalID = goalID
        self.message = message
        self.field = field
    }

    /// The human line used in `problems[]`.
    public var text: String { "\(code.rawValue): \(message)" }

    public var json: JSONValue {
        var object: JSONObject = [
            "code": .string(code.rawValue), "severity": "error", "goal_index": .int(Int64(goalIndex)),
            "message": .string(message),
        ]
        object["goal_id"] = goalID.map(JSONValue.string) ?? .null
        if let field { object["field"] = .string(field) }
        return .object(object)
    }
}

extension Registry {
    /// Every problem of the registry, in goal order; state-file sharing is reported once per
    /// later goal that reuses an earlier goal's resolved state file.
    public func problems(environment: LoopXEnvironment) -> [RegistryProblem] {
        var problems: [RegistryProblem] = []
        var seenIDs: [String: Int] = [:]
        var seenStateFiles: [String: String] = [:]
        var typedIndex = 0
        var items: [(Int, GoalEntry?)] = []
        for (position, raw) in rawGoals.enumerated() {
            if raw.objectValue != nil, typedIndex < goals.count {
                items.append((position, goals[typedIndex]))
                typedIndex += 1
            } else {
                items.append((position, nil))
            }
        }
        for (index, entry) in items {
            guard let goal = entry else {
                problems.append(RegistryProblem(code: .goalNotObject, goalIndex: index, goalID: nil, message: "goals[\(index)] is not an object"))
                continue
            }
            func add(_ code: RegistryProblem.Code, _ message: String) {
                problems.append(RegistryProblem(code: code, goalIndex: index, goalID: goal.id, message: message))
            }
            guard let id = goal.id, !id.isEmpty else {
                add(.goalMissingID, "goals[\(index)] has no id")
                continue
            }
            if !GoalID.isValid(id) { add(.goalInvalidID, "goal '\(id)' is not a safe single path segment") }
            if let first = seenIDs[id] {
                add(.duplicateGoalID, "goal id '\(id)' repeats goals[\(first)]")
            } else {
                seenIDs[id] = index
            }
            if goal.repo == nil { add(.goalMissingRepo, "goal '\(id)' has no repo") }
            if goal.domain == nil { add(.goalMissingDomain, "goal '\(id)' has no domain") }
            if goal.stateFile == nil { add(.goalMissingStateFile, "goal '\(id)' has no state_file") }
            if (goal.adapterKind ?? "").isEmpty { add(.goalMissingAdapterKind, "goal '\(id)' has no adapter.kind") }
            let location = sourcePath.map { "\($0): " } ?? ""
            for violation in QuotaConfig.violations(of: goal) {
                problems.append(RegistryProblem(code: .quotaOutOfRange, goalIndex: index, goalID: id,
                                                message: location + violation.message(goalIndex: index), field: violation.jsonPath(goalIndex: index)))
            }
            for violation in goal.numberViolations {
                problems.append(RegistryProblem(code: .numberOutOfRange, goalIndex: index, goalID: id,
                                                message: location + violation.message(goalIndex: index), field: violation.jsonPath(goalIndex: index)))
            }
            if let path = goal.stateFilePath(environment: environment) {
                if let owner = seenStateFiles[path], owner != id {
                    add(.stateFileShared, "goals '\(owner)' and '\(id)' share the state file \(path)")
                } else {
                    seenStateFiles[path] = id
                }
            }
            // State file containment: a goal without repo is already reported as missing one.
            if let escape = StateFileContainment.escape(of: goal, environment: environment), escape.repo != nil {
                add(.stateFileOutsideRepo, escape.message)
            }
        }
        return problems
    }
}
