import LoopXRules
import LoopXSupport

/// Copies project goals into the global registry, sanitized: `authority_sources` dropped
/// (`authority_source_count` kept), `source_registry` and `synced_at` added. A goal id already
/// routed to another project is refused unless `replaceState`, which writes a backup first.
public struct GlobalRegistrySync: Sendable {
    public var sourceRegistryPath: String
    public var source: Registry
    public var globalPath: String
    public var runtimeRoot: String
    public var now: Timestamp
    public var replaceState = false
    public var dryRun = false
    /// Only these goals (all when nil).
    public var goalIDs: [String]?

    public init(sourceRegistryPath: String, source: Registry, globalPath: String, runtimeRoot: String, now: Timestamp) {
        self.sourceRegistryPath = sourceRegistryPath
        self.source = source
        self.globalPath = globalPath
        self.runtimeRoot = runtimeRoot
        self.now = now
    }

    /// The sanitized copy of one project goal.
    public func sanitized(_ goal: GoalEntry) -> GoalEntry {
        var copy = goal
        copy["authority_source_count"] = .int(Int64(goal.authoritySourceCount))
        copy["authority_sources"] = nil
        if var authority = copy["authority_registry"]?.objectValue {
            authority["default_entries"] = nil
            authority["default_entry_docs"] = nil
            copy["authority_registry"] = .object(authority)
        }
        copy["source_registry"] = .string(sourceRegistryPath)
        copy["synced_at"] = .string(now.rfc3339)
        return copy
    }

    /// Runs the sync as one read-modify-write under the global file's lock: takes the lock,
    /// re-reads the file, merges the goals into what is there now and replaces it atomically,
    /// so a concurrent writer that came first is merged with, never refused. Dry runs read
    /// without the lock and write nothing. The report says what happened or why it was refused.
    public func run() throws(CommandFailure) -> JSONObject {
        var out: JSONObject = [
            "dry_run": .bool(dryRun), "registry": .string(sourceRegistryPath), "global_registry": .string(globalPath),
            "runtime_root": .string(runtimeRoot),
        ]
        if FileSystem.normalize(sourceRegistryPath) == FileSystem.normalize(globalPath) {
            out["ok"] = true
            out["skipped"] = true
            out["reason"] = "the source registry is the global registry"
            out["wrote"] = false
            return out
        }
        guard !dryRun else {
            let snapshot: FileSnapshot
            do { snapshot = try FileSnapshot.read(globalPath) } catch { throw CommandFailure(error.description) }
            var merged = try merge(into: snapshot, report: out)
            merged.report["ok"] = true
            merged.report["wrote"] = false
            return merged.report
        }
        do {
            var report = try LockedRewrite.update(globalPath) { snapshot in
                let merged = try merge(into: snapshot, report: out)
                return (merged.registry.fileBytes, merged.report)
            }
            report["ok"] = true
            report["wrote"] = true
            return report
        } catch let failure as CommandFailure {
            throw failure
        } catch let failure as LockedRewrite.Failure {
            if case .changedOnDisk = failure { throw failure.commandFailure }
            return denied(out, failure.description)
        } catch {
            return denied(out, "\(error)")
        }
    }

    /// The global registry `snapshot` with the incoming goals merged in, and the report of the
    /// merge. Throws on a route collision unless `replaceState`; when replacing (and not a dry
    /// run) the old file is backed up first.
    func merge(into snapshot: FileSnapshot, report: JSONObject) throws(CommandFailure) -> (registry: Registry, report: JSONObject) {
        var out = report
        var global = try snapshot.bytes.map { bytes throws(CommandFailure) in try RegistryCodec.decode(bytes, path: globalPath) } ?? Registry()
        let incoming = source.goals.filter { goal in goal.goalID != nil && (goalIDs?.contains(goal.id ?? "") ?? true) }
        var actions: [JSONValue] = []
        var collisions: [JSONValue] = []
        var synced: [GoalEntry] = []
        for goal in incoming {
            var copy = sanitized(goal)
            let id = goal.id ?? ""
            if let old = global.goal(id: id) {
                let moved = (old.sourceRegistry.map { $0 != sourceRegistryPath } ?? false)
                    || old.repo != goal.repo || old.stateFile != goal.stateFile
                if moved {
                    collisions.append(.object([
                        "goal_id": .string(id), "existing_source_registry": old.sourceRegistry.map(JSONValue.string) ?? .null,
                        "existing_repo": old.repo.map(JSONValue.string) ?? .null, "existing_state_file": old.stateFile.map(JSONValue.string) ?? .null,
                    ]))
                }
                if old.sourceRegistry != sourceRegistryPath, goal["clear_attention_override"] == nil {
                    for key in GoalEntry.attentionOverrideKeys where copy.attentionOverrides[key] == nil {
                        if let kept = old.attentionOverrides[key] { copy[key] = kept }
                    }
                }
                actions.append(.string("\(id):\(moved ? "replaced-route" : "updated")"))
            } else {
                actions.append(.string("\(id):added"))
            }
            synced.append(copy)
        }
        out["source_goal_count"] = .int(Int64(source.goals.count))
        out["synced_goal_ids"] = .array(synced.compactMap(\.id).map { .string($0) })
        out["actions"] = .array(actions)
        out["route_collisions"] = .array(collisions)
        out["route_replacement_allowed"] = .bool(replaceState)
        out["backup_path"] = .null
        if !collisions.isEmpty && !replaceState {
            throw CommandFailure(
                "route collision in the global registry \(globalPath): a goal id is already routed to another project (\(collisions.count) goal(s))",
                hint: collisionHint)
        }
        let syncedIDs = Set(synced.compactMap(\.id))
        let kept = global.goals.filter { !syncedIDs.contains($0.id ?? "") }
        global.replaceGoals(kept + synced)
        global.root["schema_version"] = .string(global.schemaVersion ?? source.schemaVersion ?? "0.1")
        global.root["updated_at"] = .string(now.rfc3339)
        global.root["common_runtime_root"] = .string(runtimeRoot)
        global.root["registry_role"] = "global-local"
        out["global_goal_count"] = .int(Int64(global.goals.count))
        out["updated_at"] = .string(now.rfc3339)
        out["skipped"] = false
        if !dryRun, !collisions.isEmpty, let bytes = snapshot.bytes {
            let stamp = RunHistory.stem(generatedAt: now.rfc3339)
            let backup = "\(globalPath).route-collision-backup-\(stamp).bak"
            do { try FileSystem.writeAtomically(backup, bytes: bytes) } catch { throw CommandFailure(error.description) }
            out["backup_path"] = .string(backup)
        }
        return (global, out)
    }

    /// What to do about a route collision; `sync-global --replace-state` moves the route.
    public var collisionHint = "rename the goal, or rerun with --replace-state to replace the route (a backup is written first)"

    /// The report of a sync whose write was denied: the project registry stays usable.
    func denied(_ report: JSONObject, _ error: String) -> JSONObject {
        var out = report
        out["ok"] = false
        out["write_denied"] = true
        out["error_kind"] = "global_registry_write_denied"
        out["error"] = .string(error)
        out["project_registry_usable"] = true
        out["fallback_registry"] = .string(sourceRegistryPath)
        out["recommended_action"] = .string("pass --runtime-root to a writable directory, or rerun with --no-global-sync")
        out["wrote"] = false
        return out
    }
}
