import LoopXCore
import LoopXRules
import LoopXSupport
import Testing

/// The registry's `execution_profile` enters the profile layers normalized: an empty list or
/// a non-positive threshold is left out, so the defaults of Rules/facts.yaml show through.
@Suite struct ExecutionProfileLayerTests {
    @Test func emptyListsAndBadThresholdsFallThroughToTheLayerBelow() throws {
        let raw = try JSONParser.parse("""
            {"minimum_scale": "implementation", "must_include": [], "cadence": "not a label!",
             "outcome_floor": {"must_advance": [], "surface_streak_threshold": -1, "avoid": ["loops", "bad label!"],
                               "surface_only_hints": ["docs"], "required_when": null},
             "degradation_policy": {"small_scale_streak_threshold": 0, "on_degradation": "expand"},
             "boundary": {"shared_branches": ["main"]}, "custom": 1}
            """)
        let layer = try TestFiles.builtinFields().profileLayer(raw).value
        let expected = try JSONParser.parse("""
            {"minimum_scale": "implementation",
             "outcome_floor": {"avoid": ["loops"], "surface_only_hints": ["docs"]},
             "degradation_policy": {"on_degradation": "expand"},
             "boundary": {"shared_branches": ["main"]}, "custom": 1}
            """)
        #expect(layer == expected)
    }

    @Test func aLayerOverTheDefaultsReadsAsTheNormalizedProfile() throws {
        let raw = try JSONParser.parse(#"{"outcome_floor": {"must_advance": [], "surface_streak_threshold": -1}}"#)
        let fields = try TestFiles.builtinFields()
        let merged = fields.defaultProfile.deepMerged(with: fields.profileLayer(raw).value)
        #expect(merged["outcome_floor"]?["must_advance"] == ["primary_goal_outcome"])
        #expect(merged["outcome_floor"]?["surface_streak_threshold"] == 3)
    }

    @Test func nonObjectsGiveAnEmptyLayer() throws {
        let fields = try TestFiles.builtinFields()
        #expect(fields.profileLayer("nope").value == [:])
        #expect(fields.profileLayer(.null).value == [:])
    }
}
