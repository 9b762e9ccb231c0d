/// Checks that a rules directory is usable by this build.
public enum RuleValidation {
    /// nil when the directory's rules load and compile, else the problem (first error and count).
    public static func problem(inRulesDirectory path: String) -> String? {
        let layer: RuleLayerSource
        do {
            layer = try RuleLayerDiscovery.read(.builtin, directory: path, shownAs: FileSystem.basename(path))
        } catch {
            return error.message
        }
        do {
            _ = try RuleSet.load(layers: [layer], now: LoopXContext.wallClock())
            return nil
        } catch {
            let errors = error.items.filter { $0.severity == .error }
            guard let first = errors.first else { return nil }
            let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
            return "\(first.path):\(first.position.line):\(first.position.column): \(first.message)\(more)"
        }
    }
}
