import LoopXRules
import LoopXSupport

/// The `contract` section of status: registry problems, and the boundary scan when asked.
public struct StatusContract: Sendable {
    public var errors: [String] = []
    public var warnings: [String] = []
    public var checks: [String] = []
    /// The boundary scan, when status was given `--scan-root`/`--scan-path`.
    public var scan: BoundaryScanResult?

    public init() {}

    public var ok: Bool { errors.isEmpty }

    public var json: JSONValue {
        var object: JSONObject = [
            "ok": .bool(ok),
            "summary": [
                "errors": .int(Int64(errors.count)), "warnings": .int(Int64(warnings.count)),
                "checks": .int(Int64(checks.count)),
            ],
            "errors": .array(errors.map(JSONValue.string)), "warnings": .array(warnings.map(JSONValue.string)),
            "checks": .array(checks.map(JSONValue.string)),
        ]
        object["public_boundary_scan"] = scan.map(\.json) ?? .null
        return .object(object)
    }
}
