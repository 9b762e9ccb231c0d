import LoopXRules
import LoopXSupport

/// The sections of a goal's active state that a read-only map samples (at most 8 lines each).
public struct StateMap: Sendable {
    /// Sections checked, in report order.
    public static let checkedSections = [
        "Authority Sources", "Operating Contract", "Work Clusters", "Validation Surfaces", "Private/Public Boundary",
        "Next Action", "Progress Ledger",
    ]
    public static let sampleLines = 8

    public var path: String?
    public var exists: Bool
    /// Section title → sampled lines, for the sections present.
    public var samples: [(title: String, lines: [String])]
    public var missing: [String]
    /// The Next Action item a map recommends, when the state has one.
    public var nextAction: String?

    /// Samples the state at `path` (a missing or unreadable file samples nothing).
    public static func sample(path: String?) -> StateMap {
        guard let path, FileSystem.isRegularFile(path), let text = try? FileSystem.readText(path) else {
            return StateMap(path: path, exists: false, samples: [], missing: checkedSections, nextAction: nil)
        }
        let document = ActiveStateDocument(text: text)
        var samples: [(String, [String])] = []
        var missing: [String] = []
        for title in checkedSections {
            if document.section(titled: title) == nil {
                missing.append(title)
            } else {
                samples.append((title, NextAction.bullets(in: document, section: title, limit: sampleLines)))
            }
        }
        let action = NextAction.items(in: document).isEmpty ? nil : NextAction.recommendedAction(in: document)
        return StateMap(path: path, exists: true, samples: samples, missing: missing, nextAction: action)
    }

    /// `work_clusters`-style names of the missing sections, for risk codes.
    public var missingCodes: [String] {
        missing.map { title in
            String(title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        }
    }

    public var json: JSONValue {
        var sections = JSONObject()
        for sample in samples { sections[sample.title] = JSONField.strings(sample.lines) }
        return [
            "path": JSONField.string(path), "exists": .bool(exists), "sections": .object(sections),
            "sections_found": .int(Int64(samples.count)), "sections_checked": .int(Int64(StateMap.checkedSections.count)),
            "sections_missing": JSONField.strings(missing),
        ]
    }
}
