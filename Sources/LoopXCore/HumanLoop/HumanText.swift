/// Validation of the free texts people record through the human-in-the-loop commands: the
/// shared public/private boundary (`PublicSafeText`) plus a refusal of paths under private
/// local roots such as home directories, which those texts have no reason to carry.
public enum HumanText {
    /// Path prefixes that name somebody's machine rather than the project.
    static let privateRoots = ["/home/", "/root/", "/private/", "/var/folders/", "/mnt/", "/volumes/", "~/"]

    /// The reason a text may not be recorded, or nil.
    public static func problem(in text: String) -> String? {
        if let problem = PublicSafeText.problem(in: text) { return problem }
        let lower = text.lowercased()
        for root in privateRoots {
            var rest = Substring(lower)
            while let range = rest.firstRange(of: root) {
                let before = range.lowerBound == lower.startIndex ? nil : lower[lower.index(before: range.lowerBound)]
                // Only at the start of a token: "a/home/b" is not a local path.
                if before == nil || PathRedaction.openers.contains(before ?? " ") {
                    return "contains a private local path ('\(root)…')"
                }
                rest = rest[range.upperBound...]
            }
        }
        return nil
    }

    /// Throws a usage failure naming the flag when the text may not be recorded.
    public static func require(_ text: String, field: String) throws(CommandFailure) {
        if let problem = problem(in: text) {
            throw CommandFailure(
                "\(field) is not public-safe: \(problem)",
                hint: "describe the work without private paths, internal links or credentials", status: .usage)
        }
    }
}
