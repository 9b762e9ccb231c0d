import LoopXSupport
extension YAMLTreeBuilder {
    static let corePrefix = "tag:yaml.org,2002:"
    static let allowedTags = "!!str, !!int, !!float, !!bool, !!null, !!seq and !!map"

    /// `tag:yaml.org,2002:str` → `!!str`; local tags stay as written; others in verbatim form.
    static func shortTag(_ tag: String) -> String {
        if tag.hasPrefix(corePrefix) { return "!!" + tag.dropFirst(corePrefix.count) }
        if tag.hasPrefix("!") { return tag }
        return "!<" + tag + ">"
    }

    /// The scalar's value: the core schema for untagged plain scalars, a string for other
    /// untagged ones (and for the non-specific tag `!`), else what the core tag asks for.
    mutating func resolveScalar(
        _ text: String, style: YAMLScalar.Style, tag: String?, tagPosition: SourcePosition,
        at position: SourcePosition
    ) -> YAMLScalar.Value {
        var coreTag: YAMLScalar.CoreScalarTag?
        if let tag, tag != "!" {
            let name = tag.hasPrefix(Self.corePrefix) ? String(tag.dropFirst(Self.corePrefix.count)) : nil
            if let name, let known = YAMLScalar.CoreScalarTag(rawValue: name) {
                coreTag = known
            } else if name == "map" || name == "seq" {
                error("tag \(Self.shortTag(tag)) cannot be used on a scalar", at: tagPosition)
                return .string(text)
            } else {
                error("unknown tag '\(Self.shortTag(tag))' (only \(Self.allowedTags) are allowed)", at: tagPosition)
                return .string(text)
            }
        } else if tag == "!" || style != .plain {
            return .string(text)
        }
        do {
            return try YAMLScalar.resolve(text, as: coreTag)
        } catch {
            self.error(error.message, at: position)
            return .string(text)
        }
    }

    /// Collections accept no tag but their own core one (or the non-specific `!`).
    mutating func checkCollectionTag(_ tag: String, isMapping: Bool, at position: SourcePosition) {
        let own = Self.corePrefix + (isMapping ? "map" : "seq")
        guard tag != own, tag != "!" else { return }
        let short = Self.shortTag(tag)
        if tag.hasPrefix(Self.corePrefix), ["map", "seq", "str", "int", "float", "bool", "null"]
            .contains(String(tag.dropFirst(Self.corePrefix.count)))
        {
            error("tag \(short) cannot be used on a \(isMapping ? "mapping" : "sequence")", at: position)
        } else {
            error("unknown tag '\(short)' (only \(Self.allowedTags) are allowed)", at: position)
        }
    }
}
