/// A 1-based position in a source text; `column` counts Unicode scalars.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One problem found in a file or expression, rendered in the single loopx error format.
public struct Diagnostic: Error, Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    public var severity: Severity
    public var path: String
    public var position: SourcePosition
    public var message: String
    /// The text of the line the position points into, without its newline; nil when unknown.
    public var sourceLine: String?

    public init(
        _ severity: Severity = .error, path: String, position: SourcePosition,
        message: String, sourceLine: String? = nil
    ) {
        self.severity = severity
        self.path = path
        self.position = position
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `path:line:col: error: message`, then the source line (at most `SourceExcerpt.width`
    /// characters around the column, withheld when it looks like a credential) and a caret.
    public var rendered: String {
        var out = "\(path):\(position.line):\(position.column): \(severity.rawValue): \(message)"
        if let line = sourceLine {
            for excerptLine in SourceExcerpt(line: line, column: position.column).lines {
                out += "\n" + excerptLine
            }
        }
        return out
    }
}

/// Every diagnostic of one load or compile, in source order; thrown when any is an error.
public struct DiagnosticList: Error, Sendable, Hashable, CustomStringConvertible {
    public var items: [Diagnostic]

    public init(_ items: [Diagnostic]) {
        self.items = items
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// All diagnostics rendered, separated by blank lines.
    public var rendered: String { items.map(\.rendered).joined(separator: "\n") }

    public var description: String { rendered }
}
