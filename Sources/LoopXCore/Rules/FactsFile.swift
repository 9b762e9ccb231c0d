import LoopXRules
import LoopXSupport

/// Reads a facts document (JSON or YAML) for `rules explain` and `rules bench`.
public enum FactsFile {
    /// The facts merged over the schema's defaults and converted to CEL values.
    public static func load(_ path: String, schema: FactsSchema) throws(CommandFailure) -> [String: Value] {
        let text: String
        do { text = try FileSystem.readText(path) } catch { throw CommandFailure(error.description, code: .invalidInput) }
        let json: JSONValue
        do {
            let document = try YAMLLoader.load(text: text, path: path)
            json = try document.jsonValue()
        } catch {
            throw CommandFailure("invalid facts file", code: .invalidInput, diagnostics: error.items)
        }
        guard json.objectValue != nil else {
            throw CommandFailure("\(path): a facts document must be a mapping of fact names", code: .invalidInput)
        }
        let converted = schema.bindings(from: schema.defaults.deepMerged(with: json))
        if !converted.problems.isEmpty {
            throw CommandFailure("\(path): " + converted.problems.joined(separator: "; "), code: .invalidInput)
        }
        return converted.facts
    }
}

/// The execution-profile layers below the rule layers' `profile:` blocks: the built-in
/// defaults (the facts schema's default `profile`), then the goal's registry
/// `execution_profile`.
public enum RuleProfileBase {
    public static func layers(schema: FactsSchema, goal: GoalEntry?, registryPath: String) -> [ProfileLayer] {
        var layers = [ProfileLayer(layer: "defaults", source: "Rules/facts.yaml", value: schema.defaults["profile"] ?? [:])]
        if let profile = goal?["execution_profile"], profile.objectValue != nil {
            layers.append(ProfileLayer(layer: "registry", source: registryPath, value: FieldRules.profileLayer(profile, schema: schema).value))
        }
        return layers
    }
}

extension RuleProfileBase {
    /// The base layers for `rules effective --goal-id G`: defaults, then G's registry entry.
    public static func layers(context: LoopXContext, goalID: String?, schema: FactsSchema) throws(CommandFailure) -> [ProfileLayer] {
        guard let goalID else { return layers(schema: schema, goal: nil, registryPath: "") }
        let id = try GoalID.parse(goalID)
        let store = try GoalStore.open(context)
        return layers(schema: schema, goal: try store.goal(id), registryPath: store.registryPath)
    }
}
