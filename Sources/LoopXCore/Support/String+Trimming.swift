extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The string without trailing line breaks.
    public var trimmingTrailingNewlines: String {
        var copy = self
        while copy.hasSuffix("\n") || copy.hasSuffix("\r") { copy.removeLast() }
        return copy
    }
}
