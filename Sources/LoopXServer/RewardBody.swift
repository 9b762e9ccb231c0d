import LoopXCore
import LoopXRules
import LoopXSupport

/// A reward request body received over HTTP, checked field by field before anything is read
/// from disk: a JSON object of at most `maxBytes`, only known fields, strings where strings go.
struct RewardBody: Sendable {
    /// The body cap shared by both reward routes.
    static let maxBytes = 64_000
    /// Fields both routes accept.
    static let dryRunFields: Set<String> = [
        "goal_id", "run_generated_at", "recorded_at", "decision", "reward", "reason_summary", "follow_up",
    ]
    /// The append route also takes the preview it confirms and the state-summary switch.
    static let appendFields = dryRunFields.union(["preview_id", "write_active_state_summary"])

    var fields: JSONObject
    /// Whether this is the append route (the state summary is then written by default).
    var append: Bool

    /// Parses and checks a body; the error text is what the client is told (HTTP 400).
    init(bytes: [UInt8]?, append: Bool) throws(RewardBodyError) {
        guard let bytes else { throw RewardBodyError("request body exceeds \(RewardBody.maxBytes) bytes") }
        guard bytes.count <= RewardBody.maxBytes else { throw RewardBodyError("request body exceeds \(RewardBody.maxBytes) bytes") }
        let value: JSONValue
        do throws(Diagnostic) { value = try JSONParser.parse(bytes, path: "<request body>") } catch {
            throw RewardBodyError("request body is not valid JSON: \(error.message) at line \(error.position.line)")
        }
        guard case .object(let object) = value else { throw RewardBodyError("request body must be a JSON object") }
        let allowed = append ? RewardBody.appendFields : RewardBody.dryRunFields
        let unknown = object.keys.filter { !allowed.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw RewardBodyError("unknown field(s): \(unknown.joined(separator: ", ")); allowed: \(allowed.sorted().joined(separator: ", "))")
        }
        for (key, field) in object {
            switch (key, field) {
            case ("write_active_state_summary", .bool), (_, .null): continue
            case ("write_active_state_summary", _): throw RewardBodyError("field 'write_active_state_summary' must be true or false")
            case (_, .string): continue
            default: throw RewardBodyError("field '\(key)' must be a string")
            }
        }
        fields = object
        self.append = append
        var required = ["goal_id", "decision", "reward", "reason_summary"]
        if append { required += ["run_generated_at", "preview_id"] }
        let missing = required.filter { (string($0) ?? "").isEmpty }
        guard missing.isEmpty else { throw RewardBodyError("missing required field(s): \(missing.joined(separator: ", "))") }
    }

    /// A string field, nil when absent or null.
    func string(_ key: String) -> String? { fields[key]?.stringValue }

    /// The validated reward request this body asks for (always a dry run; the caller decides).
    func request() throws(CommandFailure) -> RewardRequest {
        var request = try RewardRequest(
            goalID: string("goal_id") ?? "", decision: string("decision") ?? "", reward: string("reward") ?? "",
            reasonSummary: string("reason_summary") ?? "", followUp: string("follow_up"))
        request.runGeneratedAt = string("run_generated_at")
        request.recordedAt = string("recorded_at")
        request.writeActiveStateSummary = fields["write_active_state_summary"]?.boolValue ?? append
        request.dryRun = true
        return request
    }
}

/// Why a request body was refused.
struct RewardBodyError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
