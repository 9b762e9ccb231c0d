import LoopXSupport
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

    /// Diagnostics grouped by file (in the order files were first reported), each file's by
    /// position, so output is stable whatever order the checks ran in.
    var sorted: [Diagnostic] {
        var fileOrder: [String: Int] = [:]
        for item in items where fileOrder[item.path] == nil { fileOrder[item.path] = fileOrder.count }
        return items.enumerated().sorted { a, b in
            let fa = fileOrder[a.element.path] ?? 0
            let fb = fileOrder[b.element.path] ?? 0
            if fa != fb { return fa < fb }
            if a.element.position != b.element.position { return a.element.position < b.element.position }
            return a.offset < b.offset
        }.map(\.element)
    }
}
