import ArgumentParser
import LoopXCore

/// `loopx store`: the shared PostgreSQL store (see docs/store.md).
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "The shared store: migrate its schema, check it, import and export a goal.",
        discussion: """
            The store is the registry's top-level `store` (postgres://user@host:port/db, no password), \
            overridden by $LOOPX_STORE_URL; the password comes from $PGPASSWORD, ~/.pgpass or $LOOPX_STORE_URL.
            """,
        subcommands: [StoreMigrateCommand.self, StoreStatusCommand.self, StoreImportCommand.self, StoreExportCommand.self]
    )
}

/// Runs one store action and prints its answer.
private func runStore(_ global: GlobalOptions, _ action: StoreOperation.Action, goalID: String? = nil, replace: Bool = false) throws {
    let context = try global.context()
    var operation = StoreOperation(store: try GoalStore.open(context, allowMissing: true), action: action, goalID: goalID)
    operation.replace = replace
    try emit(try operation.run(), format: context.format)
}

struct StoreMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply the schema versions the store lacks (idempotent, one transaction).",
        discussion: "Example: loopx store migrate --format json")
    @OptionGroup var global: GlobalOptions
    func run() throws { try runStore(global, .migrate) }
}

struct StoreStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "The store in use: its address (no password), whether it answers, schema version, row counts.",
        discussion: "Example: loopx store status --format json")
    @OptionGroup var global: GlobalOptions
    func run() throws { try runStore(global, .status) }
}

struct StoreImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Copy a goal's local runs, decisions, obligation and leases into the store, each once.",
        discussion: "Example: loopx store import --goal-id shop-goal --format json")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The goal to import.") var goalId: String
    func run() throws { try runStore(global, .import, goalID: goalId) }
}

struct StoreExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a goal's runs, decisions and obligation from the store back to its local files.",
        discussion: "Example: loopx store export --goal-id shop-goal --format json")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The goal to export.") var goalId: String
    @Flag(help: "Overwrite local files whose content differs from the store's.") var replace = false
    func run() throws { try runStore(global, .export, goalID: goalId, replace: replace) }
}
