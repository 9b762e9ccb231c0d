import LoopXRules
import LoopXSupport

/// Checks that rules are usable by this build: the same load (and type check) every command
/// that decides runs.
public enum RuleValidation {
    /// nil when the directory's rules load and compile, else the problem (first error and count).
    public static func problem(inRulesDirectory path: String) -> String? {
        let layer: RuleLayerSource
        do {
            layer = try RuleLayerDiscovery.read(.builtin, directory: path, shownAs: FileSystem.basename(path))
        } catch {
            return error.message
        }
        return problem(layers: [layer], now: LoopXContext.wallClock())
    }

    /// nil when the built-in rules in `path` load together with the user, project and
    /// `--rules` layers of `context`, else the first error (naming its file) and the count.
    public static func problem(inRulesDirectory path: String, context: LoopXContext) -> String? {
        let layers: [RuleLayerSource]
        do { layers = try RuleLayerDiscovery(context: context, builtinOverride: path).layers() } catch {
            return error.message
        }
        return problem(layers: layers, now: context.now)
    }

    private static func problem(layers: [RuleLayerSource], now: Timestamp) -> String? {
        do {
            _ = try RuleSet.load(layers: layers, now: now)
            return nil
        } catch {
            let errors = error.items.filter { $0.severity == .error }
            guard let first = errors.first else { return nil }
            let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
            return "\(first.path):\(first.position.line):\(first.position.column): \(first.message)\(more)"
        }
    }
}
