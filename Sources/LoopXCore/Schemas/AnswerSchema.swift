/// The JSON Schemas of the answers agents parse. `loopx schema NAME` prints one; the same
/// documents live in docs/schemas/, and the end-to-end tests validate real answers against them.
public enum AnswerSchema: String, CaseIterable, Sendable {
    case gateCheck = "gate-check"
    case refreshState = "refresh-state"
    case reviewPacketHandoff = "review-packet-handoff"
    case reward
    case shouldRun = "should-run"
    case status

    /// The command whose `--format json` answer the schema describes.
    public var command: String {
        switch self {
        case .gateCheck: return "gate check"
        case .refreshState: return "refresh-state"
        case .reviewPacketHandoff: return "review-packet --handoff-only"
        case .reward: return "reward"
        case .shouldRun: return "quota should-run"
        case .status: return "status"
        }
    }

    /// The schema for a name, with a did-you-mean listing every name when there is none.
    public static func named(_ name: String) throws(CommandFailure) -> AnswerSchema {
        if let schema = AnswerSchema(rawValue: name) { return schema }
        throw CommandFailure(
            "no schema named '\(name)'",
            hint: "one of: " + AnswerSchema.allCases.map(\.rawValue).joined(separator: ", "), status: .usage)
    }
}
