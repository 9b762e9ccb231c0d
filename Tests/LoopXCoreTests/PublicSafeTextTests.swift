import Testing
@testable import LoopXCore

@Suite struct PublicSafeTextTests {
    @Test(arguments: [
        "read /Users/me/notes.md", "copy from /ext_data/x", "see larkoffice.com/doc", "docs.internal/page",
        "task t-20260101123456-abc", "Bearer abc", "Authorization: x", "url?token=abc", "the PASSWORD is", "a secret plan",
    ])
    func refusesPrivateMarkers(_ text: String) {
        #expect(PublicSafeText.problem(in: text) != nil)
        #expect(throws: CommandFailure.self) { try PublicSafeText.require(text, field: "note") }
    }

    @Test(arguments: ["Wire the importer into the CLI", "token budget review", "t-2026 plan", "see docs/GOAL.md", "t-20260101123456"])
    func acceptsOrdinaryText(_ text: String) {
        #expect(PublicSafeText.isSafe(text))
    }
}
