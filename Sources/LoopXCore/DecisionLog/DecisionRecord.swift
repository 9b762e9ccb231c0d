import LoopXRules
import LoopXSupport

/// One logged decision: when, which decision, the rule layers it was made with, content
/// addresses of the facts it read, its answer's key fields and the rules that fired.
///
/// One line of `decisions.jsonl`:
/// `{"v":1,"at":T,"kind":"should_run"|"gate","layers":[{kind,path,digest}],"facts":{name:digest},
///  "profile_base":digest?,"answer":{...},"fired":[id],"agent_id":A?,"obligation":{...}?}`.
public struct DecisionRecord: Sendable, Hashable {
    /// One rule layer as recorded: its kind, the path shown for it, and its content digest.
    public struct Layer: Sendable, Hashable {
        public var kind: String
        public var path: String
        public var digest: String

        public var json: JSONValue { ["kind": .string(kind), "path": .string(path), "digest": .string(digest)] }
    }

    public static let version: Int64 = 1

    public var at: Timestamp
    /// The pipeline decision: `should_run` or `gate`.
    public var kind: String
    public var layers: [Layer]
    /// Each top-level fact (except `now` and `profile`, which are recomputed) by digest.
    public var facts: JSONObject
    /// The digest of the goal's registry `execution_profile`, when it had one.
    public var profileBase: String?
    public var answer: JSONObject
    public var fired: [String]
    public var agentID: String?
    /// should-run only: `{issued, kind?, previous: {issued_at, status}?}`.
    public var obligation: JSONObject?

    public init(
        at: Timestamp, kind: String, layers: [Layer], facts: JSONObject, profileBase: String?, answer: JSONObject,
        fired: [String], agentID: String? = nil, obligation: JSONObject? = nil
    ) {
        self.at = at
        self.kind = kind
        self.layers = layers
        self.facts = facts
        self.profileBase = profileBase
        self.answer = answer
        self.fired = fired
        self.agentID = agentID
        self.obligation = obligation
    }

    /// The layers of a rule set as a record names them.
    public static func layers(_ sources: [RuleLayerSource]) -> [Layer] {
        sources.map { source in
            let first = source.files.first?.path ?? ""
            let path = source.files.count == 1 && source.kind == .cli ? first : FileSystem.dirname(first)
            return Layer(kind: source.kind.rawValue, path: path, digest: RuleSetSnapshot.layerDigest(source))
        }
    }

    public var json: JSONValue {
        var object: JSONObject = [
            "v": .int(DecisionRecord.version), "at": .string(at.rfc3339), "kind": .string(kind),
            "layers": .array(layers.map(\.json)), "facts": .object(facts), "answer": .object(answer),
            "fired": .strings(fired),
        ]
        if let profileBase { object["profile_base"] = .string(profileBase) }
        if let agentID { object["agent_id"] = .string(agentID) }
        if let obligation { object["obligation"] = .object(obligation) }
        return .object(object)
    }

    /// The record of a parsed line; nil for a line that is not one (torn, foreign, newer).
    public init?(json value: JSONValue) {
        guard value["v"]?.intValue == DecisionRecord.version, let text = value["at"]?.stringValue,
            let at = Timestamp(rfc3339: text), let kind = value["kind"]?.stringValue,
            let facts = value["facts"]?.objectValue, let answer = value["answer"]?.objectValue
        else { return nil }
        self.at = at
        self.kind = kind
        self.facts = facts
        self.answer = answer
        layers = (value["layers"]?.arrayValue ?? []).compactMap { layer in
            guard let kind = layer["kind"]?.stringValue, let digest = layer["digest"]?.stringValue else { return nil }
            return Layer(kind: kind, path: layer["path"]?.stringValue ?? "", digest: digest)
        }
        profileBase = value["profile_base"]?.stringValue
        fired = (value["fired"]?.arrayValue ?? []).compactMap(\.stringValue)
        agentID = value["agent_id"]?.stringValue
        obligation = value["obligation"]?.objectValue
    }

    /// Every facts digest the record references.
    public var referencedDigests: [String] {
        facts.compactMap { $0.value.stringValue } + (profileBase.map { [$0] } ?? [])
    }
}
