import LoopXRules
import LoopXSupport

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
        let entries = Set(text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).compactMap { GitignoreAdvice.base(String($0)) })
        func covered(_ bases: [String]) -> Bool { bases.contains(where: entries.contains) }
        var missing: [String] = []
        if !covered([".loopx"]) { missing.append(".loopx/") }
        if !covered([".codex", ".codex/goals"]) { missing.append(".codex/goals/") }
        self.missing = missing
    }

    /// The directory a `.gitignore` line ignores as a whole, written the plain way: `.codex`
    /// for `.codex`, `.codex/`, `/.codex`, `**/.codex/`, `.codex/*` or `.codex/**`; nil for
    /// comments, negations and blank lines.
    static func base(_ line: String) -> String? {
        var pattern = Substring(line.trimmingWhitespace)
        guard !pattern.isEmpty, !pattern.hasPrefix("#"), !pattern.hasPrefix("!") else { return nil }
        if pattern.hasPrefix("**/") { pattern = pattern.dropFirst(3) }
        if pattern.hasPrefix("/") { pattern = pattern.dropFirst() }
        for suffix in ["/**", "/*", "/"] where pattern.hasSuffix(suffix) {
            pattern = pattern.dropLast(suffix.count)
            break
        }
        return pattern.isEmpty ? nil : String(pattern)
    }

    public var note: String {
        if missing.isEmpty { return ".loopx/ and .codex/goals/ are private and already listed in .gitignore." }
        return ".loopx/ and .codex/goals/ hold private local state; add \(missing.joined(separator: " and ")) to \(FileSystem.join(project, ".gitignore")) so they are never committed."
    }

    public var json: JSONValue {
        ["path": .string(FileSystem.join(project, ".gitignore")), "missing": .strings(missing), "ok": .bool(missing.isEmpty)]
    }
}
