/// A fact, variable or stage output an expression reads: a root name and a field chain
/// (`goal.adapter.kind`), with the node whose value is the whole path.
public struct ExpressionReference: Sendable, Hashable {
    /// The root identifier followed by the selected fields.
    public var segments: [String]
    /// The node producing the full path's value (the outermost select, or the identifier).
    public var nodeID: Int
    /// The node of each segment (the identifier, then each select), for positioned errors.
    var segmentNodes: [Int]
    /// Whether the path is inside `has(...)`: its last field may legitimately be absent.
    var isPresenceTest: Bool

    public var root: String { segments[0] }

    /// `goal.adapter.kind`.
    public var dotted: String { segments.joined(separator: ".") }
}

/// A top-level `&&` operand of a rule's `when`: the unit the near-miss explanation names.
public struct Conjunct: Sendable, Hashable {
    public var nodeID: Int
    /// The operand's source text as written.
    public var text: String
    /// Offsets of the operand in the expression source.
    var range: Range<Int>
}
