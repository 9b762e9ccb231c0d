import LoopXSupport
/// Loads one YAML or JSON document into `YAMLNode`s with positions, through libyaml.
///
/// Exactly one document is expected: a second one (`---`) is an error at its start, and an
/// empty file yields a null root. A `.json` file must be strict JSON (checked by
/// `JSONParser`, so YAML leniencies such as trailing commas or comments are rejected) and is
/// then read through libyaml like any flow YAML, for positions. Every error found before the
/// parse has to stop is reported, in source order.
public enum YAMLLoader {
    /// Collections nested deeper than this are rejected, so no input can exhaust the stack.
    public static let maxDepth = 256
    /// Aliases may expand to at most this many nodes in total (an alias bomb guard).
    public static let maxAliasNodes = 10_000

    /// The version of the linked libyaml, for `loopx doctor`.
    public static var libyamlVersion: String { LibYAML.version }

    /// Reads and loads the file at `path`; a `.json` file is read as JSON.
    public static func load(path: String) throws(DiagnosticList) -> YAMLDocument {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path)
        } catch {
            throw DiagnosticList([Diagnostic(
                path: path, position: SourcePosition(line: 1, column: 1),
                message: "cannot read file: \(error.reason)")])
        }
        return try load(bytes: bytes, path: path)
    }

    /// Loads `text`; `path` names it in diagnostics and, ending in `.json`, selects JSON.
    public static func load(text: String, path: String = "<yaml>") throws(DiagnosticList) -> YAMLDocument {
        try load(bytes: Array(text.utf8), path: path)
    }

    /// Loads raw bytes, checking that they are UTF-8.
    public static func load(bytes: [UInt8], path: String = "<yaml>") throws(DiagnosticList) -> YAMLDocument {
        let json = path.lowercased().hasSuffix(".json")
        let input = try YAMLInput.prepare(bytes, path: path, json: json).get()
        if json {
            do {
                _ = try JSONParser.parse(input.bytes, path: path)
            } catch {
                throw DiagnosticList([error])
            }
        }
        var builder = YAMLTreeBuilder(
            index: YAMLSourceIndex(bytes: input.bytes, rewrites: input.rewrites), source: input.source)
        let parser = LibYAMLParser(bytes: input.parserBytes)
        parsing: while true {
            switch parser.next() {
            case .success(let event):
                if !builder.handle(event) { break parsing }
            case .failure(let failure):
                builder.fail(failure)
                break parsing
            }
        }
        if !builder.diagnostics.isEmpty {
            let ordered = builder.diagnostics.enumerated().sorted {
                ($0.element.position, $0.offset) < ($1.element.position, $1.offset)
            }
            throw DiagnosticList(ordered.map(\.element))
        }
        let start = SourcePosition(line: 1, column: 1)
        let root = builder.root ?? YAMLNode(kind: .scalar(YAMLScalar(text: "")), position: start)
        return YAMLDocument(root: root, source: input.source)
    }
}
