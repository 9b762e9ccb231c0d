import LoopXCore

/// The small argument reader of the per-call commands (`quota should-run`, `hook
/// claude-code`), which skips ArgumentParser's model on the heartbeat path. It accepts only
/// `--name value`, `--name=value` and the given flags, each once (`--rules` may repeat);
/// anything else gives nil, and the caller then lets ArgumentParser parse the line, so errors
/// and usage text are exactly the full parser's. (`LOOPX_FAST_ARGS=off` makes `main` skip it.)
struct FastArguments {
    var values: [String: String] = [:]
    var rules: [String] = []
    var flags: Set<String> = []

    /// Reads `arguments` (after the command words) with the given option and flag names
    /// (without `--`); the global options are always allowed.
    init?(_ arguments: ArraySlice<String>, options: [String], flags allowedFlags: [String] = []) {
        let allowed = Set(options + ["registry", "runtime-root", "format", "now", "rules"])
        var rest = arguments
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("--") else { return nil }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0].dropFirst(2))
            if allowedFlags.contains(name) {
                guard parts.count == 1, flags.insert(name).inserted else { return nil }
                continue
            }
            guard allowed.contains(name) else { return nil }
            let value: String
            if parts.count == 2 {
                value = String(parts[1])
            } else {
                guard let next = rest.popFirst(), !next.hasPrefix("-") else { return nil }
                value = next
            }
            if name == "rules" {
                rules.append(value)
            } else {
                guard values.updateValue(value, forKey: name) == nil else { return nil }
            }
        }
    }

    /// The global settings the arguments give; nil for an unknown `--format`.
    var settings: GlobalSettings? {
        var format = OutputFormat.markdown
        if let text = values["format"] {
            guard let parsed = OutputFormat(rawValue: text) else { return nil }
            format = parsed
        }
        return GlobalSettings(registry: values["registry"], runtimeRoot: values["runtime-root"], format: format, now: values["now"], rules: rules)
    }
}
