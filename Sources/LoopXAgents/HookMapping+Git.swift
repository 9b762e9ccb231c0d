extension HookMapping {
    /// `git` subcommands: commit and push become delivery actions; force-push, branch
    /// deletion, `reset --hard` and history rewrites are passed to the rules as the literal
    /// command (kind `destructive-git` with a command lets the rules classify it).
    func git(_ arguments: [String], _ text: String) -> [HookAction] {
        var rest = arguments[...]
        // Global options before the subcommand: `-C dir`, `-c key=value`, `--git-dir=...`.
        while let first = rest.first, first.hasPrefix("-") {
            rest = rest.dropFirst()
            if first == "-C" || first == "-c" || first == "--git-dir" || first == "--work-tree" { rest = rest.dropFirst() }
        }
        guard let sub = rest.first else { return [] }
        let options = Array(rest.dropFirst())
        let operands = options.filter { !$0.hasPrefix("-") }
        func destructive(_ ref: String) -> [HookAction] {
            var action = HookAction(kind: "destructive-git", label: "git \(sub)")
            (action.command, action.ref) = (text, ref)
            return [action]
        }
        switch sub {
        case "commit":
            var action = HookAction(kind: "commit", label: "git commit")
            (action.ref, action.command) = (branch ?? "", text)
            action.paths = commitPaths(options).compactMap(relative)
            return [action]
        case "push":
            let forced = options.contains { $0 == "--force" || $0.hasPrefix("--force-with-lease") || $0 == "--mirror"
                || $0 == "--delete" || $0 == "--prune" || ($0.hasPrefix("-") && !$0.hasPrefix("--") && ($0.contains("f") || $0.contains("d"))) }
            let refspecs = Array(operands.dropFirst())
            let last = refspecs.last ?? ""
            var target = last.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            if target.hasPrefix("+") { target.removeFirst() }
            if target.hasPrefix("refs/heads/") { target.removeFirst("refs/heads/".count) }
            if target.isEmpty || target == "HEAD" { target = branch ?? "" }
            if forced || refspecs.contains(where: { $0.hasPrefix("+") || $0.hasPrefix(":") }) { return destructive(target) }
            var action = HookAction(kind: "push", label: "git push")
            (action.ref, action.command) = (target, text)
            return [action]
        case "branch":
            let deleting = options.contains { $0 == "--delete" || ($0.hasPrefix("-") && !$0.hasPrefix("--") && ($0.contains("d") || $0.contains("D"))) }
            return deleting ? destructive(operands.first ?? "") : []
        case "reset":
            return options.contains("--hard") ? destructive(branch ?? "") : []
        case "rebase", "filter-branch", "filter-repo", "replace":
            return destructive(branch ?? "")
        default:
            return []
        }
    }

    /// Pathspecs of `git commit` (after `--`, or operands that are not option values).
    func commitPaths(_ options: [String]) -> [String] {
        if let dash = options.firstIndex(of: "--") { return Array(options[(dash + 1)...]) }
        var paths: [String] = []
        var skip = false
        for option in options {
            if skip { skip = false; continue }
            if ["-m", "--message", "-F", "--file", "-C", "-c", "--author", "--date", "--fixup", "--squash", "-t", "--template"].contains(option) {
                skip = true
            } else if !option.hasPrefix("-") {
                paths.append(option)
            }
        }
        return paths
    }

    /// `gh pr create`: a pull request from the checked-out branch.
    func github(_ arguments: [String], _ text: String) -> [HookAction] {
        var check = HookAction(kind: "destructive-git", label: "command")
        check.command = text
        guard arguments.count >= 2, arguments[0] == "pr", arguments[1] == "create" else { return [check] }
        var action = HookAction(kind: "pr", label: "gh pr create")
        var base = ""
        if let index = arguments.firstIndex(where: { $0 == "--base" || $0 == "-B" }), index + 1 < arguments.count { base = arguments[index + 1] }
        (action.ref, action.command) = (base.isEmpty ? (branch ?? "") : base, text)
        return [action]
    }
}
