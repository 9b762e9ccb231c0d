/// The schema of the shared store, shipped in the binary: numbered migrations applied in
/// order by `loopx store migrate`, in one transaction, each recorded in `loopx_schema`.
/// Every statement is one string (the extended protocol runs one statement at a time).
enum PostgresSchema {
    struct Migration {
        var version: Int
        var description: String
        var statements: [String]
    }

    /// The advisory lock `migrate` holds so two machines never migrate at once.
    static let migrationLock: Int64 = 0x6C6F_6F70_7800_0001

    static let versionTable = """
        CREATE TABLE IF NOT EXISTS loopx_schema (
            version integer PRIMARY KEY,
            description text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())
        """

    static let migrations: [Migration] = [
        Migration(version: 1, description: "runs, counters, leases, obligations, decisions", statements: [
            // One row per index row; `seq` is the server-assigned total order. `at_us` is
            // `generated_at` in microseconds (NULL when it is not RFC 3339); `is_base` marks a
            // run's first row (overlays and repeated rows merge into it); `spend_kind` marks
            // spend and void rows; `line` is the row as canonical JSON.
            """
            CREATE TABLE loopx_runs (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                goal_id text NOT NULL,
                at_us bigint,
                generated_at text NOT NULL,
                json_path text NOT NULL,
                markdown_path text NOT NULL,
                is_base boolean NOT NULL,
                spend_kind text,
                host text,
                line text NOT NULL,
                recorded_at timestamptz NOT NULL DEFAULT now())
            """,
            // The heartbeat's reads: the newest runs, and the spends of a window.
            "CREATE INDEX loopx_runs_newest ON loopx_runs (goal_id, at_us DESC NULLS LAST, seq DESC) WHERE is_base",
            "CREATE INDEX loopx_runs_spends ON loopx_runs (goal_id, at_us DESC, seq DESC) WHERE is_base AND spend_kind IS NOT NULL",
            // Overlays of a run, and the lookup of a run by its `generated_at`.
            "CREATE INDEX loopx_runs_identity ON loopx_runs (goal_id, generated_at, seq)",
            // The totals `history` prints, kept by every append instead of counting the history.
            """
            CREATE TABLE loopx_goal_counts (
                goal_id text PRIMARY KEY,
                rows bigint NOT NULL,
                runs bigint NOT NULL)
            """,
            // Todo leases: one row per (goal, todo); `version` increases on every change;
            // `holder` NULL once released; times from the database clock.
            """
            CREATE TABLE loopx_leases (
                goal_id text NOT NULL,
                todo_id text NOT NULL,
                holder text,
                acquired_at timestamptz,
                expires_at timestamptz NOT NULL,
                version bigint NOT NULL,
                PRIMARY KEY (goal_id, todo_id))
            """,
            """
            CREATE TABLE loopx_obligations (
                goal_id text PRIMARY KEY,
                body text NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now())
            """,
            """
            CREATE TABLE loopx_decisions (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                goal_id text NOT NULL,
                at_us bigint NOT NULL,
                line text NOT NULL)
            """,
            "CREATE INDEX loopx_decisions_goal ON loopx_decisions (goal_id, seq)",
            """
            CREATE TABLE loopx_fact_values (
                goal_id text NOT NULL,
                digest text NOT NULL,
                body text NOT NULL,
                PRIMARY KEY (goal_id, digest))
            """,
        ])
    ]
}
