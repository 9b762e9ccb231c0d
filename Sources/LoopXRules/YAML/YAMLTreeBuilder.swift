import LoopXSupport
/// Turns libyaml's events into one `YAMLNode` tree, collecting every error it can while the
/// parse goes on (duplicate keys, bad tags, bad aliases) and stopping where going on would be
/// pointless or unsafe (a second document, nesting too deep, an alias bomb).
struct YAMLTreeBuilder {
    /// A collection still receiving entries; a mapping's entries alternate key, value.
    private struct Frame {
        var isMapping: Bool
        var flow: Bool
        var anchor: String?
        var tag: String?
        var start: Int
        var position: SourcePosition
        var entries: [YAMLNode] = []
        /// Nodes in this subtree, counting alias expansions, for the alias-bomb limit.
        var size = 1
        var seenKeys: [YAMLKeyIdentity: SourcePosition] = [:]
    }

    private enum Anchor {
        /// Defined by a collection that is still open: an alias to it would be a cycle.
        case open
        case done(YAMLNode, size: Int)
    }

    private var index: YAMLSourceIndex
    let source: SourceText
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var root: YAMLNode?
    private var stack: [Frame] = []
    private var anchors: [String: Anchor] = [:]
    private var aliasNodes = 0
    private var documents = 0

    init(index: YAMLSourceIndex, source: SourceText) {
        self.index = index
        self.source = source
    }

    /// Feeds one event; false when building must stop.
    mutating func handle(_ event: LibYAMLEvent) -> Bool {
        switch event.kind {
        case .streamStart, .documentEnd:
            return true
        case .streamEnd:
            return false
        case .documentStart:
            documents += 1
            guard documents == 1 else {
                error("expected a single document, but a second document starts here", at: index.locate(event.start).position)
                return false
            }
            return true
        case .alias(let name):
            return alias(name, at: index.locate(event.start).position)
        case .scalar(let text, let style, let anchor, let tag):
            scalar(text, style: style, anchor: anchor, tag: tag, event: event)
            return true
        case .sequenceStart(let anchor, let tag, let flow):
            return open(isMapping: false, flow: flow, anchor: anchor, tag: tag, event: event)
        case .mappingStart(let anchor, let tag, let flow):
            return open(isMapping: true, flow: flow, anchor: anchor, tag: tag, event: event)
        case .sequenceEnd, .mappingEnd:
            close(event)
            return true
        }
    }

    /// Reports a libyaml failure; the parse is over after it.
    mutating func fail(_ failure: LibYAMLFailure) {
        let flow = stack.last.flatMap { $0.flow ? (isMapping: $0.isMapping, position: $0.position) : nil }
        diagnostics.append(failure.diagnostic(index: &index, source: source, openFlow: flow))
    }

    mutating func error(_ message: String, at position: SourcePosition) {
        diagnostics.append(source.diagnostic(message, at: position))
    }

    /// Where a node's content starts, past its anchor and tag when it has any, and where its
    /// tag is, for errors about the tag. Marks are looked up in source order (start, then
    /// end) so the index's cursor only moves forward.
    private mutating func nodeBounds(_ event: LibYAMLEvent, hasProperties: Bool, isScalar: Bool)
        -> (byte: Int, position: SourcePosition, tag: SourcePosition, end: (byte: Int, position: SourcePosition))
    {
        let start = index.locate(event.start)
        let end = index.locate(event.end)
        guard hasProperties else { return (start.byte, start.position, start.position, end) }
        let found = index.properties(from: start.byte)
        let tag = found.tag.map { index.position(ofByte: $0) } ?? start.position
        // An empty tagged scalar ends at its tag; its content cannot start after that.
        let byte = isScalar ? min(found.content, end.byte) : found.content
        return (byte, index.position(ofByte: byte), tag, end)
    }

    private mutating func scalar(
        _ text: String, style: YAMLScalar.Style, anchor: String?, tag: String?, event: LibYAMLEvent
    ) {
        let bounds = nodeBounds(event, hasProperties: anchor != nil || tag != nil, isScalar: true)
        let value = resolveScalar(text, style: style, tag: tag, tagPosition: bounds.tag, at: bounds.position)
        let node = YAMLNode(
            kind: .scalar(YAMLScalar(text: text, style: style, value: value)), position: bounds.position,
            endPosition: bounds.end.position, tag: tag.map(Self.shortTag),
            utf8Range: bounds.byte..<max(bounds.byte, bounds.end.byte))
        attach(node, size: 1, anchor: anchor)
    }

    private mutating func alias(_ name: String, at position: SourcePosition) -> Bool {
        switch anchors[name] {
        case nil:
            error("unknown alias '*\(name)': no anchor '&\(name)' is defined before it", at: position)
            attach(YAMLNode(kind: .scalar(YAMLScalar(text: "")), position: position), size: 1, anchor: nil)
            return true
        case .open:
            error("alias '*\(name)' refers to a node that contains it (an alias cycle)", at: position)
            attach(YAMLNode(kind: .scalar(YAMLScalar(text: "")), position: position), size: 1, anchor: nil)
            return true
        case .done(let node, let size):
            aliasNodes += size
            if aliasNodes > YAMLLoader.maxAliasNodes {
                error(
                    "aliases expand to more than \(YAMLLoader.maxAliasNodes) nodes (an alias bomb?)",
                    at: position)
                return false
            }
            attach(node, size: size, anchor: nil)
            return true
        }
    }

    private mutating func open(
        isMapping: Bool, flow: Bool, anchor: String?, tag: String?, event: LibYAMLEvent
    ) -> Bool {
        let start = nodeBounds(event, hasProperties: anchor != nil || tag != nil, isScalar: false)
        if stack.count >= YAMLLoader.maxDepth {
            error("nesting deeper than \(YAMLLoader.maxDepth) levels", at: start.position)
            return false
        }
        if let tag { checkCollectionTag(tag, isMapping: isMapping, at: start.tag) }
        if let anchor { anchors[anchor] = .open }
        stack.append(Frame(
            isMapping: isMapping, flow: flow, anchor: anchor, tag: tag.map(Self.shortTag),
            start: start.byte, position: start.position))
        return true
    }

    private mutating func close(_ event: LibYAMLEvent) {
        guard let frame = stack.popLast() else { return }
        // A block collection's end event sits at the next token, maybe lines later; its last
        // entry's end is where the collection really ends.
        let end = frame.flow ? index.locate(event.end)
            : frame.entries.last.map { ($0.utf8Range.upperBound, $0.endPosition) } ?? (frame.start, frame.position)
        let kind: YAMLNode.Kind
        if frame.isMapping {
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(frame.entries.count / 2)
            var i = 0
            while i + 1 < frame.entries.count {
                pairs.append(YAMLPair(key: frame.entries[i], value: frame.entries[i + 1]))
                i += 2
            }
            kind = .mapping(pairs)
        } else {
            kind = .sequence(frame.entries)
        }
        let node = YAMLNode(
            kind: kind, position: frame.position, endPosition: end.1, tag: frame.tag,
            utf8Range: frame.start..<max(frame.start, end.0))
        attach(node, size: frame.size, anchor: frame.anchor)
    }

    /// Adds a finished node to its parent (or makes it the root), checking mapping keys.
    private mutating func attach(_ node: YAMLNode, size: Int, anchor: String?) {
        if let anchor { anchors[anchor] = .done(node, size: size) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        if stack[top].isMapping, stack[top].entries.count % 2 == 0 {
            let identity = YAMLKeyIdentity(node)
            if let first = stack[top].seenKeys[identity] {
                error(
                    "duplicate key \(YAMLKeyIdentity.describe(node)) (first defined on line \(first.line))",
                    at: node.position)
            } else {
                stack[top].seenKeys[identity] = node.position
            }
        }
        stack[top].entries.append(node)
    }
}
