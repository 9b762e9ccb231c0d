import Foundation
import Testing

/// The documentation's examples run: every fenced block in README.md and docs/*.md that an
/// `<!-- example -->` line introduces is executed in a throw-away workspace (temporary HOME,
/// `docs/examples` copied to `examples/`, an empty project `proj/`, `LOOPX_NOW` fixed).
///
/// - A `sh` block: each line that is not blank or a `#` comment is a command; each must exit 0.
/// - A `console` block: each `$ ` line is a command and the lines up to the next `$ ` are its
///   output (stdout, then stderr), compared line by line. `<any>` in an expected line matches
///   any text, and a line that is exactly `...` matches any number of lines.
/// - `<!-- example cwd=examples/project -->` runs the block in that workspace directory
///   (default `proj`).
@Suite struct DocExamplesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Example: CustomStringConvertible {
        var file: String
        var line: Int
        var info: String
        var cwd: String
        var body: [String]
        var description: String { "\(file):\(line)" }
    }

    /// The marked examples of one Markdown file.
    static func examples(in relative: String) throws -> [Example] {
        let text = try String(contentsOf: repository.appendingPathComponent(relative), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var found: [Example] = []
        var index = 0
        while index < lines.count {
            let marker = lines[index].trimmingCharacters(in: .whitespaces)
            guard marker.hasPrefix("<!-- example"), marker.hasSuffix("-->"), index + 1 < lines.count,
                lines[index + 1].hasPrefix("```")
            else {
                index += 1
                continue
            }
            var cwd = "proj"
            for word in marker.dropFirst(4).dropLast(3).split(separator: " ") where word.hasPrefix("cwd=") {
                cwd = String(word.dropFirst(4))
            }
            let info = String(lines[index + 1].dropFirst(3))
            var body: [String] = []
            var end = index + 2
            while end < lines.count, !lines[end].hasPrefix("```") {
                body.append(lines[end])
                end += 1
            }
            found.append(Example(file: relative, line: index + 2, info: info, cwd: cwd, body: body))
            index = end + 1
        }
        return found
    }

    static var documents: [String] {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("docs").path)) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }

    /// Whether `actual` matches `expected`, with `<any>` inside a line and `...` lines.
    static func matches(_ actual: [String], _ expected: [String]) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "..." {
            return (0...actual.count).contains { matches(Array(actual[$0...]), Array(expected.dropFirst())) }
        }
        guard let line = actual.first, lineMatches(line, first) else { return false }
        return matches(Array(actual.dropFirst()), Array(expected.dropFirst()))
    }

    static func lineMatches(_ line: String, _ pattern: String) -> Bool {
        let parts = pattern.components(separatedBy: "<any>")
        guard parts.count > 1 else { return line == pattern }
        guard line.hasPrefix(parts[0]), line.hasSuffix(parts[parts.count - 1]) else { return false }
        var rest = Substring(line.dropFirst(parts[0].count))
        for part in parts.dropFirst().dropLast() {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.count >= parts[parts.count - 1].count
    }

    /// A workspace with `loopx` on PATH; runs one shell command in it.
    struct Workspace {
        let runner: LoopXRunner
        let bin: URL

        init() throws {
            runner = try LoopXRunner()
            bin = runner.home.appendingPathComponent("bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: bin.appendingPathComponent("loopx").path, withDestinationPath: LoopXRunner.binary)
            try FileManager.default.createDirectory(
                at: runner.home.appendingPathComponent("proj"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: DocExamplesTests.repository.appendingPathComponent("docs/examples"),
                to: runner.home.appendingPathComponent("examples"))
        }

        func run(_ command: String, in cwd: String) throws -> LoopXRunner.Result {
            try runner.run(
                ["-c", command], cwd: runner.home.appendingPathComponent(cwd),
                environment: ["PATH": bin.path + ":/usr/local/bin:/usr/bin:/bin"], binary: "/bin/sh")
        }
    }

    @Test func theMarkedExamplesCoverTheTourTheRulesGuideAndTheExpressionGuide() throws {
        let all = try DocExamplesTests.documents.flatMap { try DocExamplesTests.examples(in: $0) }
        for document in ["README.md", "docs/rules.md", "docs/expression-language.md"] {
            #expect(all.contains { $0.file == document }, "\(document) has no marked example")
        }
        #expect(all.allSatisfy { ["sh", "console"].contains($0.info) }, "\(all.map(\.info))")
    }

    @Test(arguments: DocExamplesTests.documents)
    func everyMarkedExampleRunsAndPrintsWhatItShows(_ document: String) throws {
        for example in try DocExamplesTests.examples(in: document) {
            let workspace = try Workspace()
            defer { workspace.runner.cleanUp() }
            if example.info == "sh" {
                for command in example.body where !command.trimmingCharacters(in: .whitespaces).isEmpty && !command.hasPrefix("#") {
                    let result = try workspace.run(command, in: example.cwd)
                    #expect(result.status == 0, "\(example): `\(command)` exited \(result.status)\n\(result.stdout)\(result.stderr)")
                }
                continue
            }
            var commands: [(String, [String])] = []
            for line in example.body {
                if line.hasPrefix("$ ") {
                    commands.append((String(line.dropFirst(2)), []))
                } else if !commands.isEmpty {
                    commands[commands.count - 1].1.append(line)
                }
            }
            #expect(!commands.isEmpty, "\(example): a console example without a `$ ` command")
            for (command, expected) in commands {
                let result = try workspace.run(command, in: example.cwd)
                var printed = (result.stdout + result.stderr).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if printed.last == "" { printed.removeLast() }
                #expect(DocExamplesTests.matches(printed, expected), "\(example): `\(command)` printed\n\(printed.joined(separator: "\n"))")
            }
        }
    }
}
