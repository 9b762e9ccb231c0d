import Foundation
import LoopXRules
import LoopXSupport
import Testing

@Suite struct LarkCardTests {
    @Test func buildsACardFromMarkdownWithCodeTablesAndNonASCII() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let markdown = "**完成** — café\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```sh\necho \"hi\" \\\n```\n"
        let result = try runner.run(["lark-card", "--title", "loopx 结果", "--template", "green"], stdin: markdown)
        #expect(result.status == 0, "\(result.stderr)")
        let card = try JSONParser.parse(result.stdout)
        #expect(card["header"]?["template"] == "green")
        #expect(card["header"]?["title"]?["tag"] == "plain_text")
        #expect(card["header"]?["title"]?["content"] == "loopx 结果")
        let elements = card["elements"]?.arrayValue ?? []
        #expect(elements.count == 1)
        #expect(elements.first?["tag"] == "markdown")
        #expect(elements.first?["content"]?.stringValue == String(markdown.dropLast()))
    }

    @Test func rejectsAnUnknownTemplateAsAUsageError() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["lark-card", "--title", "t", "--template", "pink"], stdin: "x")
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown card template 'pink'"))
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (#"{"code":0,"data":{"message_id":"om_1a","chat_id":"oc_9"}}"#, "om_1a"),
        (#"{"ok":true,"result":[{"reply":{"message_id":"om_nested"}}]}"#, "om_nested"),
        ("sent message om_plain-2 to chat\n", "om_plain-2"),
    ])
    func extractsTheReplyMessageID(output: String, expected: String) throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["lark-card", "--extract-message-id", "--format", "json"], stdin: output)
        #expect(result.status == 0)
        #expect(try JSONParser.parse(result.stdout)["message_id"] == .string(expected))
    }

    @Test func reportsNotOkWhenThereIsNoMessageID() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["lark-card", "--extract-message-id", "--format", "json"], stdin: #"{"data":{}}"#)
        #expect(result.status == 1)
        #expect(try JSONParser.parse(result.stdout)["message_id"] == .null)
    }
}
