/// An `ACTIVE_GOAL_STATE.md` held as its exact lines (terminators included), so writing an
/// untouched document gives back the identical bytes and an edit changes only the lines it owns.
/// Each line keeps its raw bytes: invalid UTF-8 outside an edited line is written back as read.
public struct ActiveStateDocument: Sendable, Hashable {
    /// The lines as text, each with its own terminator (`\n`, `\r\n`, or none for a last line
    /// without one); invalid UTF-8 reads as U+FFFD here, but `bytes` keeps the original.
    public private(set) var lines: [String]
    /// The raw bytes of each line (terminator included), parallel to `lines`.
    public private(set) var lineBytes: [[UInt8]]

    /// A `## ` section: its title and the line range it spans (heading included).
    public struct Section: Sendable, Hashable {
        public var title: String
        /// Index of the heading line.
        public var headingLine: Int
        /// One past the section's last line (the next `## ` heading or the end).
        public var endLine: Int
        public var bodyLines: Range<Int> { (headingLine + 1)..<endLine }
    }

    public init(text: String) { self.init(bytes: Array(text.utf8)) }

    /// Splits the bytes after each `\n` (so `\r\n` stays one terminator), whatever their encoding.
    public init(bytes: [UInt8]) {
        var raw: [[UInt8]] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            raw.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.count { raw.append(Array(bytes[start...])) }
        lineBytes = raw
        lines = raw.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The document's bytes, exactly as read except for the lines an edit replaced or inserted.
    public var bytes: [UInt8] { Array(lineBytes.joined()) }

    /// The document as text (invalid UTF-8 shown as U+FFFD; write `bytes`, not this).
    public var text: String { lines.joined() }

    /// The line's content without its terminator.
    public func content(_ index: Int) -> String {
        var line = lines[index]
        while line.hasSuffix("\n") || line.hasSuffix("\r\n") || line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    /// The terminator new lines should use (the document's first one, else `\n`).
    public var newline: String { lines.first { $0.hasSuffix("\r\n") } != nil ? "\r\n" : "\n" }

    /// Range of the front matter lines including both `---` fences, if the document has one.
    public var frontMatterLines: Range<Int>? {
        guard !lines.isEmpty, content(0).trimmingWhitespace == "---" else { return nil }
        for index in 1..<lines.count where content(index).trimmingWhitespace == "---" { return 0..<(index + 1) }
        return nil
    }

    /// Front matter as `key: value` pairs, spaces and double quotes stripped (the original's
    /// naive reading), in file order.
    public var frontMatter: [(key: String, value: String)] {
        guard let range = frontMatterLines else { return [] }
        var pairs: [(String, String)] = []
        for index in (range.lowerBound + 1)..<(range.upperBound - 1) {
            let line = content(index)
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon]).trimmingWhitespace
            var value = String(line[line.index(after: colon)...]).trimmingWhitespace
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            value = value.replacing("\\\"", with: "\"")
            if !key.isEmpty { pairs.append((key, value)) }
        }
        return pairs
    }

    public func frontMatterValue(_ key: String) -> String? { frontMatter.first { $0.key == key }?.value }

    /// Every `## ` section in order.
    public var sections: [Section] {
        var result: [Section] = []
        var inFence = false
        for index in lines.indices {
            let line = content(index)
            if line.hasPrefix("```") { inFence.toggle() }
            guard !inFence, line.hasPrefix("## ") else { continue }
            if var last = result.popLast() {
                last.endLine = index
                result.append(last)
            }
            result.append(Section(title: String(line.dropFirst(3)).trimmingWhitespace, headingLine: index, endLine: lines.count))
        }
        return result
    }

    /// The first section whose title is exactly `title`.
    public func section(titled title: String) -> Section? { sections.first { $0.title == title } }

    /// Replaces lines `range` with `newLines` (contents without terminators).
    public mutating func replaceLines(_ range: Range<Int>, with newLines: [String]) {
        let nl = newline
        let replacement = newLines.map { $0 + nl }
        lines.replaceSubrange(range, with: replacement)
        lineBytes.replaceSubrange(range, with: replacement.map { Array($0.utf8) })
    }

    /// Inserts lines (contents without terminators) before line `index`; ensures the line
    /// before the insertion point ends with a newline.
    public mutating func insertLines(_ newLines: [String], at index: Int) {
        let nl = newline
        if index > 0, index == lines.count, lineBytes[index - 1].last != 0x0A {
            lines[index - 1] += nl
            lineBytes[index - 1] += Array(nl.utf8)
        }
        let inserted = newLines.map { $0 + nl }
        lines.insert(contentsOf: inserted, at: index)
        lineBytes.insert(contentsOf: inserted.map { Array($0.utf8) }, at: index)
    }

    /// Sets the checkbox marker of the item on line `index` (its first `[`) in the raw bytes,
    /// so the rest of that line stays byte for byte too.
    public mutating func setCheckboxMarker(line index: Int, to marker: UInt8) {
        guard let open = lineBytes[index].firstIndex(of: 0x5B), open + 1 < lineBytes[index].count else { return }
        lineBytes[index][open + 1] = marker
        lines[index] = String(decoding: lineBytes[index], as: UTF8.self)
    }

    /// Sets a front matter `key: value` line in place (or adds it before the closing fence).
    public mutating func setFrontMatter(_ key: String, _ value: String) {
        guard let range = frontMatterLines else { return }
        for index in (range.lowerBound + 1)..<(range.upperBound - 1) {
            let line = content(index)
            if let colon = line.firstIndex(of: ":"), String(line[..<colon]).trimmingWhitespace == key {
                replaceLines(index..<(index + 1), with: ["\(key): \(value)"])
                return
            }
        }
        insertLines(["\(key): \(value)"], at: range.upperBound - 1)
    }
}
