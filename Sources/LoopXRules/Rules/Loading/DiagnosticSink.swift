/// Collects every diagnostic of a load, so all problems are reported together.
struct DiagnosticSink {
    private(set) var items: [Diagnostic] = []

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    mutating func add(_ diagnostic: Diagnostic) {
        if !items.contains(diagnostic) { items.append(diagnostic) }
    }

    mutating func add(contentsOf list: DiagnosticList) {
        for item in list.items { add(item) }
    }

    /// Diagnostics ordered by file, then position, so output is stable whatever the load order.
    var sorted: [Diagnostic] {
        items.enumerated().sorted { a, b in
            if a.element.path != b.element.path { return a.offset < b.offset }
            if a.element.position != b.element.position { return a.element.position < b.element.position }
            return a.offset < b.offset
        }.map(\.element)
    }
}
