import Foundation
import LoopXSupport
import Testing
@testable import LoopXRules

/// Helpers shared by the rule-engine suites: fixture paths, layers from strings or
/// directories, and a fixed clock.
enum RuleTestSupport {
    static let now = Timestamp(rfc3339: "2026-01-01T08:00:00Z") ?? Timestamp(seconds: 0)

    /// `Tests/Fixtures/<name>`.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// The YAML files directly in a directory (tests excluded), shown as `<dirname>/<file>`.
    static func layer(_ kind: RuleLayerKind, directory: String) throws -> RuleLayerSource {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.contains(".test.") }.sorted()
        let shown = URL(fileURLWithPath: directory).lastPathComponent
        return RuleLayerSource(kind: kind, files: try names.map {
            RuleSourceFile(path: shown + "/" + $0, text: try String(contentsOfFile: directory + "/" + $0, encoding: .utf8))
        })
    }

    /// The demonstration rule set as the built-in layer.
    static func demo() throws -> RuleLayerSource { try layer(.builtin, directory: fixture("demo-rules")) }

    static func layer(_ kind: RuleLayerKind, _ files: [(String, String)]) -> RuleLayerSource {
        RuleLayerSource(kind: kind, files: files.map { RuleSourceFile(path: $0.0, text: $0.1) })
    }

    /// Loads, expecting failure; returns the rendered diagnostics.
    static func loadErrors(_ layers: [RuleLayerSource], now: Timestamp = now) -> String {
        do {
            _ = try RuleSet.load(layers: layers, now: now)
            return "<loaded without errors>"
        } catch {
            return error.rendered
        }
    }

    /// A minimal built-in layer: one pipeline and the given stage files.
    static func builtin(pipeline: String = "decisions:\n  d: [s]\n", _ stages: [(String, String)]) -> RuleLayerSource {
        layer(.builtin, [("Rules/pipeline.yaml", pipeline)] + stages)
    }

    static func facts(_ json: String) throws -> [String: Value] {
        let value = try JSONParser.parse(json)
        var result: [String: Value] = [:]
        for (key, child) in value.objectValue ?? JSONObject() { result[key] = Value(json: child) }
        return result
    }
}
