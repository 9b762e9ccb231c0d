import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

@Suite struct BoundaryRegistryTests {
    @Test func classifiesByRoleFileNameAndLocation() {
        typealias C = RegistryBoundary.Classification
        #expect(RegistryBoundary.classify(path: "/x/registry.global.json", role: "", hasMarkers: false) == C.sharedLocalRegistry)
        #expect(RegistryBoundary.classify(path: "/x/r.json", role: "global-local", hasMarkers: false) == C.sharedLocalRegistry)
        #expect(RegistryBoundary.classify(path: "/p/.loopx/registry.json", role: "", hasMarkers: false) == C.projectLocalPrivateRegistry)
        #expect(RegistryBoundary.classify(path: "/p/examples/registry.example.json", role: "", hasMarkers: true) == C.publicExampleFixture)
        #expect(RegistryBoundary.classify(path: "/p/share/registry.json", role: "public-projection", hasMarkers: true) == C.publicSafeProjection)
        #expect(RegistryBoundary.classify(path: "/p/share/registry.json", role: "", hasMarkers: true) == C.localPrivateRegistry)
        #expect(RegistryBoundary.classify(path: "/p/share/registry.json", role: "", hasMarkers: false) == C.publicSafeProjection)
    }

    @Test func collectsMarkersByLocationNotValue() {
        let json: JSONValue = [
            "common_runtime_root": "~/.codex/loopx",
            "goals": [
                [
                    "id": "g", "repo": ".", "doc_url": "https://wiki.example/x", "objective": "ship the parser",
                    "notes": .string("ask for the " + "TOK" + "EN in chat"), "example": .string("/path/to/" + "Users/x"),
                    "scratch": .string("/" + "tmp/run"),
                ],
            ],
        ]
        let markers = RegistryMarkers.collect(in: json, limit: 25)
        #expect(markers.map { "\($0.location)=\($0.kind)" } == [
            "common_runtime_root=local_path", "goals[0].repo=local_path", "goals[0].doc_url=raw_source_reference",
            "goals[0].notes=private_text", "goals[0].scratch=local_path",
        ])
        let limited = RegistryMarkers.collect(in: json, limit: 2)
        #expect(limited.count == 2)
    }

    @Test func risksFollowClassificationAndTracking() {
        func codes(_ c: RegistryBoundary.Classification, markers: Bool, tracked: Bool?, ignored: Bool?) -> [String] {
            RegistryBoundary.risks(c, hasMarkers: markers, tracked: tracked, ignored: ignored).map { "\($0.code):\($0.blocking)" }
        }
        #expect(codes(.projectLocalPrivateRegistry, markers: true, tracked: true, ignored: false)
            == ["registry_tracked_but_not_push_allowed:true"])
        #expect(codes(.projectLocalPrivateRegistry, markers: true, tracked: false, ignored: false)
            == ["registry_should_be_gitignored:false"])
        #expect(codes(.projectLocalPrivateRegistry, markers: true, tracked: false, ignored: true) == [])
        #expect(codes(.sharedLocalRegistry, markers: true, tracked: nil, ignored: nil)
            == ["global_registry_is_local_control_plane_only:false"])
        #expect(codes(.publicExampleFixture, markers: true, tracked: true, ignored: false)
            == ["public_registry_contains_private_markers:true"])
        #expect(codes(.publicSafeProjection, markers: false, tracked: true, ignored: false)
            == ["public_safe_projection_is_not_runtime_publish_artifact:false"])
    }

    @Test func trackedProjectRegistryIsBlocking() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        guard try tree.git(["init", "-q"]) else { return }
        try tree.write(".loopx/registry.json", "{\"goals\": [{\"id\": \"g\", \"repo\": \".\"}]}\n")
        let path = tree.path + "/.loopx/registry.json"
        let json: JSONValue = ["goals": [["id": "g", "repo": "."]]]
        let untracked = RegistryBoundary(json: json, path: path, gitExecutable: tree.gitExecutable)
        #expect(untracked.tracked == false)
        #expect(untracked.risks.map(\.code) == ["registry_should_be_gitignored"])
        #expect(try tree.git(["add", "-f", ".loopx/registry.json"]))
        let tracked = RegistryBoundary(json: json, path: path, gitExecutable: tree.gitExecutable)
        #expect(tracked.tracked == true)
        #expect(tracked.blockingRisks.map(\.code) == ["registry_tracked_but_not_push_allowed"])
    }
}
