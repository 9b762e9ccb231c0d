import LoopXCore
import LoopXRules
import LoopXSupport

/// The `rule_layers` of the goal view: the layers a goal's decision is made with (built-in,
/// user, project, `--rules`) in the order they apply, each with its files and a digest of
/// them, the active waivers, the load warnings, and any error, attributed to the layer whose
/// file it is in (a broken layer is shown, not hidden).
///
/// `{layers: [{kind, files: [{path, digest}], digest, errors: [text]}], waivers: [...],
///   warnings: [text], error: text|null}`
enum RuleLayersPanel {
    /// The panel of a session whose rules loaded.
    static func loaded(session: DecisionSession, goalID: GoalID) -> JSONValue {
        let discovery = DecisionSession.ruleLayerDiscovery(store: session.store, goalID: goalID)
        let layers: [RuleLayerSource]
        do throws(CommandFailure) { layers = try discovery.layers() } catch {
            return panel(layers: [], diagnostics: [], waivers: session.ruleSet.activeWaivers, error: error.detail)
        }
        return panel(layers: layers, diagnostics: session.ruleSet.warnings, waivers: session.ruleSet.activeWaivers, error: nil)
    }

    /// The panel when loading the rules failed: every layer that could be read, with the
    /// diagnostics of its files as its errors.
    static func broken(context: LoopXContext, goalID: GoalID, diagnostics: DiagnosticList) -> JSONValue {
        let store: GoalStore
        do throws(CommandFailure) { store = try GoalStore.open(context) } catch {
            return panel(layers: [], diagnostics: diagnostics.items, waivers: [], error: error.detail)
        }
        let discovery = DecisionSession.ruleLayerDiscovery(store: store, goalID: goalID)
        do throws(CommandFailure) {
            return panel(layers: try discovery.layers(), diagnostics: diagnostics.items, waivers: [], error: nil)
        } catch {
            return panel(layers: [], diagnostics: diagnostics.items, waivers: [], error: error.detail)
        }
    }

    static func panel(layers: [RuleLayerSource], diagnostics: [Diagnostic], waivers: [Waiver], error: String?) -> JSONValue {
        var placed = Set<Int>()
        var out: [JSONValue] = []
        for layer in layers {
            let paths = Set(layer.files.map(\.path))
            var errors: [JSONValue] = []
            var warnings: [JSONValue] = []
            for (index, diagnostic) in diagnostics.enumerated() where paths.contains(diagnostic.path) {
                placed.insert(index)
                if diagnostic.severity == .error { errors.append(.string(diagnostic.rendered)) } else { warnings.append(.string(diagnostic.rendered)) }
            }
            out.append([
                "kind": .string(layer.kind.rawValue),
                "files": .array(layer.files.map { ["path": .string($0.path), "digest": .string(digest([$0]))] }),
                "digest": .string(digest(layer.files)), "errors": .array(errors), "warnings": .array(warnings),
            ])
        }
        // Problems in no listed file (a file outside every layer) still show, at the top.
        let unplaced = diagnostics.enumerated().filter { !placed.contains($0.offset) }.map { JSONValue.string($0.element.rendered) }
        var topError = error
        if topError == nil, diagnostics.enumerated().contains(where: { !placed.contains($0.offset) && $0.element.severity == .error }) {
            topError = "rule files outside the listed layers have errors"
        }
        return [
            "layers": .array(out), "waivers": .array(waivers.map(\.json)), "other_problems": .array(unplaced),
            "error": topError.map(JSONValue.string) ?? .null,
        ]
    }

    /// First 16 hex digits of SHA-256 over each file's path and text (length-prefixed), so two
    /// layers with the same digest hold the same files.
    static func digest(_ files: [RuleSourceFile]) -> String {
        var bytes: [UInt8] = []
        for file in files {
            let path = Array(file.path.utf8), text = Array(file.text.utf8)
            bytes += Array("\(path.count):".utf8) + path + Array("\(text.count):".utf8) + text
        }
        return String(Digest.sha256Hex(bytes).prefix(16))
    }
}
