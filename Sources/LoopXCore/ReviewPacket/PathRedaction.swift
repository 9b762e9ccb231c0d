import LoopXRules
import LoopXSupport

/// Replaces local absolute paths (`/home/me/x`, `~/x`) in texts handed to people or other agents
/// with `<local-path>`, so a packet never leaks the layout of the machine it was built on.
public enum PathRedaction {
    public static let placeholder = "<local-path>"
    /// Characters that end a path token.
    static let terminators: Set<Character> = [" ", "\t", "\n", "\"", "'", "`", ")", "]", ">", ",", ";"]
    /// Characters after which a path token may start.
    static let openers: Set<Character> = [" ", "\t", "\n", "\"", "'", "`", "(", "[", "=", "<"]

    public static func redact(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var index = 0
        while index < chars.count {
            let atBoundary = index == 0 || openers.contains(chars[index - 1])
            if atBoundary, let end = pathEnd(chars, from: index) {
                out += placeholder
                index = end
            } else {
                out.append(chars[index])
                index += 1
            }
        }
        return out
    }

    /// Redacts every string inside a JSON value (keys are kept).
    public static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(redact(text))
        case .array(let items): return .array(items.map { redact($0) })
        case .object(let object):
            var out = JSONObject()
            for entry in object { out[entry.key] = redact(entry.value) }
            return .object(out)
        default: return value
        }
    }

    /// The end of a local path token starting at `start`: `/a/b...` (two segments or more) or
    /// `~/...`; nil when the text there is not one.
    static func pathEnd(_ chars: [Character], from start: Int) -> Int? {
        var index = start
        if chars[index] == "~" {
            guard index + 1 < chars.count, chars[index + 1] == "/" else { return nil }
            index += 1
        }
        guard chars[index] == "/", index + 1 < chars.count, chars[index + 1] != "/", !terminators.contains(chars[index + 1]) else {
            return nil
        }
        var end = index + 1
        var slashes = 1
        while end < chars.count, !terminators.contains(chars[end]) {
            if chars[end] == "/" { slashes += 1 }
            end += 1
        }
        if chars[start] == "~" || slashes >= 2 { return end }
        return nil
    }
}
