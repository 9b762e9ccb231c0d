import ArgumentParser
import LoopXCore
import LoopXRules
import LoopXSupport

/// The proposed action of a gate decision: one set of flags for `gate check` and
/// `rules explain --decision gate`.
struct GateActionOptions: ParsableArguments {
    @Option(help: "The action: commit, push, pr, publish, production, destructive-git or write.") var kind: String?
    @Option(name: .customLong("path"), help: "A repo-relative path the action writes (repeatable).")
    var paths: [String] = []
    @Option(help: "The target branch or ref.") var ref: String = ""
    @Option(help: "The literal command, when the action is one.") var command: String = ""
    @Flag(help: "Targeted validation of the change passed.") var validated = false
    @Flag(help: "The boundary scan of the change is clean.") var scanClean = false
    @Option(help: "Target environment (production, staging, ...).") var environment: String = ""
    @Flag(help: "A repository rule requires review for this action.") var requiresReview = false

    /// The gate request of `goalID`; nil when no `--kind` was given.
    func request(goalID: String) -> GateCheck.Request? {
        guard let kind else { return nil }
        var request = GateCheck.Request(goalID: goalID, kind: kind)
        request.paths = paths
        request.ref = ref
        request.command = command
        request.validated = validated
        request.scanClean = scanClean
        request.environment = environment
        request.requiresReview = requiresReview
        return request
    }

    /// The `action` fact for a gate decision of `goalID`; nil when no `--kind` was given.
    func action(goalID: String) throws(CommandFailure) -> JSONValue? {
        guard let request = request(goalID: goalID) else { return nil }
        return try GateCheck.action(request)
    }
}
