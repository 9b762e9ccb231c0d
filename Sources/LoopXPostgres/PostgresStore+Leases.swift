import LoopXCore
import LoopXRules
import LoopXSupport
import PostgresNIO

/// Todo leases on PostgreSQL. A claim (grant, renewal, take-over) and a release are each ONE
/// conditional statement: an upsert (or update) whose `WHERE` is the compare — no other
/// holder's live lease — evaluated on the latest row version under the row lock, with the
/// TTL from the database clock; the row's `version` increases on every change.
extension PostgresStore {
    static let micro = "(extract(epoch FROM %@) * 1000000)::bigint"

    static func us(_ column: String) -> String { micro.replacingOccurrences(of: "%@", with: column) }

    public func claimLease(goalID: String, todoID: String, agent: String, ttlMinutes: Int64, dryRun: Bool) throws(CommandFailure) -> LeaseAnswer {
        if dryRun {
            let current = try currentLease(goalID: goalID, todoID: todoID)
            if let lease = current.lease, lease.holder != agent { return LeaseAnswer(effect: .refused, lease: lease, previousHolder: nil, now: current.now) }
            let effect: LeaseAnswer.Effect = current.lease == nil ? .claimed : .renewed
            let expires = current.now.adding(minutes: ttlMinutes)
            return LeaseAnswer(
                effect: effect, lease: Lease(todoID: todoID, holder: agent, acquiredAt: current.now, expiresAt: expires, version: 0),
                previousHolder: current.lease?.holder, now: current.now)
        }
        let result = try query(
            PostgresQuery(unsafeSQL: """
                WITH previous AS (
                    SELECT holder, expires_at > now() AS live FROM loopx_leases WHERE goal_id = $1 AND todo_id = $2),
                granted AS (
                    INSERT INTO loopx_leases AS l (goal_id, todo_id, holder, acquired_at, expires_at, version)
                    VALUES ($1, $2, $3, now(), now() + make_interval(mins => $4::int), 1)
                    ON CONFLICT (goal_id, todo_id) DO UPDATE SET
                        holder = EXCLUDED.holder,
                        acquired_at = CASE WHEN l.holder = EXCLUDED.holder AND l.expires_at > now() THEN l.acquired_at ELSE now() END,
                        expires_at = EXCLUDED.expires_at,
                        version = l.version + 1
                    WHERE l.holder IS NULL OR l.holder = EXCLUDED.holder OR l.expires_at <= now()
                    RETURNING holder, acquired_at, expires_at, version)
                SELECT holder, \(PostgresStore.us("acquired_at")), \(PostgresStore.us("expires_at")), version,
                    coalesce((SELECT holder FROM previous), ''), coalesce((SELECT live FROM previous), false),
                    \(PostgresStore.us("now()"))
                FROM granted
                """, binds: binds(goalID, todoID, agent, ttlMinutes)),
            doing: "claim a lease")
        guard let row = result.first else {
            let current = try currentLease(goalID: goalID, todoID: todoID)
            return LeaseAnswer(effect: .refused, lease: current.lease, previousHolder: current.lease?.holder, now: current.now)
        }
        do {
            let (holder, acquired, expires, version, previous, live, now) = try row.decode((String, Int64, Int64, Int64, String, Bool, Int64).self)
            let lease = Lease(
                todoID: todoID, holder: holder, acquiredAt: PostgresStore.timestamp(micros: acquired),
                expiresAt: PostgresStore.timestamp(micros: expires), version: version)
            let effect: LeaseAnswer.Effect = previous == agent && live ? .renewed : (!previous.isEmpty && previous != agent ? .takenOver : .claimed)
            return LeaseAnswer(effect: effect, lease: lease, previousHolder: previous.isEmpty ? nil : previous, now: PostgresStore.timestamp(micros: now))
        } catch {
            throw describe(error, doing: "decode a lease")
        }
    }

    public func releaseLease(goalID: String, todoID: String, agent: String?, dryRun: Bool) throws(CommandFailure) -> LeaseAnswer {
        let current = try currentLease(goalID: goalID, todoID: todoID)
        if let lease = current.lease, lease.holder != agent {
            return LeaseAnswer(effect: .refused, lease: lease, previousHolder: lease.holder, now: current.now)
        }
        if dryRun || current.lease == nil {
            return LeaseAnswer(effect: current.lease == nil ? .unchanged : .released, lease: nil, previousHolder: current.lease?.holder, now: current.now)
        }
        let result = try query(
            PostgresQuery(unsafeSQL: """
                UPDATE loopx_leases AS l SET holder = NULL, expires_at = now(), version = l.version + 1
                WHERE goal_id = $1 AND todo_id = $2 AND l.holder IS NOT NULL AND (l.holder = $3 OR l.expires_at <= now())
                RETURNING \(PostgresStore.us("now()"))
                """, binds: binds(goalID, todoID, agent ?? "")),
            doing: "release a lease")
        guard let row = result.first else {
            // Another holder claimed it between the read and the update: refuse with theirs.
            let raced = try currentLease(goalID: goalID, todoID: todoID)
            return LeaseAnswer(effect: raced.lease == nil ? .unchanged : .refused, lease: raced.lease, previousHolder: raced.lease?.holder, now: raced.now)
        }
        let now = (try? row.decode(Int64.self)).map(PostgresStore.timestamp(micros:)) ?? current.now
        return LeaseAnswer(effect: .released, lease: nil, previousHolder: agent, now: now)
    }

    public func leases(goalID: String) throws(CommandFailure) -> [Lease] {
        let result = try query(
            PostgresQuery(unsafeSQL: """
                SELECT todo_id, holder, \(PostgresStore.us("coalesce(acquired_at, expires_at)")), \(PostgresStore.us("expires_at")), version
                FROM loopx_leases WHERE goal_id = $1 AND holder IS NOT NULL AND expires_at > now() ORDER BY todo_id
                """, binds: binds(goalID)),
            doing: "read the leases")
        return try decodeLeases(result)
    }

    /// The live lease of a todo (nil when absent, released or expired) and the database clock.
    func currentLease(goalID: String, todoID: String) throws(CommandFailure) -> (lease: Lease?, now: Timestamp) {
        let result = try query(
            PostgresQuery(unsafeSQL: """
                SELECT todo_id, holder, \(PostgresStore.us("coalesce(acquired_at, expires_at)")), \(PostgresStore.us("expires_at")), version
                FROM loopx_leases WHERE goal_id = $1 AND todo_id = $2 AND holder IS NOT NULL AND expires_at > now()
                """, binds: binds(goalID, todoID)),
            doing: "read a lease")
        let clock = try query("SELECT \(unescaped: PostgresStore.us("now()"))", doing: "read the database clock")
        let now = clock.first.flatMap { try? $0.decode(Int64.self) }.map(PostgresStore.timestamp(micros:)) ?? Timestamp(seconds: 0)
        return (try decodeLeases(result).first, now)
    }

    func decodeLeases(_ result: PostgresQueryResult) throws(CommandFailure) -> [Lease] {
        var out: [Lease] = []
        for row in result {
            do {
                let (todo, holder, acquired, expires, version) = try row.decode((String, String, Int64, Int64, Int64).self)
                out.append(Lease(
                    todoID: todo, holder: holder, acquiredAt: PostgresStore.timestamp(micros: acquired),
                    expiresAt: PostgresStore.timestamp(micros: expires), version: version))
            } catch {
                throw describe(error, doing: "decode a lease")
            }
        }
        return out
    }

    /// Bindings for `$1`, `$2`, … in order.
    func binds(_ values: any PostgresDynamicTypeEncodable...) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values { bindings.append(value) }
        return bindings
    }
}
