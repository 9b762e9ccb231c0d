import LoopXCore

/// One gate question a tool call raises: the `gate check` request the hook evaluates, with a
/// label that says which part of the call raised it.
public struct HookAction: Sendable, Equatable {
    public var kind: String
    public var ref = ""
    /// Repo-relative paths the action writes.
    public var paths: [String] = []
    public var command = ""
    /// The agent's attestation, as `--validated`/`--scan-clean` (see `ShellCommand` assignments
    /// `LOOPX_VALIDATED=1`, `LOOPX_SCAN_CLEAN=1`).
    public var validated = false
    public var scanClean = false
    public var label: String

    public init(kind: String, label: String) {
        self.kind = kind
        self.label = label
    }

    /// The request `loopx gate check` would receive for this action.
    public func request(goalID: String) -> GateCheck.Request {
        var request = GateCheck.Request(goalID: goalID, kind: kind)
        (request.ref, request.paths, request.command) = (ref, paths, command)
        (request.validated, request.scanClean) = (validated, scanClean)
        return request
    }
}
