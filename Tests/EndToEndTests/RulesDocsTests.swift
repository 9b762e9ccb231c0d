import Foundation
import Testing

/// docs/rules.md stays true: its example files are the real files, and its commands print
/// what it says they print.
@Suite struct RulesDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = root.appendingPathComponent("docs/examples")

    static func guide() throws -> String {
        try String(contentsOf: root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
    }

    /// The fenced blocks of a Markdown text with their info strings.
    static func blocks(_ text: String) -> [(info: String, body: String)] {
        var result: [(String, String)] = []
        var current: (String, [String])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let open = current {
                    result.append((open.0, open.1.joined(separator: "\n")))
                    current = nil
                } else {
                    current = (String(line.dropFirst(3)), [])
                }
            } else if current != nil {
                current?.1.append(String(line))
            }
        }
        return result
    }

    @Test func everyQuotedExampleFileIsTheRealFile() throws {
        let quoted = Self.blocks(try Self.guide()).filter { $0.body.hasPrefix("# file: ") }
        #expect(quoted.count >= 7)
        for block in quoted {
            let path = String(block.body.split(separator: "\n")[0].dropFirst("# file: ".count))
            let file = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
            #expect(file == block.body + "\n", "docs/rules.md quotes \(path) differently from the file")
        }
    }

    @Test func theExampleFixturesPassWithEveryRulePaired() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(
            ["rules", "test", "--builtin-rules", "rules", "rules/tests", "--require-pairs"], cwd: Self.examples)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("3 passed, 0 failed\n"))
    }

    @Test func theCheckExamplePrintsWhatTheGuideShows() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(
            ["rules", "check", "--builtin-rules", "rules", "--rules", "broken.yaml"], cwd: Self.examples)
        #expect(result.status == 3)
        let shown = Self.blocks(try Self.guide()).first { $0.info == "text" && $0.body.hasPrefix("broken.yaml:") }
        #expect(shown.map { $0.body + "\n" } == result.stdout)
    }

    @Test func theExplainExampleShowsTheGuidesLinesInOrder() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = Self.examples.appendingPathComponent("project")
        let check = try runner.run(["rules", "check", "--builtin-rules", "../rules"], cwd: project)
        #expect(check.status == 0, "\(check.stdout)")
        let result = try runner.run(
            ["rules", "explain", "--builtin-rules", "../rules", "--facts", "../facts.json", "--decision", "tick"],
            cwd: project, environment: ["LOOPX_NOW": "2026-03-01T10:30:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        let shown = try #require(Self.blocks(try Self.guide()).first { $0.info == "text" && $0.body.hasPrefix("- **health**") })
        var rest = Substring(result.stdout)
        for line in shown.body.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces) != "..." {
            guard let found = rest.range(of: line + "\n") else {
                Issue.record("explain output lacks, in order: \(line)\n\(result.stdout)")
                return
            }
            rest = rest[found.upperBound...]
        }
    }
}
