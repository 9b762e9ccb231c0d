import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// The error codes of the JSON envelope: the docs table and `ErrorCode` agree, and a failure
/// renders the envelope the docs describe.
@Suite struct ErrorCodeTests {
    static let commandsDoc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/commands.md")

    /// The docs table and the `ErrorCode` enum list the same codes with the same exit statuses.
    @Test func docsTableMatchesTheErrorCodes() throws {
        let text = try String(contentsOf: Self.commandsDoc, encoding: .utf8)
        let section = try #require(text.range(of: "## Errors and exit codes"))
        var documented: [String: Int32] = [:]
        for line in text[section.upperBound...].split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            documented[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = Int32(cells[1])
        }
        let defined = Dictionary(uniqueKeysWithValues: ErrorCode.allCases.map { ($0.rawValue, $0.exitStatus.rawValue) })
        #expect(documented == defined)
    }

    /// A failure's status is its code's; a status-only failure gets the general code.
    @Test func statusFollowsTheCode() {
        #expect(CommandFailure("x", code: .unknownGoal).status == .notOK)
        #expect(CommandFailure("x", code: .unsafeText).status == .usage)
        #expect(CommandFailure("x", status: .usage).code == .usage)
        #expect(CommandFailure("x", status: .invalidRules).code == .invalidRules)
        #expect(CommandFailure("x").code == .failed)
    }

    /// The envelope: ok false, the code, message, null position and hint when unknown; the
    /// first diagnostic's position and a `diagnostics` list when there are several.
    @Test func envelopeShape() {
        let plain = CommandFailure("goal 'x' is not in the registry", code: .unknownGoal).envelope
        #expect(plain["ok"] == .bool(false))
        #expect(plain["error"]?["code"] == .string("unknown_goal"))
        #expect(plain["error"]?["line"] == .null)
        #expect(plain["hint"] == .null)
        #expect(plain["diagnostics"] == nil)
        let items = [
            Diagnostic(path: "a.yaml", position: SourcePosition(line: 3, column: 7), message: "first"),
            Diagnostic(path: "b.yaml", position: SourcePosition(line: 1, column: 1), message: "second"),
        ]
        let several = CommandFailure.invalidRules(DiagnosticList(items)).envelope
        #expect(several["error"]?["path"] == .string("a.yaml"))
        #expect(several["error"]?["line"] == .int(3))
        #expect(several["error"]?["column"] == .int(7))
        #expect(several["diagnostics"]?.arrayValue?.count == 2)
        #expect(CommandFailure.invalidRules(DiagnosticList(items)).description.hasPrefix("a.yaml:3:7: error: first"))
    }
}
