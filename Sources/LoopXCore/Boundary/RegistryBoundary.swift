import LoopXRules
import LoopXSupport

/// The public/private classification of a registry file (original §3.5): what kind of registry
/// it is, which of its values are private markers (by JSON path, never by value), and the
/// risks that follow from that and from git tracking it.
public struct RegistryBoundary: Sendable, Equatable {
    public enum Classification: String, Sendable {
        case sharedLocalRegistry = "shared_local_registry"
        case projectLocalPrivateRegistry = "project_local_private_registry"
        case publicExampleFixture = "public_example_fixture"
        case publicSafeProjection = "public_safe_projection"
        case localPrivateRegistry = "local_private_registry"

        var isPublic: Bool { self == .publicExampleFixture || self == .publicSafeProjection }
    }

    /// A private value inside the registry: where it is and what kind, not what it says.
    public struct Marker: Sendable, Equatable {
        /// `goals[0].repo`-style location.
        public var location: String
        /// `local_path`, `raw_source_reference` or `private_text`.
        public var kind: String

        public var json: JSONValue { .object(["path": .string(location), "kind": .string(kind)]) }
    }

    public struct Risk: Sendable, Equatable {
        public var code: String
        public var blocking: Bool

        public var json: JSONValue { .object(["code": .string(code), "blocking": .bool(blocking)]) }
    }

    public var registryPath: String
    public var classification: Classification
    public var markers: [Marker]
    /// Nil when git could not tell (not a repository, git missing).
    public var tracked: Bool?
    public var ignored: Bool?
    public var risks: [Risk]

    /// Only the first markers are listed; a registry full of paths needs no exhaustive list.
    public static let markerLimit = 25

    public var blockingRisks: [Risk] { risks.filter(\.blocking) }

    /// Classifies the registry `json` stored at `path` (absolute); `git` answers tracked/ignored.
    public init(json: JSONValue, path: String, gitExecutable: String?) {
        registryPath = path
        markers = RegistryMarkers.collect(in: json, limit: RegistryBoundary.markerLimit)
        let role = (json["registry_role"]?.stringValue ?? "").lowercased()
        classification = RegistryBoundary.classify(path: path, role: role, hasMarkers: !markers.isEmpty)
        let status = GitTracking.fileStatus(path, gitExecutable: gitExecutable)
        tracked = status?.tracked
        ignored = status?.ignored
        risks = RegistryBoundary.risks(classification, hasMarkers: !markers.isEmpty, tracked: tracked, ignored: ignored)
    }

    static func classify(path: String, role: String, hasMarkers: Bool) -> Classification {
        let name = FileSystem.basename(path)
        let components = path.split(separator: "/").dropLast()
        if role == "global-local" || name == "registry.global.json" { return .sharedLocalRegistry }
        if components.contains(where: { [".loopx", ".local", ".codex", "runtime"].contains(String($0)) }) {
            return .projectLocalPrivateRegistry
        }
        if components.contains("examples"), name.lowercased().contains("example") { return .publicExampleFixture }
        if role.contains("public") { return .publicSafeProjection }
        return hasMarkers ? .localPrivateRegistry : .publicSafeProjection
    }

    static func risks(_ classification: Classification, hasMarkers: Bool, tracked: Bool?, ignored: Bool?) -> [Risk] {
        var risks: [Risk] = []
        if classification.isPublic, hasMarkers {
            risks.append(Risk(code: "public_registry_contains_private_markers", blocking: true))
        }
        if !classification.isPublic {
            if tracked == true { risks.append(Risk(code: "registry_tracked_but_not_push_allowed", blocking: true)) }
            if tracked == false, ignored == false { risks.append(Risk(code: "registry_should_be_gitignored", blocking: false)) }
        }
        if classification == .sharedLocalRegistry {
            risks.append(Risk(code: "global_registry_is_local_control_plane_only", blocking: false))
        }
        if classification == .publicSafeProjection {
            risks.append(Risk(code: "public_safe_projection_is_not_runtime_publish_artifact", blocking: false))
        }
        return risks
    }

    public var json: JSONValue {
        .object([
            "registry": .string(registryPath),
            "classification": .string(classification.rawValue),
            "private_markers": .array(markers.map(\.json)),
            "private_marker_count": .int(Int64(markers.count)),
            "tracked": tracked.map(JSONValue.bool) ?? .null,
            "ignored": ignored.map(JSONValue.bool) ?? .null,
            "risks": .array(risks.map(\.json)),
            "blocking": .bool(!blockingRisks.isEmpty),
        ])
    }
}
