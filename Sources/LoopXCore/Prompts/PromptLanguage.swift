/// The language of texts the original wrote in Chinese; English is the default.
public enum PromptLanguage: String, Sendable, CaseIterable {
    case en
    case zh
}

/// The goal-id rule: one path segment, `[A-Za-z0-9][A-Za-z0-9._-]{0,127}`, never `.` or `..`.
public enum GoalIDRule {
    public static func isValid(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...128).contains(bytes.count), id != ".", id != ".." else { return false }
        for (index, byte) in bytes.enumerated() {
            let alnum = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if index == 0 ? !alnum : !(alnum || byte == 0x2E || byte == 0x5F || byte == 0x2D) { return false }
        }
        return true
    }
}
