/// A public/private boundary rule: the name a hit is reported under, never the text it matched.
public enum BoundaryRule: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A link to a private document host (the hosts are listed in docs/check.md).
    case privateDocURL = "private_doc_url"
    /// A credential literal: AWS-style key, bearer token, `token=`/`password=` value, private key block.
    case credential
    /// A path into someone's home or private data directory.
    case localPrivatePath = "local_private_path"
    /// An internal task id of the form `t-20<12 digits>-<id>`.
    case internalTaskID = "internal_task_id"
    /// An RFC 1918 address (10/8, 172.16/12, 192.168/16).
    case privateIP = "private_ip"
    /// A `package-lock.json` dependency resolved from a registry other than registry.npmjs.org.
    case nonPublicPackageRegistry = "non_public_package_registry"
    /// Local control-plane state (`.loopx/`, `.codex/goals/`, active state files) tracked by git.
    case trackedPrivateState = "tracked_private_state"

    public static func < (lhs: BoundaryRule, rhs: BoundaryRule) -> Bool { lhs.rawValue < rhs.rawValue }

    /// One sentence on what the rule protects, for reports and docs.
    public var summary: String {
        switch self {
        case .privateDocURL: return "link to a private document host"
        case .credential: return "credential literal (key, token, password, private key)"
        case .localPrivatePath: return "path into a personal home or private data directory"
        case .internalTaskID: return "internal task id"
        case .privateIP: return "private network address"
        case .nonPublicPackageRegistry: return "dependency resolved from a non-public package registry"
        case .trackedPrivateState: return "local control-plane state tracked by git"
        }
    }
}

/// How much a boundary finding matters.
public enum BoundarySeverity: String, Sendable, Hashable, Comparable {
    /// Blocks publication: `check` is not ok.
    case error
    /// Worth a look, does not block.
    case warning
    /// Recorded for the count only, such as a credential reference (`$TOKEN`) rather than a value.
    case note

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .note: return 2
        }
    }

    public static func < (lhs: BoundarySeverity, rhs: BoundarySeverity) -> Bool { lhs.rank < rhs.rank }
}
