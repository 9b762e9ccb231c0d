import Foundation
import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

/// The rule-set snapshot cache: where snapshots go, that a second load uses one, that edits,
/// corruption and `LOOPX_RULES_CACHE=off` are handled, and that old snapshots are pruned.
@Suite struct RuleSetCacheTests {
    static let now = TestFiles.time("2026-01-01T08:00:00Z")

    static func layers(threshold: Int = 3) -> [RuleLayerSource] {
        [RuleLayerSource(kind: .builtin, files: [
            RuleSourceFile(path: "Rules/pipeline.yaml", text: "decisions:\n  d: [s]\n"),
            RuleSourceFile(path: "Rules/s.yaml", text: """
                stage: s
                mode: first_match
                rules:
                  - id: s.many
                    description: many items
                    when: size(items) >= \(threshold)
                    then: {verdict: "many (${size(items)})"}
                """),
        ])]
    }

    func snapshots(_ cache: RuleSetCache) -> [String] {
        ((try? FileSystem.list(cache.directory)) ?? []).filter { $0.hasSuffix(".snapshot") }
    }

    func verdict(_ rules: RuleSet, items: Int) -> String? {
        let facts: [String: Value] = ["items": .list(Array(repeating: .int(1), count: items))]
        guard case .map(let output)? = rules.evaluate(decision: "d", facts: facts, now: Self.now).outputs["s"] else { return nil }
        return output.get(string: "verdict")?.stringValue
    }

    @Test func aSecondLoadComesFromTheSnapshotUnderTheCacheHome() throws {
        let home = try TestFiles.scratch()
        defer { TestFiles.remove(home) }
        let cache = try #require(RuleSetCache(environment: TestFiles.environment(home: home, cwd: home)))
        #expect(cache.directory == home + "/.cache/loopx/rules")
        let first = try cache.load(layers: Self.layers(), now: Self.now)
        #expect(snapshots(cache).count == 1)
        let written = try FileSystem.readBytes(cache.directory + "/" + snapshots(cache)[0])
        let second = try cache.load(layers: Self.layers(), now: Self.now)
        #expect(verdict(first, items: 4) == "many (4)")
        #expect(verdict(second, items: 4) == "many (4)")
        #expect(verdict(second, items: 2) == nil)
        // The second load read the snapshot: it left the file as it was.
        #expect(try FileSystem.readBytes(cache.directory + "/" + snapshots(cache)[0]) == written)
    }

    @Test func anEditedRuleFileMissesAndIsSnapshottedSeparately() throws {
        let home = try TestFiles.scratch()
        defer { TestFiles.remove(home) }
        let cache = try #require(RuleSetCache(environment: TestFiles.environment(home: home, cwd: home)))
        _ = try cache.load(layers: Self.layers(threshold: 3), now: Self.now)
        let edited = try cache.load(layers: Self.layers(threshold: 5), now: Self.now)
        #expect(verdict(edited, items: 4) == nil)
        #expect(verdict(edited, items: 5) == "many (5)")
        #expect(snapshots(cache).count == 2)
    }

    @Test func aCorruptSnapshotIsIgnoredAndReplaced() throws {
        let home = try TestFiles.scratch()
        defer { TestFiles.remove(home) }
        let cache = try #require(RuleSetCache(environment: TestFiles.environment(home: home, cwd: home)))
        _ = try cache.load(layers: Self.layers(), now: Self.now)
        let path = cache.directory + "/" + snapshots(cache)[0]
        let good = try FileSystem.readBytes(path)
        try FileSystem.writeAtomically(path, bytes: Array(good.prefix(good.count / 2)))
        let rules = try cache.load(layers: Self.layers(), now: Self.now)
        #expect(verdict(rules, items: 3) == "many (3)")
        #expect(try FileSystem.readBytes(path) == good)
    }

    @Test func invalidRulesFailAsBeforeAndLeaveNoSnapshot() throws {
        let home = try TestFiles.scratch()
        defer { TestFiles.remove(home) }
        let cache = try #require(RuleSetCache(environment: TestFiles.environment(home: home, cwd: home)))
        var broken = Self.layers()
        broken[0].files[1].text = broken[0].files[1].text.replacingOccurrences(of: ">= 3", with: ">=")
        #expect(throws: DiagnosticList.self) { try cache.load(layers: broken, now: Self.now) }
        #expect(snapshots(cache).isEmpty)
    }

    @Test func theCacheCanBeTurnedOffAndFollowsXDGCacheHome() throws {
        let home = try TestFiles.scratch()
        defer { TestFiles.remove(home) }
        var environment = TestFiles.environment(home: home, cwd: home)
        environment.variables["LOOPX_RULES_CACHE"] = "off"
        #expect(RuleSetCache(environment: environment) == nil)
        environment.variables["LOOPX_RULES_CACHE"] = nil
        environment.variables["XDG_CACHE_HOME"] = home + "/xdg"
        #expect(RuleSetCache(environment: environment)?.directory == home + "/xdg/loopx/rules")
        environment.variables["XDG_CACHE_HOME"] = "relative/ignored"
        #expect(RuleSetCache(environment: environment)?.directory == home + "/.cache/loopx/rules")
    }

    @Test func onlyTheNewestSnapshotsAreKept() throws {
        let home = try TestFiles.scratch()
        defer { TestFiles.remove(home) }
        let cache = try #require(RuleSetCache(environment: TestFiles.environment(home: home, cwd: home)))
        for threshold in 1...(RuleSetCache.keep + 4) {
            _ = try cache.load(layers: Self.layers(threshold: threshold), now: Self.now)
        }
        #expect(snapshots(cache).count == RuleSetCache.keep)
        let newest = RuleSetSnapshot.key(layers: Self.layers(threshold: RuleSetCache.keep + 4), buildID: cache.buildID)
        #expect(snapshots(cache).contains(newest + ".snapshot"))
    }
}
