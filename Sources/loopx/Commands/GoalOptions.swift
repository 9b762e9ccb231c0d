import ArgumentParser
import LoopXCore
import LoopXRules

/// One way for a command to reach what it works on: the context of its global options, the
/// goal id it was given (parsed before any path is built from it), the opened registry or
/// decision session, and a session that does not open turned into the command's error
/// (invalid rules: exit status 3 with every rule-file diagnostic). Each command keeps its own
/// `--goal-id` declaration, whose help text says what that command does with the goal.
extension GlobalOptions {
    /// The context and the parsed goal id.
    func goal(_ goalID: String) throws -> (context: LoopXContext, id: GoalID) {
        let context = try context()
        return (context, try GoalID.parse(goalID))
    }

    /// The decision session of one goal (decided with that goal's own rule layers).
    func session(goal goalID: String, builtinRules: String? = nil) throws -> (context: LoopXContext, id: GoalID, session: DecisionSession) {
        let (context, id) = try goal(goalID)
        return (context, id, try openSession(context, goalID: id, builtinRules: builtinRules))
    }

    /// The decision session of a command about every goal.
    func session(builtinRules: String? = nil) throws -> (context: LoopXContext, session: DecisionSession) {
        let context = try context()
        return (context, try openSession(context, goalID: nil, builtinRules: builtinRules))
    }

    /// The registry the command works against, with its context.
    func store(allowMissing: Bool = false, allowGlobalFallback: Bool = true) throws -> (context: LoopXContext, store: GoalStore) {
        let context = try context()
        return (context, try GoalStore.open(context, allowGlobalFallback: allowGlobalFallback, allowMissing: allowMissing))
    }

    /// Runs a core call that opens its own session; a session that does not open is the
    /// command's error.
    func deciding<T>(_ body: (LoopXContext) throws -> T) throws -> T {
        let context = try context()
        do {
            return try body(context)
        } catch let failure as DecisionSessionFailure {
            try exitForSessionFailure(failure)
        }
    }
}

/// Opens a decision session; invalid rules fail with every rule-file diagnostic (exit status 3).
func openSession(_ context: LoopXContext, goalID: GoalID?, builtinRules: String? = nil) throws -> DecisionSession {
    do {
        return try DecisionSession.open(context, goalID: goalID, builtinRules: builtinRules)
    } catch {
        try exitForSessionFailure(error)
    }
}

/// Turns a session failure into the command's error: the failure itself, or the failure that
/// carries every rule-file diagnostic (exit status 3).
func exitForSessionFailure(_ failure: DecisionSessionFailure) throws -> Never {
    switch failure {
    case .command(let failure): throw failure
    case .invalidRules(let list): throw CommandFailure.invalidRules(list)
    }
}
