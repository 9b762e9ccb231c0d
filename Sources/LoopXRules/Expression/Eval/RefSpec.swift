/// A variable reference: the names that may bind it, most specific first, with how many
/// select segments each name consumes (`a.b.c` bound as `a.b` consumes one).
struct RefSpec: Sendable {
    struct Candidate: Sendable {
        let name: String
        let consumed: Int
        let dotted: Bool
    }

    let candidates: [Candidate]
    /// The written root name, for "undeclared reference" errors.
    let rootName: String
    let rootID: Int

    /// Candidates in CEL's order: longest qualified name first; for each, the container's
    /// prefixes from most to least specific, ending with the bare name.
    /// `a`, `a.b`, `a.b.c` for segments `a`, `b`, `c`.
    static func dottedPrefixes(_ segments: [String]) -> [String] {
        var names: [String] = []
        names.reserveCapacity(segments.count)
        var name = ""
        for segment in segments {
            if !name.isEmpty { name += "." }
            name += segment
            names.append(name)
        }
        return names
    }

    /// `names` are `dottedPrefixes(segments)`.
    init(segments: [String], names: [String], absolute: Bool, container: String?, rootID: Int) {
        var prefixes: [String] = []
        if !absolute, let container, !container.isEmpty {
            var parts = container.split(separator: ".").map(String.init)
            while !parts.isEmpty {
                prefixes.append(parts.joined(separator: ".") + ".")
                parts.removeLast()
            }
        }
        prefixes.append("")
        var list: [Candidate] = []
        for length in stride(from: segments.count, through: 1, by: -1) {
            let name = names[length - 1]
            for p in prefixes {
                let full = p.isEmpty ? name : p + name
                list.append(Candidate(name: full, consumed: length - 1, dotted: full.utf8.contains(46)))
            }
        }
        candidates = list
        rootName = segments[0]
        self.rootID = rootID
    }

    /// Binds this reference for one evaluation: the value and the segments its name consumed.
    @inline(__always)
    func resolve(_ activation: Activation) -> (Value, Int) {
        for c in candidates where !c.dotted || activation.hasDottedNames {
            if let v = activation.value(for: c.name) { return (v, c.consumed) }
        }
        for c in candidates {
            if let t = CELType.denotable[c.name] { return (.type(t), c.consumed) }
        }
        return (.err("undeclared reference to '\(rootName)'", rootID), 0)
    }
}

/// Variable bindings for one evaluation: names (possibly dotted, `a.b.c`) to values.
public struct Activation: Sendable {
    public private(set) var values: [String: Value]
    /// Whether any name contains a dot; when none does, qualified candidates are skipped.
    public private(set) var hasDottedNames: Bool

    public init(_ values: [String: Value] = [:]) {
        self.values = values
        hasDottedNames = values.keys.contains { $0.utf8.contains(46) }
    }

    public func value(for name: String) -> Value? { values[name] }

    /// Binds (or rebinds) one name.
    public mutating func bind(_ name: String, _ value: Value) {
        values[name] = value
        if name.utf8.contains(46) { hasDottedNames = true }
    }
}
