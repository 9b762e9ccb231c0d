/// Reads a facts document (JSON or YAML) for `rules explain` and `rules bench`.
public enum FactsFile {
    /// The facts merged over the schema's defaults and converted to CEL values.
    public static func load(_ path: String, schema: FactsSchema) throws(CommandFailure) -> [String: Value] {
        let text: String
        do { text = try FileSystem.readText(path) } catch { throw CommandFailure(error.description, status: .usage) }
        let json: JSONValue
        do {
            let document = try YAMLLoader.load(text: text, path: path)
            json = try document.jsonValue()
        } catch {
            throw CommandFailure("invalid facts file:\n" + error.rendered, status: .usage)
        }
        guard json.objectValue != nil else {
            throw CommandFailure("\(path): a facts document must be a mapping of fact names", status: .usage)
        }
        let converted = schema.bindings(from: schema.defaults.deepMerged(with: json))
        if !converted.problems.isEmpty {
            throw CommandFailure("\(path): " + converted.problems.joined(separator: "; "), status: .usage)
        }
        return converted.facts
    }
}

/// The execution-profile layers below the rule layers' `profile:` blocks (built-in defaults,
/// then the goal's registry entry). The registry part is filled by the goals work; until then
/// only an empty base is returned.
public enum RuleProfileBase {
    public static func layers(context: LoopXContext, goalID: String?) throws(CommandFailure) -> [ProfileLayer] {
        []
    }
}
