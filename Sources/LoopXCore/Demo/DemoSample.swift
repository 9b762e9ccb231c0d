import LoopXRules
import LoopXSupport

/// The embedded sample the tour runs on: one goal whose history shows a surface-only streak
/// after an approved handoff (the outcome floor holds delivery), a small-scale streak (the
/// delivery contract asks for expansion), and a lesson the next action contradicts.
enum DemoSample {
    static let goalID = "sample-checkout"
    static let objective = "Make the sample shop's checkout survive payment retries"

    /// Profile markers that let loopx tell outcome runs from surface-only runs.
    static let outcomeMarkers = ["eval_metric", "experiment", "adapter_proof"]
    static let surfaceOnlyHints = ["forecast", "runbook", "queue", "fields"]

    static func state(now: Timestamp) -> String {
        """
        ---
        status: active
        owner_mode: goal
        objective: "\(objective)"
        updated_at: \(now.rfc3339)
        adapter_id: sample-checkout
        ---

        # Active Goal State

        ## Objective

        \(objective).

        ## Authority Sources

        - docs/GOAL.md (the checkout reliability goal)

        ## User Todo / Owner Review Reading Queue

        - [x] [P1] Confirm which payment provider sandbox the retry test may use

        ## Agent Todo

        - [ ] [P1] Reproduce the double-charge on a retried payment in a failing test
        - [ ] [P2] Fix the retry path so a retried payment charges once
        - [x] [P3] Map the checkout flow and its tests

        ## Next Action

        - Add more status page fields for checkout retries

        ## Progress Ledger

        - \(now.rfc3339): the demo created this state.

        """
    }

    /// A run of the sample history: days before now, classification, action and extras.
    struct Run {
        var daysAgo: Int64
        var classification: String
        var action: String
        var extra: JSONObject = [:]
    }

    static let runs: [Run] = [
        Run(daysAgo: 5, classification: "read_only_project_map", action: "map the checkout flow and its tests"),
        Run(daysAgo: 4, classification: "operator_gate_approved", action: "work on the retry path",
            extra: ["operator_gate": ["decision": "approve", "agent_command": "loopx todo list --goal-id sample-checkout"]]),
        Run(daysAgo: 3, classification: "state_refreshed", action: "add more status page fields",
            extra: ["delivery_batch_scale": "single_surface", "delivery_outcome": "surface_only"]),
        Run(daysAgo: 2, classification: "state_refreshed", action: "write the retry runbook",
            extra: ["delivery_batch_scale": "single_surface", "delivery_outcome": "surface_only"]),
        // The newest run recommends the state's Next Action, which the lesson contradicts.
        Run(daysAgo: 1, classification: "state_refreshed", action: "Add more status page fields for checkout retries",
            extra: ["delivery_batch_scale": "test_only", "delivery_outcome": "outcome_gap"]),
    ]

    /// The reward overlay on the first surface-only run: a lesson the next action contradicts.
    static let lessonRunIndex = 2
    static func humanReward(recordedAt: Timestamp) -> JSONValue {
        [
            "recorded_at": .string(recordedAt.rfc3339), "decision": "route_correction", "reward": "mixed",
            "reason_summary": "status fields do not fix the double charge",
            "lesson": [
                "kind": "route", "summary": "Fix the retry bug before adding status fields",
                "avoid": ["add more status page fields"], "prefer": ["reproduce the retry bug in a test"],
            ],
        ]
    }
}
