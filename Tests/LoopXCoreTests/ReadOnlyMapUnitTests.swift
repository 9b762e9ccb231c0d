import Foundation
import LoopXCore
import Testing

@Suite struct ReadOnlyMapUnitTests {
    @Test func residualRisksFollowTheObservation() {
        var healthy = MapObservation(goalID: "g")
        healthy.authoritySourceCount = 1
        #expect(healthy.residualRisks.isEmpty)

        var side = healthy
        side.goalStateDirExists = false
        side.goalStateFileExists = false
        side.adapterStatus = "planned"
        side.missingSectionCodes = ["a", "b", "c", "d", "e"]
        #expect(side.residualRisks == [
            "planned_adapter_requires_controller_opt_in", "state_sections_missing:a,b,c,d",
            "project_goal_state_dir_not_detected:g", "project_local_goal_state_not_detected",
        ])

        var gone = healthy
        gone.repoExists = false
        gone.hasContextSurface = false
        gone.hasValidationSurface = false
        #expect(gone.residualRisks == ["project_repo_missing"])
        gone.repoExists = true
        #expect(gone.residualRisks == ["project_context_surface_sparse", "standard_validation_surface_not_detected"])
    }

    @Test func inventoryIsBoundedAndSkipsDependencies() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 0..<30 {
            let url = root.appendingPathComponent("src/f\(index).rs")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: url)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        let full = ProjectInventory.scan(root: root.path)
        #expect(full.languages.first?.name == "Rust")
        #expect(full.languages.first?.files == 30)
        #expect(!full.truncated)
        #expect(full.hasContextSurface)
        #expect(!full.hasValidationSurface)
        let bounded = ProjectInventory.scan(root: root.path, maxFiles: 10)
        #expect(bounded.scannedFiles == 10)
        #expect(bounded.truncated)
        let missing = ProjectInventory.scan(root: nil)
        #expect(missing.filesPresent == 0)
        #expect(missing.entries.count == ProjectInventory.wellKnown.count)
    }
}
