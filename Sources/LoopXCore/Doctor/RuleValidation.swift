/// Checks that a rules directory is usable by this build.
public enum RuleValidation {
    /// nil when every rule file in the directory can be read, else the first problem.
    public static func problem(inRulesDirectory path: String) -> String? {
        let names: [String]
        do { names = try FileSystem.list(path) } catch { return error.description }
        let yamlFiles = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        if yamlFiles.isEmpty { return "no rule files in \(path)" }
        for name in yamlFiles {
            do {
                let bytes = try FileSystem.readBytes(FileSystem.join(path, name))
                if String(validating: bytes, as: UTF8.self) == nil { return "\(name) is not valid UTF-8" }
            } catch {
                return error.description
            }
        }
        return nil
    }
}
