/// The part of a source line shown under a diagnostic: at most `width` characters around the
/// column, with `…` where the line was cut, and the caret line under it. A line whose shown
/// part (or its surroundings) looks like it holds a credential is not shown at all.
struct SourceExcerpt {
    /// The most characters (Unicode scalars) of a line shown around the column.
    static let width = 200
    /// Characters either side of the window also checked for credentials, so a token cut by
    /// the window's edge is still recognised.
    static let credentialMargin = 128
    /// Shown instead of a line that looks like it contains a credential.
    static let withheldNote = "(source line not shown: it looks like it contains a credential)"

    /// The lines to print under the message: the excerpt and its caret, or the withheld note.
    let lines: [String]

    /// The excerpt of `line` around the 1-based scalar `column` (which may point just past it).
    init(line: String, column: Int) {
        let scalars = line.unicodeScalars
        let caret = max(column, 1) - 1
        // Only the window and its margins are walked past the caret's start: the cost is
        // linear in the prefix, never in what follows, and nothing is copied but the window.
        let half = SourceExcerpt.width / 2
        let checkStart = max(0, caret - half - SourceExcerpt.credentialMargin)
        let checkStartIndex = scalars.index(scalars.startIndex, offsetBy: checkStart, limitedBy: scalars.endIndex)
            ?? scalars.endIndex
        var tail: [Unicode.Scalar] = []
        tail.reserveCapacity(half + SourceExcerpt.width + 2 * SourceExcerpt.credentialMargin)
        var index = checkStartIndex
        let limit = caret - checkStart + SourceExcerpt.width + SourceExcerpt.credentialMargin
        while index < scalars.endIndex, tail.count <= limit {
            tail.append(scalars[index])
            index = scalars.index(after: index)
        }
        let lineEndsInTail = index == scalars.endIndex
        // Window [start, end) in line positions: centred on the caret, slid left at the end.
        let available = checkStart + tail.count
        var start = max(0, caret - half)
        let end = min(lineEndsInTail ? available : Int.max, start + SourceExcerpt.width)
        if end - start < SourceExcerpt.width { start = max(0, end - SourceExcerpt.width) }
        let windowStart = max(start, checkStart)
        let window = tail[min(windowStart - checkStart, tail.count)..<min(max(end, windowStart) - checkStart, tail.count)]
        if CredentialShape.appears(in: tail) {
            lines = [SourceExcerpt.withheldNote]
            return
        }
        let cutStart = windowStart > 0
        let cutEnd = !(lineEndsInTail && end >= available)
        var text = cutStart ? "…" : ""
        text.unicodeScalars.append(contentsOf: window)
        if cutEnd { text += "…" }
        var pad = cutStart ? " " : ""
        var position = windowStart
        for scalar in window where position < caret {
            pad.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
            position += 1
        }
        if position < caret { pad += String(repeating: " ", count: min(caret - position, SourceExcerpt.width + 1)) }
        lines = [text, pad + "^"]
    }
}
