import LoopXSupport
/// A loaded YAML (or JSON) document: its root node and the source text it came from.
public struct YAMLDocument: Sendable {
    /// The root node; an empty file (or one holding only comments) has a null scalar root.
    public let root: YAMLNode
    /// The text the document was read from, for positions and source lines.
    public let source: SourceText

    /// A document over an already built tree (the loader makes these).
    public init(root: YAMLNode, source: SourceText) {
        self.root = root
        self.source = source
    }

    /// The path the document was loaded from, as diagnostics show it.
    public var path: String { source.path }

    /// The absolute position in the file of the character at `offset` (UTF-8 bytes) inside the
    /// `text` of `node`, a scalar of this document, with quoting, escapes, line folding,
    /// indentation and chomping undone. An offset at the end of the text maps just past the
    /// last character. For a non-scalar node, or where the source cannot be matched to the
    /// text, the node's own position is returned.
    public func position(ofUTF8Offset offset: Int, in node: YAMLNode) -> SourcePosition {
        guard let scalar = node.scalar else { return node.position }
        let map = YAMLScalarSourceMap.build(
            source: source, utf8Range: node.utf8Range, style: scalar.style, text: scalar.text)
        guard let map, let byte = map.sourceOffset(ofTextOffset: offset) else { return node.position }
        return source.position(ofUTF8Offset: byte)
    }

    /// An error at a node, or at a character inside a scalar node's text when `utf8Offset`
    /// is given (as from an expression error inside a rule's `when:`).
    public func diagnostic(
        _ message: String, at node: YAMLNode, utf8Offset: Int? = nil,
        severity: Diagnostic.Severity = .error
    ) -> Diagnostic {
        let position = utf8Offset.map { self.position(ofUTF8Offset: $0, in: node) } ?? node.position
        return source.diagnostic(message, at: position, severity: severity)
    }
}
