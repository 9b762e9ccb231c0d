import LoopXRules
import LoopXSupport

/// What a command produces: a machine-readable payload and a human rendering of the same facts.
public protocol Report {
    /// Whether the command's question was answered favourably; decides exit status 0 or 1.
    var ok: Bool { get }
    /// The JSON payload (the machine contract; keys are written sorted).
    var json: JSONValue { get }
    /// The Markdown rendering for people.
    var markdown: String { get }
}

/// The two output formats every command supports.
public enum OutputFormat: String, Sendable, CaseIterable {
    case markdown
    case json
}

/// Exit statuses shared by every command.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case notOK = 1
    case usage = 2
    case invalidRules = 3
}

extension Report {
    /// The text to print for a format, ending in a newline.
    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .json: return JSONWriter(sortedKeys: true, pretty: true).string(json) + "\n"
        case .markdown:
            let text = markdown
            return text.hasSuffix("\n") ? text : text + "\n"
        }
    }

    public var exitStatus: ExitStatus { ok ? .ok : .notOK }
}
