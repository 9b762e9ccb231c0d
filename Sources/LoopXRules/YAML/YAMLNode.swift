import LoopXSupport
/// One node of a YAML (or JSON) document, with where it starts and ends in its source.
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds; mappings keep their pairs in source order.
    public enum Kind: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    /// The node's content.
    public var kind: Kind
    /// Where the node's content starts (after any anchor or tag); a quoted scalar starts at
    /// its opening quote, a block scalar at its `|` or `>`.
    public var position: SourcePosition
    /// Just past the node's last character (for block collections, the end of their last entry).
    public var endPosition: SourcePosition
    /// The explicit tag in short form (`!!str`, `!!int`, `!`), nil when none was written.
    public var tag: String?
    /// The UTF-8 offsets of the node in its source text, from `position` to `endPosition`.
    /// A node copied by an alias keeps the positions of the anchored original.
    public var utf8Range: Range<Int>

    /// A node; the loader fills `utf8Range`, which offset mapping needs.
    public init(
        kind: Kind, position: SourcePosition, endPosition: SourcePosition? = nil,
        tag: String? = nil, utf8Range: Range<Int> = 0..<0
    ) {
        self.kind = kind
        self.position = position
        self.endPosition = endPosition ?? position
        self.tag = tag
        self.utf8Range = utf8Range
    }
}

/// One key/value entry of a YAML mapping.
public struct YAMLPair: Sendable, Hashable {
    /// The key node, with its own position (for errors about the key).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// A pair of nodes.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

extension YAMLNode {
    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = kind { return s }
        return nil
    }

    /// The text of a scalar that resolved to a string (quoted, block, or plain non-typed).
    public var string: String? {
        scalar?.value.stringValue
    }

    /// The entries, when this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The pairs in source order, when this node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// True for a scalar that resolved to null (including an empty node).
    public var isNull: Bool {
        scalar?.value == .null
    }

    /// The value for the first key whose scalar text is `key` and that resolved to a string.
    public func mappingValue(for key: String) -> YAMLNode? {
        pair(for: key)?.value
    }

    /// The key/value pair whose key is the string `key`, so callers can point at the key.
    public func pair(for key: String) -> YAMLPair? {
        mapping?.first { $0.key.string == key }
    }

    /// The string keys of a mapping in source order (non-string keys are left out).
    public var keys: [String] {
        (mapping ?? []).compactMap { $0.key.string }
    }

    /// True when both nodes hold the same data (resolved values, order of entries), wherever
    /// they were written; `==` also compares positions.
    public func hasSameContent(as other: YAMLNode) -> Bool {
        YAMLKeyIdentity(self) == YAMLKeyIdentity(other)
    }

    /// A short name of the node's kind for messages: "a mapping", "a string", "null", ...
    public var kindDescription: String {
        switch kind {
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        case .scalar(let s):
            switch s.value {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .double: return "a float"
            case .string: return "a string"
            }
        }
    }
}
