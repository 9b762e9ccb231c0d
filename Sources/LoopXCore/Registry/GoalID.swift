import LoopXRules
import LoopXSupport

/// A goal id that is safe to use as one path segment: `[A-Za-z0-9][A-Za-z0-9._-]{0,127}`,
/// never `.` or `..`. Every path built from a goal id goes through this type first.
public struct GoalID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Validates `text`; nil when it is not a single safe path segment.
    public init?(_ text: String) {
        guard GoalID.isValid(text) else { return nil }
        rawValue = text
    }

    /// Validates `text` or throws a usage failure that explains the rule.
    public static func parse(_ text: String) throws(CommandFailure) -> GoalID {
        guard let id = GoalID(text) else {
            throw CommandFailure(
                "invalid goal id '\(text)'",
                hint: "a goal id is one path segment: a letter or digit, then up to 127 letters, digits, '.', '_' or '-'",
                status: .usage)
        }
        return id
    }

    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 128, text != ".", text != ".." else { return false }
        func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) }
        guard alnum(bytes[0]) else { return false }
        return bytes.dropFirst().allSatisfy { alnum($0) || $0 == 0x2e || $0 == 0x5f || $0 == 0x2d }
    }

    /// The default id for a project directory: `<slug(dir name)>-goal`.
    public static func defaultID(forProjectDirectory path: String) -> String {
        slug(FileSystem.basename(FileSystem.normalize(path))) + "-goal"
    }

    /// Lower-case, runs of non-alphanumerics become `-`, trimmed of `-`; empty → `project-goal`.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "project-goal" : out
    }

    public var description: String { rawValue }

    public static func < (lhs: GoalID, rhs: GoalID) -> Bool { lhs.rawValue < rhs.rawValue }
}
