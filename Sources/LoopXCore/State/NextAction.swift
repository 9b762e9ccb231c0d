/// The `## Next Action` section read the way `refresh-state` derives a recommended action.
public enum NextAction {
    /// Used when no item of the section is public-safe.
    public static let fallback = "inspect refreshed active goal state and continue the next bounded progress segment"

    /// The items of `## Next Action`: up to 16 non-empty lines, each bullet (`- `, `* `, `1. `,
    /// `1) `) joined with the non-bullet lines after it.
    public static func items(in document: ActiveStateDocument) -> [String] {
        guard let section = document.section(titled: "Next Action") else { return [] }
        var items: [String] = []
        var taken = 0
        for index in section.bodyLines {
            let line = document.content(index).trimmingWhitespace
            guard !line.isEmpty else { continue }
            taken += 1
            if taken > 16 { break }
            if let body = stripBullet(line) {
                items.append(body)
            } else if items.isEmpty {
                items.append(line)
            } else {
                items[items.count - 1] += " " + line
            }
        }
        return items.map(TodoMetadata.compact).filter { !$0.isEmpty }
    }

    /// The first public-safe item, else the fallback text.
    public static func recommendedAction(in document: ActiveStateDocument) -> String {
        items(in: document).first(where: PublicSafeText.isSafe) ?? fallback
    }

    /// The text after a bullet or list number, nil when the line does not start with one.
    static func stripBullet(_ line: String) -> String? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return String(line.dropFirst(2)).trimmingWhitespace }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        let rest = line.dropFirst(digits.count)
        if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(rest.dropFirst(2)).trimmingWhitespace }
        return nil
    }

    /// The non-empty lines of a section (bullets stripped), at most `limit`.
    public static func bullets(in document: ActiveStateDocument, section title: String, limit: Int = 8) -> [String] {
        guard let section = document.section(titled: title) else { return [] }
        var out: [String] = []
        for index in section.bodyLines where out.count < limit {
            let line = document.content(index).trimmingWhitespace
            if !line.isEmpty { out.append(stripBullet(line) ?? line) }
        }
        return out
    }
}
