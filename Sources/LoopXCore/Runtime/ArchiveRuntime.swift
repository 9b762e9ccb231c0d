import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `loopx archive-runtime`: moves a goal's runtime directory (`<runtime-root>/goals/<id>`)
/// into `archived-goals/<id>-<UTC stamp>`. A dry run unless `execute`; goals still in the
/// registry are refused unless `allowRegistered`; a source that resolves (through symlinks)
/// outside `<runtime-root>/goals` is always refused.
public struct ArchiveRuntime: Sendable {
    public var store: GoalStore
    public var goalID: String
    public var archiveRoot: String?
    public var allowRegistered = false
    public var execute = false

    public init(store: GoalStore, goalID: String) {
        self.store = store
        self.goalID = goalID
    }

    public func run() throws(CommandFailure) -> PayloadReport {
        let id = try GoalID.parse(goalID)
        let runtimeRoot = store.runtimeRoot
        let goalsRoot = FileSystem.join(runtimeRoot, "goals")
        let source = store.goalDirectory(id)
        let member = store.registry.goal(id: id.rawValue) != nil
        let archiveRoot = self.archiveRoot.map(store.context.environment.absolute) ?? FileSystem.join(runtimeRoot, "archived-goals")
        let realGoals = FileSystem.realPath(goalsRoot)
        let realSource = FileSystem.realPath(source)
        let inside = realGoals.flatMap { root in realSource.map { $0.hasPrefix(root + "/") && FileSystem.dirname($0) == root } } ?? false
        let checks: [(String, Bool, String)] = [
            ("registry_membership", !member || allowRegistered,
             member ? (allowRegistered ? "registered; allowed by --allow-registered" : "goal is still in the registry") : "not registered"),
            ("source_exists", FileSystem.exists(source), source),
            ("source_is_directory", FileSystem.isDirectory(source), "a directory is required"),
            ("source_inside_runtime", inside, "must resolve inside \(realGoals ?? goalsRoot)"),
        ]
        let stamp = ArchiveRuntime.stamp(store.context.now)
        var destination = FileSystem.join(archiveRoot, "\(id)-\(stamp)")
        var n = 2
        while FileSystem.exists(destination) {
            destination = FileSystem.join(archiveRoot, "\(id)-\(stamp)-\(n)")
            n += 1
        }
        var payload: JSONObject = [
            "goal_id": .string(id.rawValue), "registry": .string(store.registryPath), "runtime_root": .string(runtimeRoot),
            "registry_member": .bool(member), "source": .string(source), "archive_root": .string(archiveRoot),
            "archive_path": .string(destination), "dry_run": .bool(!execute),
            "checks": .array(checks.map { ["name": .string($0.0), "ok": .bool($0.1), "detail": .string($0.2)] }),
        ]
        if let failed = checks.first(where: { !$0.1 }) {
            let message: String
            switch failed.0 {
            case "registry_membership": message = "goal '\(id)' is still registered; pass --allow-registered to archive its runtime anyway"
            case "source_inside_runtime": message = "runtime directory \(source) resolves outside \(goalsRoot); refusing to move it"
            default: message = "no runtime directory for goal '\(id)' at \(source)"
            }
            throw CommandFailure(
                message, code: failed.0 == "source_exists" ? .notFound : .refused, extra: ["checks": payload["checks"] ?? .null])
        }
        if execute {
            do { try FileSystem.createDirectory(archiveRoot) } catch { throw CommandFailure(error.description) }
            guard rename(source, destination) == 0 else {
                throw CommandFailure("cannot move \(source) to \(destination): \(String(cString: strerror(errno)))",
                                     hint: "the archive root must be on the same file system as the runtime root")
            }
        }
        payload["ok"] = true
        payload["archived"] = .bool(execute)
        payload["action"] = .string(execute ? "moved" : "would-move")
        var lines = ["# loopx archive-runtime", ""]
        lines += MarkdownText.bullets(payload, ["goal_id", "action", "source", "archive_path", "registry_member", "dry_run"])
        if !execute { lines += ["", "Dry run: rerun with --execute to move the directory."] }
        return PayloadReport(payload, markdown: lines.joined(separator: "\n"))
    }

    /// `YYYYMMDDTHHMMSSZ`.
    static func stamp(_ time: Timestamp) -> String {
        let f = time.utcFields
        func pad(_ v: Int64, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(f.year, 4))\(pad(f.month, 2))\(pad(f.day, 2))T\(pad(f.hour, 2))\(pad(f.minute, 2))\(pad(f.second, 2))Z"
    }
}
