/// The stable code of each kind of failure: `error.code` in the JSON error envelope
/// (`--format json`) and in the HTTP API's refusals. One kind of mistake has one code and
/// one exit status on every command. docs/commands.md ("Errors and exit codes") lists them;
/// a test keeps that table and this enum equal.
public enum ErrorCode: String, Sendable, CaseIterable {
    /// The command line is wrong: an unknown command or option, a missing or malformed value,
    /// a value out of range, or options that exclude each other.
    case usage
    /// A text to record is not public-safe (a private path, internal link, task handle or
    /// credential); nothing was written.
    case unsafeText = "unsafe_text"
    /// A file named on the command line (facts file, fixture, `--rules` path) is missing or malformed.
    case invalidInput = "invalid_input"
    /// `expr eval`: the expression does not parse or does not type-check.
    case invalidExpression = "invalid_expression"
    /// `rules test`: rule coverage is below `--coverage-min`.
    case coverageBelowMinimum = "coverage_below_minimum"
    /// `rules test --require-pairs`: a rule lacks a firing or a non-firing fixture.
    case unpairedRules = "unpaired_rules"
    /// `loopx mcp`: a tool argument is missing, unknown or of the wrong JSON type.
    case invalidArguments = "invalid_arguments"
    /// `loopx mcp --goal-id G`: the request names another goal than the one the server serves.
    case goalPinned = "goal_pinned"
    /// The goal id is not in the registry.
    case unknownGoal = "unknown_goal"
    /// No rule (or decision) has this id.
    case unknownRule = "unknown_rule"
    /// The registry file does not exist.
    case missingRegistry = "missing_registry"
    /// The registry file is not valid JSON or breaks the registry contract.
    case invalidRegistry = "invalid_registry"
    /// A goal's active-state file is missing, malformed or outside the goal's repository.
    case invalidState = "invalid_state"
    /// The request is understood but not allowed (for example `archive-runtime` on a live
    /// runtime, `read-only-map` for an adapter it does not serve, a todo refusal).
    case refused
    /// A run, todo or other record the command needs does not exist.
    case notFound = "not_found"
    /// A file changed on disk since it was read, so nothing was written; rerun.
    case conflict
    /// A file or directory could not be read or written.
    case ioError = "io_error"
    /// `expr eval`: the expression is valid but its evaluation failed.
    case evaluationFailed = "evaluation_failed"
    /// `rules test`: no fixture test ran (a filter matched nothing).
    case noTestsRan = "no_tests_ran"
    /// The shared store (PostgreSQL) cannot be reached, timed out, or answered with an error;
    /// nothing was written (a write is one transaction).
    case storeUnavailable = "store_unavailable"
    /// The shared store's schema is missing or newer than this loopx: run `loopx store migrate`
    /// (or upgrade loopx).
    case storeSchema = "store_schema"
    /// Any other failure.
    case failed
    /// A rule file (or fixture file) does not load; `diagnostics` lists every problem.
    case invalidRules = "invalid_rules"

    /// The exit status of every failure with this code.
    public var exitStatus: ExitStatus {
        switch self {
        case .usage, .unsafeText, .invalidInput, .invalidExpression, .coverageBelowMinimum, .unpairedRules, .invalidArguments,
            .goalPinned:
            return .usage
        case .invalidRules: return .invalidRules
        case .unknownGoal, .unknownRule, .missingRegistry, .invalidRegistry, .invalidState, .refused, .notFound,
            .conflict, .ioError, .evaluationFailed, .noTestsRan, .failed, .storeUnavailable, .storeSchema:
            return .notOK
        }
    }

    /// The code a failure gets when its site names only an exit status.
    public static func general(for status: ExitStatus) -> ErrorCode {
        switch status {
        case .usage: return .usage
        case .invalidRules: return .invalidRules
        case .ok, .notOK: return .failed
        }
    }
}
