import ArgumentParser
import LoopXCore

extension TodoItem.Role: ExpressibleByArgument {}

struct TodoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "todo",
        abstract: "Edit the active state's todos safely (locked, byte-preserving, leased claims).",
        discussion: "Example: loopx todo claim --goal-id shop-goal --todo-id todo_3f2a9c1b7d4e --agent-id codex-main",
        subcommands: [Add.self, List.self, Claim.self, Release.self, Complete.self]
    )

    /// Options every todo action shares.
    struct Target: ParsableArguments {
        @Option(help: "The goal.") var goalId: String
        @Option(help: "Active state file (default: the goal's).") var stateFile: String?
        @Flag(help: "Report what would change; write nothing.") var dryRun = false

        func run(_ global: GlobalOptions, _ action: TodoOperation.Action, _ configure: (inout TodoOperation) -> Void) throws {
            let (context, store) = try global.store(allowMissing: stateFile != nil)
            var operation = TodoOperation(store: store, action: action, goalID: goalId)
            (operation.stateFile, operation.dryRun) = (stateFile, dryRun)
            configure(&operation)
            try emit(try operation.run(), format: context.format)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a todo (idempotent by text).", discussion: "Example: loopx todo add --goal-id G --role agent --text \"[P1] Wire the importer\"")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: "Who the item is for.") var role: TodoItem.Role = .agent
        @Option(help: "The todo text.") var text: String
        @Option(help: "advancement_task, continuous_monitor, user_gate or blocker.") var taskClass: String?
        @Option(help: "Action kind label.") var actionKind: String?
        @Option(help: "Soft owner hint (a registered agent).") var claimedBy: String?
        func run() throws { try target.run(global, .add) { ($0.role, $0.text, $0.taskClass, $0.actionKind, $0.agentID) = (role, text, taskClass, actionKind, claimedBy) } }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List todos with ids, status and leases.", discussion: "Example: loopx todo list --goal-id G --role agent --status open")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: "Only user or agent todos.") var role: TodoItem.Role?
        @Option(help: "Only open, done, blocked or deferred todos.") var status: String?
        func run() throws { try target.run(global, .list) { ($0.role, $0.status) = (role, status) } }
    }

    struct Claim: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lease a todo to an agent (refused while another agent's lease is live).", discussion: "Example: loopx todo claim --goal-id G --todo-id todo_abc123 --agent-id codex-main")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: "The todo id.") var todoId: String
        @Option(help: "The claiming agent.") var agentId: String
        @Option(help: "Lease length in minutes, 1...525600 (default: the goal's claim_ttl_minutes).") var ttlMinutes: Int64?
        func run() throws { try target.run(global, .claim) { ($0.todoID, $0.agentID, $0.ttlMinutes) = (todoId, agentId, ttlMinutes) } }
    }

    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End an agent's lease on a todo.", discussion: "Example: loopx todo release --goal-id G --todo-id todo_abc123 --agent-id codex-main")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: "The todo id.") var todoId: String
        @Option(help: "The agent holding the lease.") var agentId: String
        func run() throws { try target.run(global, .release) { ($0.todoID, $0.agentID) = (todoId, agentId) } }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a todo done and end its lease.", discussion: "Example: loopx todo complete --goal-id G --todo-id todo_abc123 --agent-id codex-main --evidence \"tests pass\"")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: "The todo id.") var todoId: String
        @Option(help: "The completing agent (required while a lease is live).") var agentId: String?
        @Option(help: "Public-safe evidence of completion.") var evidence: String?
        func run() throws { try target.run(global, .complete) { ($0.todoID, $0.agentID, $0.evidence) = (todoId, agentId, evidence) } }
    }
}
