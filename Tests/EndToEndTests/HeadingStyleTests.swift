import Foundation
import LoopXCore
import Testing

/// Issue 16 ("mixed heading styles"): every Markdown answer titles and heads its sections in
/// one style — sentence case (`## Attention queue`, `# loopx history`), never Title Case
/// (`## Attention Queue`, `# LoopX History`). Fenced code and the goal's own state file are
/// not headings of ours.
@Suite struct HeadingStyleTests {
    /// Words after the first that are capitalized, ignoring code spans and acronyms.
    static func titleCaseWords(_ heading: String) -> [String] {
        var text = heading.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
        while let open = text.firstIndex(of: "`"), let close = text[text.index(after: open)...].firstIndex(of: "`") {
            text.removeSubrange(open...close)
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" }).map(String.init)
        return words.dropFirst().filter { word in
            guard let first = word.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
            return word.uppercased() != word  // CLI, JSON, ... are acronyms
        }
    }

    static func headings(_ markdown: String) -> [String] {
        var inFence = false
        var found: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if !inFence, line.hasPrefix("#") { found.append(String(line)) }
        }
        return found
    }

    @Test func theCheckCatchesTitleCase() {
        #expect(Self.titleCaseWords("## Attention Queue") == ["Queue"])
        #expect(Self.titleCaseWords("# LoopX History") == ["History"])
        #expect(Self.titleCaseWords("## Attention queue").isEmpty)
        #expect(Self.titleCaseWords("# Should `Goal` run now? JSON").isEmpty)
    }

    @Test func everyMarkdownAnswerUsesSentenceCase() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try fixture.addRun("app", at: "2025-12-31T09:00:00Z", classification: "state_refreshed")
        let commands: [[String]] = [
            ["status"], ["history"], ["registry"], ["quota", "plan"], ["quota", "status"], ["doctor"], ["check"],
            ["quota", "should-run", "--goal-id", "app", "--read-only"], ["gate", "check", "--goal-id", "app", "--kind", "push"],
            ["todo", "list", "--goal-id", "app"], ["decisions", "--goal-id", "app"], ["rules", "list"],
            ["refresh-state", "--goal-id", "app", "--classification", "state_refreshed", "--recommended-action", "continue"],
            ["reward", "--goal-id", "app", "--decision", "continue_route", "--reward", "positive", "--reason-summary", "ok"],
            ["read-only-map", "--goal-id", "app"], ["bootstrap", "--goal-id", "app", "--domain", "web"],
        ]
        var seen = 0
        for command in commands {
            let result = try runner.run(command, cwd: fixture.project)
            for heading in Self.headings(result.stdout) {
                seen += 1
                #expect(Self.titleCaseWords(heading).isEmpty, "\(command): \(heading)")
            }
        }
        #expect(seen >= 20, "the commands printed their Markdown")
    }
}
