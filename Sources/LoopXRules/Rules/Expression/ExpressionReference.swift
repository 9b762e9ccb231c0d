/// A fact, variable or stage output an expression reads (`goal.adapter.kind`), split into
/// its root and fields, with the node whose value is the whole path.
public struct FactPath: Sendable, Hashable {
    /// The root identifier followed by the selected fields.
    public var segments: [String]
    /// The node producing the full path's value.
    public var nodeID: Int
    /// The path's UTF-8 range in the expression source.
    var range: Range<Int>

    public var root: String { segments.first ?? "" }

    /// `goal.adapter.kind`.
    public var dotted: String { segments.joined(separator: ".") }

    /// The UTF-8 offset of each segment in `source` (a caret can then point at the field
    /// itself): each name is searched in order inside the path's range at word boundaries.
    func segmentOffsets(in source: [UInt8]) -> [Int] {
        var cursor = max(0, min(range.lowerBound, source.count))
        let end = max(cursor, min(range.upperBound, source.count))
        return segments.map { segment in
            let word = Array(segment.utf8)
            var index = cursor
            while index + word.count <= end {
                let before = index == 0 ? UInt8(ascii: " ") : source[index - 1]
                let after = index + word.count < source.count ? source[index + word.count] : UInt8(ascii: " ")
                if Array(source[index..<(index + word.count)]) == word, !Self.isWordByte(before), !Self.isWordByte(after) {
                    cursor = index + word.count
                    return index
                }
                index += 1
            }
            return cursor
        }
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }
}
