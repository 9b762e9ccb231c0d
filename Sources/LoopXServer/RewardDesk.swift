import LoopXCore
import LoopXRules
import LoopXSupport

/// Serves the two reward routes through the one reward implementation (`HumanRewardRecorder`).
/// An actor, so the recompute-compare-append of one confirmation never interleaves with
/// another's inside this server; the index append itself holds the data layer's file lock.
actor RewardDesk {
    /// Makes the context of one request (a fresh clock unless `--now`/`LOOPX_NOW` pins it).
    let context: @Sendable () throws(CommandFailure) -> LoopXContext
    let writeEnabled: Bool

    init(context: @escaping @Sendable () throws(CommandFailure) -> LoopXContext, writeEnabled: Bool) {
        self.context = context
        self.writeEnabled = writeEnabled
    }

    /// `POST /reward/dry-run`: validates the body and previews the reward; writes nothing.
    nonisolated func dryRun(_ request: APIRequest) -> APIResponse {
        let body: RewardBody
        do throws(RewardBodyError) { body = try RewardBody(bytes: request.body, append: false) } catch {
            return APIResponse.failure(400, error.message, extra: ["dry_run": true, "appended": false])
        }
        do throws(CommandFailure) {
            let preview = try RewardDesk.preview(body.request(), context: context())
            return .json(200, preview.payload(dryRun: true, appended: false, writeEnabled: writeEnabled))
        } catch {
            return RewardDesk.refusal(error, dryRun: true)
        }
    }

    /// `POST /reward/append`: only when enabled, only from loopback pages, only for a preview
    /// that is still current; then appends through the reward code.
    func append(_ request: APIRequest) -> APIResponse {
        let flags: JSONObject = ["dry_run": false, "appended": false]
        guard writeEnabled else {
            return .failure(403, "the reward write API is disabled; restart serve-status with --enable-reward-write-api", extra: flags)
        }
        if let origin = request.header("origin"), !LoopbackHost.isLoopbackOrigin(origin) {
            return .failure(403, "requests from origin '\(origin)' may not write; use the dashboard served by this server", extra: flags)
        }
        let body: RewardBody
        do throws(RewardBodyError) { body = try RewardBody(bytes: request.body, append: true) } catch {
            return .failure(400, error.message, extra: flags)
        }
        do throws(CommandFailure) {
            let requestContext = try self.context()
            var reward = try body.request()
            let current = try RewardDesk.preview(reward, context: requestContext)
            guard current.id == body.string("preview_id") else {
                return .failure(409, "stale reward preview: the run history or the reward changed since the dry run; preview again",
                    extra: flags.merging(["current_preview_id": .string(current.id)]))
            }
            reward.dryRun = false
            let report = try HumanRewardRecorder.run(reward, context: requestContext).json
            let appended = report["appended"]?.boolValue ?? false
            // The id of what was confirmed; the written report counts the index before the append too.
            var done = RewardPreview(report: report)
            done.id = current.id
            return .json(200, done.payload(dryRun: false, appended: appended, writeEnabled: true))
        } catch {
            return RewardDesk.refusal(error, dryRun: false)
        }
    }

    static func preview(_ request: RewardRequest, context: LoopXContext) throws(CommandFailure) -> RewardPreview {
        var dry = request
        dry.dryRun = true
        return RewardPreview(report: try HumanRewardRecorder.run(dry, context: context).json)
    }

    /// A reward the reward code refused: the client's request was wrong (unknown goal, no such
    /// run, unsafe text), so 400 with the message and the hint.
    static func refusal(_ failure: CommandFailure, dryRun: Bool) -> APIResponse {
        var extra: JSONObject = ["dry_run": .bool(dryRun), "appended": false]
        if let hint = failure.hint { extra["hint"] = .string(hint) }
        return .failure(400, failure.detail, code: failure.code, extra: extra)
    }
}

extension JSONObject {
    /// This object with the other's entries added (the other's value wins on a clash).
    func merging(_ other: JSONObject) -> JSONObject {
        var out = self
        for (key, value) in other { out[key] = value }
        return out
    }
}
