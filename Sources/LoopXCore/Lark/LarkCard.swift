import LoopXRules
import LoopXSupport

/// Builds Lark/Feishu interactive card JSON for a Markdown reply. It only builds the payload;
/// sending is the gateway's business, after the relevant loopx gate permits the write.
public struct LarkCard: Sendable {
    /// Header colours Lark accepts for `header.template`.
    public static let templates = [
        "blue", "wathet", "turquoise", "green", "yellow", "orange", "red", "carmine", "violet",
        "purple", "indigo", "grey", "default",
    ]

    public var title: String
    public var template: String
    public var markdown: String

    public init(title: String, template: String = "blue", markdown: String) throws(CommandFailure) {
        guard LarkCard.templates.contains(template) else {
            throw CommandFailure(
                "unknown card template '\(template)'",
                hint: "use one of: \(LarkCard.templates.joined(separator: ", "))", status: .usage)
        }
        let trimmedTitle = title.trimmingWhitespace
        guard !trimmedTitle.isEmpty else {
            throw CommandFailure("the card title is empty", hint: "pass --title TEXT", status: .usage)
        }
        self.title = trimmedTitle
        self.template = template
        self.markdown = markdown
    }

    /// The card: a header with the title and template colour, and one Markdown element.
    public var json: JSONValue {
        [
            "config": ["wide_screen_mode": true, "enable_forward": true],
            "header": [
                "template": .string(template),
                "title": ["tag": "plain_text", "content": .string(title)],
            ],
            "elements": [["tag": "markdown", "content": .string(markdown.trimmingTrailingNewlines)]],
        ]
    }
}

/// Finds the reply `message_id` in the output of a chat CLI, whatever its envelope.
public enum LarkMessageID {
    /// The first `message_id` string found breadth-first in JSON output, else the first
    /// `om_…` token in plain text; nil when there is none.
    public static func extract(from text: String) -> String? {
        if let json = try? JSONParser.parse(text) {
            var queue: [JSONValue] = [json]
            while !queue.isEmpty {
                let value = queue.removeFirst()
                switch value {
                case .object(let object):
                    if case .string(let id)? = object["message_id"], !id.isEmpty { return id }
                    queue.append(contentsOf: object.entries.map(\.value))
                case .array(let items):
                    queue.append(contentsOf: items)
                default:
                    continue
                }
            }
            return nil
        }
        return firstToken(in: text)
    }

    private static func firstToken(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 3 < scalars.count {
            let atBoundary = index == 0 || !isIDScalar(scalars[index - 1])
            if atBoundary, scalars[index] == "o", scalars[index + 1] == "m", scalars[index + 2] == "_" {
                var end = index + 3
                while end < scalars.count, isIDScalar(scalars[end]) { end += 1 }
                if end > index + 3 {
                    var id = ""
                    id.unicodeScalars.append(contentsOf: scalars[index..<end])
                    return id
                }
            }
            index += 1
        }
        return nil
    }

    private static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
    }
}

/// The answer of `lark-card --extract-message-id`.
public struct LarkMessageIDReport: Report {
    public var messageID: String?

    public init(messageID: String?) {
        self.messageID = messageID
    }

    public var ok: Bool { messageID != nil }

    public var json: JSONValue {
        ["ok": .bool(ok), "message_id": messageID.map(JSONValue.string) ?? .null]
    }

    public var markdown: String { messageID ?? "no message_id found in the input" }
}
