import LoopXRules
import LoopXSupport

/// The report of `loopx demo`: where the sample lives and each step of the tour.
public struct DemoReport: Report {
    public var directory: String
    public var kept: Bool
    public var goalID: String
    public var steps: [DemoTour.Step]

    public var ok: Bool { true }

    public var json: JSONValue {
        [
            "ok": true, "directory": .string(directory), "kept": .bool(kept), "goal_id": .string(goalID),
            "runtime_root": .string(FileSystem.join(directory, "runtime")),
            "steps": .array(steps.map { step in
                [
                    "title": .string(step.title), "command": .string(step.command),
                    "explanation": .string(step.explanation), "output": step.json,
                ]
            }),
        ]
    }

    public var markdown: String {
        var lines = [
            "# loopx demo", "",
            "A sample project with a registry, an active state with todos and a run history was written to `\(directory)`",
            "(runtime root `\(directory)/runtime`; nothing outside it). "
                + (kept ? "It was kept: rerun any command below." : "It is removed when the tour ends; pass --keep to keep it."),
        ]
        for (index, step) in steps.enumerated() {
            lines += ["", "## \(index + 1). \(step.title)", "", step.explanation, "", "```sh", step.command, "```"]
            if !step.markdown.isEmpty { lines += ["", DemoReport.demoted(step.markdown)] }
        }
        return lines.joined(separator: "\n")
    }

    /// A step's Markdown with its headings pushed two levels down, under the step's heading.
    static func demoted(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("#") ? "##" + line : String(line)
        }.joined(separator: "\n")
    }
}
