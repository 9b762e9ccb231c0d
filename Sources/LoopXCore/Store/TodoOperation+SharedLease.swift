import LoopXRules
import LoopXSupport

/// Todo leases on a shared store. The store's lease row is the authority: a claim, renewal,
/// take-over or release is one conditional statement there (holder and expiry from the
/// database clock); the active-state Markdown then mirrors the lease in its claim fields
/// (`claimed_by`, `claimed_at`, `claim_expires_at`) for people and for tools that read the
/// file, under the file's lock. A refusal names the holder and the expiry from the store.
extension TodoOperation {
    func runShared(
        _ shared: any SharedStore, goalID: GoalID, path: String, agent: String?, ttl: Int64, payload given: JSONObject
    ) throws(CommandFailure) -> PayloadReport {
        var payload = given
        var answer: LeaseAnswer?
        let outcome = try ActiveStateFile.edit(path, now: store.context.now, write: !dryRun) { editor throws(CommandFailure) -> (TodoItem, TodoEditor.Effect) in
            let todoID = try todo()
            guard let item = editor.document.todo(id: todoID) else {
                throw CommandFailure("no todo with id \(todoID) in the active state", code: .refused)
            }
            let result: LeaseAnswer
            switch action {
            case .claim:
                guard let agent else { throw CommandFailure("todo claim needs --agent-id", status: .usage) }
                if item.status.isTerminal { throw CommandFailure("todo \(todoID) is \(item.status.rawValue); it cannot be claimed", code: .refused) }
                result = try shared.claimLease(goalID: goalID.rawValue, todoID: todoID, agent: agent, ttlMinutes: ttl, dryRun: dryRun)
            case .release:
                guard let agent else { throw CommandFailure("todo release needs --agent-id", status: .usage) }
                result = try shared.releaseLease(goalID: goalID.rawValue, todoID: todoID, agent: agent, dryRun: dryRun)
            default:
                result = try shared.releaseLease(goalID: goalID.rawValue, todoID: todoID, agent: agent, dryRun: dryRun)
            }
            answer = result
            if result.effect == .refused {
                let holder = result.lease?.holder ?? "another agent"
                let expiry = result.lease?.expiresAt.rfc3339 ?? "?"
                throw CommandFailure(
                    "todo \(todoID) is claimed by \(holder) until \(expiry) (lease in the shared store \(shared.url.redacted))",
                    hint: "wait until the lease expires, or ask \(holder) to release it", code: .refused,
                    extra: ["holder": .string(holder), "expires_at": .string(expiry)])
            }
            do {
                let mirrored = try editor.mirror(lease: result.lease, id: todoID)
                if action == .complete {
                    if let evidence { try PublicSafeText.require(evidence, field: "--evidence") }
                    return try editor.complete(id: todoID, agent: agent, evidence: evidence)
                }
                return (mirrored, TodoOperation.effect(result.effect))
            } catch let refusal as TodoEditor.Refusal {
                throw CommandFailure(refusal.message, code: .refused)
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure("\(error)")
            }
        }
        payload["ok"] = true
        payload["effect"] = .string(outcome.result.1.rawValue)
        payload["todo"] = outcome.result.0.json
        payload["changed"] = .bool(outcome.changed)
        payload["written"] = .bool(outcome.changed && !dryRun)
        payload["lease_authority"] = .string(shared.url.redacted)
        payload["lease"] = answer?.lease?.json ?? .null
        if let previous = answer?.previousHolder, answer?.effect == .takenOver { payload["taken_over_from"] = .string(previous) }
        if let item = outcome.document.todo(id: outcome.result.0.id) {
            payload["lines"] = .strings((item.itemLine..<item.endLine).map(outcome.document.content))
        }
        if action == .claim { payload["ttl_minutes"] = .int(ttl) }
        return PayloadReport(payload, markdown: TodoOperation.markdown(payload))
    }

    static func effect(_ effect: LeaseAnswer.Effect) -> TodoEditor.Effect {
        switch effect {
        case .claimed: return .claimed
        case .renewed: return .renewed
        case .takenOver: return .takenOver
        case .released: return .released
        case .unchanged, .refused: return .unchanged
        }
    }
}
