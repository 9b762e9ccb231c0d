/// Whether a project's `.gitignore` keeps loopx's private files (`.loopx/`, `.codex/goals/`)
/// out of git, and the advice to print when it does not. loopx never edits `.gitignore` itself.
public struct GitignoreAdvice: Sendable {
    public static let privatePaths = [".loopx/", ".codex/goals/"]

    public var project: String
    /// The private paths the `.gitignore` does not mention.
    public var missing: [String]

    public init(project: String) {
        self.project = project
        let text = (try? FileSystem.readText(FileSystem.join(project, ".gitignore"))) ?? ""
        let entries = Set(text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { String($0).trimmingWhitespace })
        func covered(_ bases: [String]) -> Bool {
            bases.contains { base in [base, base + "/", "/" + base, "/" + base + "/"].contains(where: entries.contains) }
        }
        var missing: [String] = []
        if !covered([".loopx"]) { missing.append(".loopx/") }
        if !covered([".codex", ".codex/goals"]) { missing.append(".codex/goals/") }
        self.missing = missing
    }

    public var note: String {
        if missing.isEmpty { return ".loopx/ and .codex/goals/ are private and already listed in .gitignore." }
        return ".loopx/ and .codex/goals/ hold private local state; add \(missing.joined(separator: " and ")) to \(FileSystem.join(project, ".gitignore")) so they are never committed."
    }

    public var json: JSONValue {
        ["path": .string(FileSystem.join(project, ".gitignore")), "missing": .strings(missing), "ok": .bool(missing.isEmpty)]
    }
}
