import LoopXSupport
/// Reading a declared answer back from a snapshot, in the order `RuleSetEncoder` wrote it.
extension RuleSetDecoder {
    static func answer(_ r: inout SnapshotReader) throws(SnapshotError) -> AnswerShape {
        let decision = try r.string()
        let base = try r.optional { r throws(SnapshotError) in try r.string() }
        let fields = try r.list { r throws(SnapshotError) in
            let name = try r.string()
            let from = try path(try r.string())
            let defaultText = try r.string()
            let defaultValue: JSONValue
            do { defaultValue = try JSONParser.parse(defaultText, path: "<snapshot>") } catch {
                throw SnapshotError(message: "bad JSON: \(error)")
            }
            let onlyIf = try r.optional { r throws(SnapshotError) in try path(try r.string()) }
            return AnswerField(
                name: name, from: from, defaultValue: defaultValue, onlyIf: onlyIf, omitEmpty: try r.bool(),
                spreadBy: try r.optional { r throws(SnapshotError) in try r.string() })
        }
        return AnswerShape(decision: decision, base: base, fields: fields)
    }

    private static func path(_ text: String) throws(SnapshotError) -> OutputPath {
        guard let path = OutputPath(text) else { throw SnapshotError(message: "bad output path '\(text)'") }
        return path
    }
}
