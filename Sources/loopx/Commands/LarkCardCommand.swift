import ArgumentParser
import LoopXCore
import LoopXRules
import LoopXSupport

struct LarkCardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lark-card",
        abstract: "Build a Lark/Feishu interactive card from Markdown on stdin (never sends it).",
        discussion: """
            Examples:
              printf '**Done**\\n- validated' | loopx lark-card --title "loopx result" --template green
              some-chat-cli send ... | loopx lark-card --extract-message-id
            """
    )

    @Option(help: "The card title.")
    var title: String?

    @Option(help: "Header colour: \(LarkCard.templates.joined(separator: ", ")).")
    var template: String = "blue"

    @Flag(help: "Read a chat CLI's output on stdin and print the reply message_id instead.")
    var extractMessageId = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let input = StandardInput.readAll()
        if extractMessageId {
            try emit(LarkMessageIDReport(messageID: LarkMessageID.extract(from: input)), format: global.format)
            return
        }
        let card = try LarkCard(title: title ?? "", template: template, markdown: input)
        Output.write(JSONWriter(sortedKeys: true, pretty: global.format == .markdown).string(card.json) + "\n")
    }
}
