import LoopXRules

// LoopXCore is the domain: registry, run history, active state, facts, decisions and the
// commands' logic, over the rule engine of LoopXRules. Its clients import both modules
// explicitly (no re-export), so each file says which layer it uses.
