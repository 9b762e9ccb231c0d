import LoopXRules
import LoopXSupport

/// A project's rule layer `.loopx/rules` as it was at a git revision, read with `git ls-tree`
/// and `git show` (nothing is checked out).
enum GitRuleLayer {
    /// The layer at `revision`; nil when the revision has no `.loopx/rules` directory.
    static func read(project: String, revision: String, environment: LoopXEnvironment) throws(CommandFailure) -> RuleLayerSource? {
        guard !revision.hasPrefix("-"), !revision.contains(":") else {
            throw CommandFailure("--git-rev '\(revision)' is not a revision", status: .usage)
        }
        guard let git = FileSystem.findOnPath("git", path: environment.variables["PATH"] ?? "") else {
            throw CommandFailure("--git-rev needs git on PATH", status: .usage)
        }
        let runner = ProcessRunner(executable: git, timeoutMilliseconds: 30_000)
        guard let verified = runner.run(["-C", project, "rev-parse", "--verify", "--quiet", revision + "^{commit}"]),
            verified.status == 0
        else {
            throw CommandFailure("--git-rev '\(revision)': no such commit in \(project)", status: .usage)
        }
        guard let listing = runner.run(["-C", project, "ls-tree", "--name-only", revision + ":.loopx/rules"]),
            listing.status == 0
        else { return nil }
        let names = String(decoding: listing.output, as: UTF8.self).split(separator: "\n").map(String.init)
        var files: [RuleSourceFile] = []
        for name in names.sorted()
        where (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.contains(".test.") && !name.hasPrefix(".") {
            guard let shown = runner.run(["-C", project, "show", "\(revision):.loopx/rules/\(name)"]), shown.status == 0,
                let text = String(validating: shown.output, as: UTF8.self)
            else {
                throw CommandFailure("cannot read .loopx/rules/\(name) at \(revision)", status: .invalidRules)
            }
            files.append(RuleSourceFile(path: "\(revision):.loopx/rules/\(name)", text: text))
        }
        return RuleLayerSource(kind: .project, files: files)
    }
}
