import Foundation
import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

/// `normalize:` and `defaults:` of facts.yaml are the one home of how user-supplied goal and
/// profile values are read: the rules of a fixture facts.yaml are the rules loopx applies.
@Suite struct FieldRulesTests {
    static func packageFacts() throws -> String {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules/facts.yaml").path
        return try FileSystem.readText(path)
    }

    static func replacing(_ old: String, _ new: String) throws -> String {
        let text = try packageFacts()
        #expect(text.contains(old), "the package's facts.yaml has \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test func theDeclaredLabelSyntaxIsTheOneApplied() throws {
        let short = try TestFiles.fields(facts: try Self.replacing(
            #"label: {first: "A-Za-z0-9", rest: "A-Za-z0-9_.:/-", max_length: 80}"#,
            #"label: {first: "a-z", rest: "a-z_", max_length: 60}"#))
        let raw: JSONValue = ["cadence": "weekly", "minimum_scale": "Implementation", "must_include": ["docs", "has-dash"]]
        let (layer, fallbacks) = short.profileLayer(raw)
        #expect(layer == ["cadence": "weekly", "must_include": ["docs"]])
        #expect(fallbacks == [#"execution_profile.minimum_scale: "Implementation" is not a label; the default applies"#])
        #expect(short.isLabel("weekly") && !short.isLabel("weekly1") && !short.isLabel("") && !short.isLabel(String(repeating: "a", count: 61)))
        // The package's syntax accepts both.
        let builtin = try TestFiles.builtinFields()
        #expect(builtin.profileLayer(raw).fallbacks.isEmpty)
    }

    @Test func aDeclaredMinimumIsTheThresholdBelowWhichTheDefaultApplies() throws {
        let fields = try TestFiles.fields(facts: try Self.replacing(
            "profile.outcome_floor.surface_streak_threshold: {kind: int, minimum: 1}",
            "profile.outcome_floor.surface_streak_threshold: {kind: int, minimum: 2}"))
        let raw: JSONValue = ["outcome_floor": ["surface_streak_threshold": 1]]
        #expect(fields.profileLayer(raw).value == ["outcome_floor": [:]])
        #expect(fields.profileLayer(raw).fallbacks
            == ["execution_profile.outcome_floor.surface_streak_threshold: 1 is not an integer of at least 2; the default applies"])
        #expect(try TestFiles.builtinFields().profileLayer(raw).fallbacks.isEmpty)
    }

    @Test func goalStatusAndRoleFallBackToTheirDeclaredDefaults() throws {
        let fields = try TestFiles.fields(facts: try Self.replacing("    role: controller\n", "    role: subagent\n"))
        let blank = GoalEntry(["id": "g", "status": "", "role": ""])
        #expect(fields.status(of: blank) == "unknown" && fields.role(of: blank) == "subagent")
        #expect(fields.goalLayer(blank).value["status"] == nil)
        let set = GoalEntry(["id": "g", "status": "active", "role": "controller"])
        #expect(fields.status(of: set) == "active" && fields.role(of: set) == "controller")
    }

    @Test func quotaAndLeaseDefaultsComeFromTheDeclaredGoal() throws {
        let fields = try TestFiles.fields(facts: try Self.replacing(
            "quota: {compute: 1.0, window_hours: 24, slot_minutes: 1, allowed_slots: 1440}",
            "quota: {compute: 0.5, window_hours: 10, slot_minutes: 2, allowed_slots: 150}")
            .replacingOccurrences(of: "      claim_ttl_minutes: 30\n", with: "      claim_ttl_minutes: 15\n"))
        let quota = QuotaConfig(goal: GoalEntry(["id": "g"]), defaults: fields.quota)
        #expect(quota.compute == 0.5 && quota.windowHours == 10 && quota.slotMinutes == 2 && quota.allowedSlots == 150)
        #expect(GoalEntry(["id": "g"]).claimTTL(default: fields.claimTTLMinutes).minutes == 15)
        let template = GoalTemplate(goalID: try GoalID.parse("g"), projectPath: "/p", stateFile: "s.md", fields: fields)
        #expect(template.entry["coordination"]?["claim_ttl_minutes"] == 15)
    }

    @Test func aLabelSyntaxThatRefusesADefaultIsALoadError() throws {
        let text = try Self.replacing(
            #"label: {first: "A-Za-z0-9", rest: "A-Za-z0-9_.:/-", max_length: 80}"#, #"label: {first: "a-z", rest: "a-z_", max_length: 6}"#)
        #expect(throws: DiagnosticList.self) { try FactsSchema.load(RuleSourceFile(path: "facts.yaml", text: text)) }
    }

    @Test func aMissingGoalDefaultIsAnInvalidRulesFailureNotAFallback() throws {
        let text = try Self.replacing("      claim_ttl_minutes: 30\n", "")
        let failure = #expect(throws: CommandFailure.self) { try TestFiles.fields(facts: text) }
        #expect(failure?.code == .invalidRules)
        #expect(failure?.message.contains("goal.coordination.claim_ttl_minutes") == true)
    }

    @Test func badNormalizeEntriesArePositionedErrors() throws {
        func errors(_ old: String, _ new: String) throws -> [String] {
            let file = RuleSourceFile(path: "facts.yaml", text: try Self.replacing(old, new))
            do throws(DiagnosticList) {
                _ = try FactsSchema.load(file)
                return []
            } catch {
                return error.items.map { "\($0.position.line): \($0.message)" }
            }
        }
        let entry = "    profile.must_include: {kind: labels, fallback_when: empty}\n"
        let line = try Self.packageFacts().components(separatedBy: "\n").firstIndex(of: String(entry.dropLast())).map { $0 + 1 } ?? 0
        #expect(try errors(entry, "    profile.must_include: {kind: label}\n")
            == ["\(line): 'profile.must_include' is declared list, not what a 'label' rule reads"])
        #expect(try errors(entry, "    profile.must_include: {kind: labels}\n")
            == ["\(line): a 'labels' rule falls back when the value is empty: write 'fallback_when: empty'"])
        #expect(try errors(entry, "    profile.must_inclde: {kind: labels, fallback_when: empty}\n")
            == ["\(line): 'profile.must_inclde' is not a declared fact"])
        #expect(try errors(entry, "    profile.must_include: {kind: lables, fallback_when: empty}\n").first?
            .hasPrefix("\(line): unknown kind 'lables' (did you mean 'labels'?)") == true)
    }
}
