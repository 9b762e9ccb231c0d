/// What makes two mapping keys the same key: their resolved values, not how they were
/// written (`1` and `0x1` collide, `1` and `"1"` do not), ignoring positions.
indirect enum YAMLKeyIdentity: Hashable {
    case scalar(YAMLScalar.Value)
    case sequence([YAMLKeyIdentity])
    case mapping([YAMLKeyIdentity])

    init(_ node: YAMLNode) {
        switch node.kind {
        case .scalar(let s): self = .scalar(s.value)
        case .sequence(let items): self = .sequence(items.map(YAMLKeyIdentity.init))
        case .mapping(let pairs):
            self = .mapping(pairs.flatMap { [YAMLKeyIdentity($0.key), YAMLKeyIdentity($0.value)] })
        }
    }

    /// How a key appears in messages.
    static func describe(_ node: YAMLNode) -> String {
        if let scalar = node.scalar { return "\"" + scalar.text + "\"" }
        return node.sequence != nil ? "(a sequence used as a key)" : "(a mapping used as a key)"
    }
}
