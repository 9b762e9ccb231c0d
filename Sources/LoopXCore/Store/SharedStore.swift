import LoopXRules
import LoopXSupport

/// The seam between loopx's domain and a shared store: everything about a goal that must hold
/// across machines (the run index with its overlays, spends and voids; todo leases; the
/// obligation and decision logs). The local files implement the same contract directly in
/// `RunHistory`, `DecisionLog` and `ObligationLedger`; a shared store (PostgreSQL, in the
/// `LoopXPostgres` target) is registered by the executable through `SharedStores`.
/// Every method throws a `store_unavailable` failure when the store cannot answer.
public protocol SharedStore: AnyObject, Sendable {
    /// The address without password.
    var url: StoreURL { get }

    // MARK: runs

    /// Appends one index row (given with its canonical line) with a server-assigned sequence.
    func appendRun(goalID: String, row: JSONObject, line: [UInt8]) throws(CommandFailure)
    /// The newest `limit` runs (overlays merged), newest first, ignoring runs after `until`.
    func newestRuns(goalID: String, limit: Int, until: Timestamp?) throws(CommandFailure) -> [RunRecord]
    /// Spend and void events in `[since, until]`, newest first, one per run.
    func spendEvents(goalID: String, since: Timestamp, until: Timestamp?) throws(CommandFailure) -> [SpendEvent]
    /// Every row of the goal in append order (checks, export).
    func allRows(goalID: String) throws(CommandFailure) -> [JSONObject]
    /// The goal's row and run counts from the counter row (no scan).
    func counts(goalID: String) throws(CommandFailure) -> RunIndexCount
    /// Rows whose line contains `text`, newest appended first (a void's search for its spend).
    func rows(goalID: String, mentioning text: String) throws(CommandFailure) -> [JSONObject]
    /// The run with exactly this `generated_at`, overlays merged.
    func run(goalID: String, generatedAt: String) throws(CommandFailure) -> RunRecord?
    /// Runs `body` holding the goal's exclusive write lock in one transaction (committed when
    /// `body` returns, rolled back when it throws): the reads inside see every committed write.
    func exclusively<T>(goalID: String, _ body: () throws(CommandFailure) -> T) throws(CommandFailure) -> T

    // MARK: leases

    /// One conditional statement: grants, renews or takes over the lease unless another holder's is live.
    func claimLease(goalID: String, todoID: String, agent: String, ttlMinutes: Int64, dryRun: Bool) throws(CommandFailure) -> LeaseAnswer
    /// One conditional statement: ends the lease unless another holder's is live (`agent` nil:
    /// only an expired or absent lease).
    func releaseLease(goalID: String, todoID: String, agent: String?, dryRun: Bool) throws(CommandFailure) -> LeaseAnswer
    /// The goal's live leases.
    func leases(goalID: String) throws(CommandFailure) -> [Lease]

    // MARK: obligation and decisions

    func obligation(goalID: String) throws(CommandFailure) -> JSONObject?
    func recordObligation(goalID: String, _ object: JSONObject) throws(CommandFailure)
    func appendDecision(goalID: String, line: [UInt8], at: Timestamp, values: [(digest: String, bytes: [UInt8])]) throws(CommandFailure)
    /// The decision lines (oldest first) that contain one of `needles` (all when empty).
    func decisionLines(goalID: String, containing needles: [String]) throws(CommandFailure) -> [[UInt8]]
    func decisionValue(goalID: String, digest: String) throws(CommandFailure) -> [UInt8]?

    // MARK: administration

    /// Applies the missing schema versions in one transaction; the versions applied.
    func migrate() throws(CommandFailure) -> StoreMigration
    /// Reachability, schema version and row counts.
    func status() throws(CommandFailure) -> JSONObject
    /// Copies a goal's local data in, each row exactly once (rows already imported are skipped).
    func importGoal(_ data: StoreTransfer) throws(CommandFailure) -> StoreTransferCounts
    /// The goal's data as it is in the store.
    func exportGoal(goalID: String) throws(CommandFailure) -> StoreTransfer
}

/// A live todo lease in a shared store.
public struct Lease: Sendable, Hashable {
    public var todoID: String
    public var holder: String
    public var acquiredAt: Timestamp
    public var expiresAt: Timestamp
    public var version: Int64

    public init(todoID: String, holder: String, acquiredAt: Timestamp, expiresAt: Timestamp, version: Int64) {
        (self.todoID, self.holder, self.acquiredAt, self.expiresAt, self.version) = (todoID, holder, acquiredAt, expiresAt, version)
    }

    public var json: JSONValue {
        ["todo_id": .string(todoID), "holder": .string(holder), "acquired_at": .string(acquiredAt.rfc3339),
         "expires_at": .string(expiresAt.rfc3339), "version": .int(version)]
    }
}

/// The answer of a lease statement: granted (with the lease now held, or nil after a release)
/// or refused (with the live lease of the other holder), plus the database clock.
public struct LeaseAnswer: Sendable, Hashable {
    public enum Effect: String, Sendable { case claimed, renewed, takenOver = "taken_over", released, unchanged, refused }
    public var effect: Effect
    public var lease: Lease?
    /// The previous holder (a take-over names whom it took from).
    public var previousHolder: String?
    /// The database's clock when the statement ran.
    public var now: Timestamp

    public init(effect: Effect, lease: Lease?, previousHolder: String?, now: Timestamp) {
        (self.effect, self.lease, self.previousHolder, self.now) = (effect, lease, previousHolder, now)
    }
}

/// What `store migrate` did.
public struct StoreMigration: Sendable, Hashable {
    public var versionBefore: Int
    public var versionAfter: Int
    public var applied: [Int]

    public init(versionBefore: Int, versionAfter: Int, applied: [Int]) {
        (self.versionBefore, self.versionAfter, self.applied) = (versionBefore, versionAfter, applied)
    }
}
