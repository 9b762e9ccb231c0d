import ArgumentParser
import LoopXCore

/// The proposed action of a gate decision, as `rules explain --decision gate` takes it (the
/// same flags and meaning as `gate check`).
struct GateActionOptions: ParsableArguments {
    @Option(help: "Gate decision: commit, push, pr, publish, production, destructive-git or write.") var kind: String?
    @Option(name: .customLong("path"), help: "Gate decision: a repo-relative path the action writes (repeatable).")
    var paths: [String] = []
    @Option(help: "Gate decision: the target branch or ref.") var ref: String = ""
    @Option(help: "Gate decision: the literal command, when the action is one.") var command: String = ""
    @Flag(help: "Gate decision: targeted validation of the change passed.") var validated = false
    @Flag(help: "Gate decision: the boundary scan of the change is clean.") var scanClean = false
    @Option(help: "Gate decision: target environment (production, staging, ...).") var environment: String = ""
    @Flag(help: "Gate decision: a repository rule requires review for this action.") var requiresReview = false

    /// The `action` fact for a gate decision of `goalID`; nil when no `--kind` was given.
    func action(goalID: String) throws(CommandFailure) -> JSONValue? {
        guard let kind else { return nil }
        var request = GateCheck.Request(goalID: goalID, kind: kind)
        request.paths = paths
        request.ref = ref
        request.command = command
        request.validated = validated
        request.scanClean = scanClean
        request.environment = environment
        request.requiresReview = requiresReview
        return try GateCheck.action(request)
    }
}
