import LoopXSupport
/// `normalize:` of `facts.yaml`: how loopx reads the values a user writes (a registry entry's
/// fields and its `execution_profile`) before any command or rule sees them. The default of
/// each field is its value under `defaults:` (declared once there); a value that does not
/// satisfy the field's rule falls back to it, with a warning naming the field.
public struct FieldNormalization: Sendable, Hashable {
    /// What a valid value of one field is.
    public enum Rule: Sendable, Hashable {
        /// A string of the label syntax (surrounding whitespace trimmed).
        case label
        /// A list of labels: invalid items are dropped; a list left empty falls back.
        case labels
        /// An integer of at least `minimum`.
        case integer(minimum: Int64)
        /// A string; an empty one falls back.
        case text
    }

    /// The label syntax: the first character, the others, and the most characters.
    public var label: LabelSyntax
    /// Each normalized field's rule, by dotted fact path (`profile.outcome_floor.must_advance`).
    public var rules: [String: Rule]
    /// The normalized paths in file order.
    public var order: [String]

    public init(label: LabelSyntax = LabelSyntax(), rules: [String: Rule] = [:], order: [String] = []) {
        self.label = label
        self.rules = rules
        self.order = order
    }

    /// The normalized paths below one root fact (`goal`, `profile`) with their rules, in file
    /// order, relative to that fact (`outcome_floor.must_advance`).
    public func fields(of fact: String) -> [(path: [String], rule: Rule)] {
        let prefix = fact + "."
        return order.compactMap { path in
            guard path.hasPrefix(prefix), let rule = rules[path] else { return nil }
            return (path.dropFirst(prefix.count).split(separator: ".").map(String.init), rule)
        }
    }
}

/// The syntax of a label (`profile` values, classifications): character classes written like
/// `A-Za-z0-9_.:/-` (ranges and single ASCII characters; a `-` last is itself).
public struct LabelSyntax: Sendable, Hashable {
    public var first: String
    public var rest: String
    public var maxLength: Int
    private var firstSet: [Bool]
    private var restSet: [Bool]

    /// A syntax that accepts nothing (a schema without `normalize:`).
    public init() { self.init(first: "", rest: "", maxLength: 0) }

    public init(first: String, rest: String, maxLength: Int) {
        (self.first, self.rest, self.maxLength) = (first, rest, maxLength)
        firstSet = LabelSyntax.characterSet(first) ?? []
        restSet = LabelSyntax.characterSet(rest) ?? []
    }

    /// Whether `text` is a label.
    public func matches(_ text: String) -> Bool {
        var count = 0
        for byte in text.utf8 {
            let set = count == 0 ? firstSet : restSet
            guard Int(byte) < set.count, set[Int(byte)] else { return false }
            count += 1
            if count > maxLength { return false }
        }
        return count > 0
    }

    /// The ASCII characters a class names, or nil when it is not a class of ASCII characters.
    static func characterSet(_ text: String) -> [Bool]? {
        var set = [Bool](repeating: false, count: 128)
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let low = bytes[index]
            guard low < 128 else { return nil }
            if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "-") {
                let high = bytes[index + 2]
                guard high < 128, low <= high else { return nil }
                for byte in low...high { set[Int(byte)] = true }
                index += 3
            } else {
                set[Int(low)] = true
                index += 1
            }
        }
        return set
    }
}

extension FieldNormalization {
    /// The normalization as plain data (rule-set snapshots store it so).
    public var json: JSONValue {
        let fields: [JSONValue] = order.compactMap { path in
            switch rules[path] {
            case .label?: return [.string(path), "label"]
            case .labels?: return [.string(path), "labels"]
            case .text?: return [.string(path), "string"]
            case .integer(let minimum)?: return [.string(path), "int", .int(minimum)]
            case nil: return nil
            }
        }
        return [
            "label": ["first": .string(label.first), "rest": .string(label.rest), "max_length": .int(Int64(label.maxLength))],
            "fields": .array(fields),
        ]
    }

    /// The normalization from `json` (as written by a snapshot of this build).
    public init(json: JSONValue) {
        let syntax = json["label"]
        self.init(label: LabelSyntax(
            first: syntax?["first"]?.stringValue ?? "", rest: syntax?["rest"]?.stringValue ?? "",
            maxLength: Int(syntax?["max_length"]?.intValue ?? 0)))
        for field in json["fields"]?.arrayValue ?? [] {
            guard let items = field.arrayValue, items.count >= 2, let path = items[0].stringValue else { continue }
            let rule: Rule
            switch items[1].stringValue {
            case "label": rule = .label
            case "labels": rule = .labels
            case "string": rule = .text
            case "int": rule = .integer(minimum: items.count > 2 ? items[2].intValue ?? 1 : 1)
            default: continue
            }
            rules[path] = rule
            order.append(path)
        }
    }
}
