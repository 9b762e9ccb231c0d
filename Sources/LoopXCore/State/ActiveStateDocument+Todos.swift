extension ActiveStateDocument {
    /// The role of a section from its title (case-insensitive substring), nil for archives and
    /// sections that hold no todos.
    public static func todoRole(ofSection title: String) -> TodoItem.Role? {
        let lower = title.lowercased()
        let archives = ["todo archive", "work archive", "completed archive", "completed work", "待办归档", "已完成工作"]
        if archives.contains(where: lower.contains) { return nil }
        if ["user todo", "owner review reading queue", "owner reading queue"].contains(where: lower.contains) { return .user }
        if ["agent todo", "codex todo", "project agent todo"].contains(where: lower.contains) { return .agent }
        return nil
    }

    /// The canonical heading `todo add` writes for each role.
    public static func canonicalHeading(for role: TodoItem.Role) -> String {
        role == .user ? "User Todo / Owner Review Reading Queue" : "Agent Todo"
    }

    /// Every todo of every user and agent section, in document order.
    public var todos: [TodoItem] {
        sections.flatMap { section -> [TodoItem] in
            guard let role = ActiveStateDocument.todoRole(ofSection: section.title) else { return [] }
            return todos(in: section, role: role)
        }
    }

    /// The todo with this id (stored or derived).
    public func todo(id: String) -> TodoItem? { todos.first { $0.id == id } }

    /// Parses a checkbox line: indentation, marker and text; nil when the line is not an item.
    static func checkbox(_ line: String) -> (indent: String, marker: Character, text: String)? {
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        guard i + 4 < chars.count, chars[i] == "-" || chars[i] == "*", chars[i + 1] == " ", chars[i + 2] == "[",
              [" ", "x", "X", "-"].contains(chars[i + 3]), chars[i + 4] == "]" else { return nil }
        let rest = String(chars[(i + 5)...])
        guard rest.isEmpty || rest.hasPrefix(" ") else { return nil }
        return (String(chars[..<i]), chars[i + 3], rest.trimmingWhitespace)
    }

    func todos(in section: Section, role: TodoItem.Role) -> [TodoItem] {
        var items: [TodoItem] = []
        var line = section.headingLine + 1
        while line < section.endLine {
            guard let box = ActiveStateDocument.checkbox(content(line)) else {
                line += 1
                continue
            }
            var text = box.text
            var metadataLine: Int?
            var metadata = TodoMetadata()
            var next = line + 1
            while next < section.endLine {
                let raw = content(next)
                let trimmed = raw.trimmingWhitespace
                let indented = raw.hasPrefix(" ") || raw.hasPrefix("\t")
                if trimmed.isEmpty || !indented || ActiveStateDocument.checkbox(raw) != nil { break }
                if let parsed = TodoMetadata.parse(line: trimmed) {
                    if metadataLine == nil {
                        metadataLine = next
                        metadata = parsed
                    }
                } else if trimmed.hasPrefix("<!--") || metadataLine != nil {
                    break
                } else {
                    text += " " + trimmed
                }
                next += 1
            }
            items.append(TodoItem(
                role: role, section: section.title, index: items.count + 1, text: TodoMetadata.compact(text),
                marker: box.marker, metadata: metadata, itemLine: line, metadataLine: metadataLine,
                endLine: next, indent: box.indent))
            line = next
        }
        return items
    }
}
