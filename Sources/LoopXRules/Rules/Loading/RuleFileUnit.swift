import LoopXSupport
/// One parsed YAML rule file with what is needed to point diagnostics into it.
struct RuleFileUnit {
    let file: RuleSourceFile
    let layer: RuleLayerKind
    let source: SourceText
    let document: YAMLDocument

    var root: YAMLNode { document.root }
    var path: String { file.path }

    /// Parses a file; YAML errors go to the sink and yield nil.
    static func parse(_ file: RuleSourceFile, layer: RuleLayerKind, into sink: inout DiagnosticSink) -> RuleFileUnit? {
        do {
            let document = try YAMLLoader.load(text: file.text, path: file.path)
            return RuleFileUnit(file: file, layer: layer, source: document.source, document: document)
        } catch {
            sink.add(contentsOf: error)
            return nil
        }
    }

    func origin(of node: YAMLNode) -> RuleOrigin {
        RuleOrigin(layer: layer, path: path, position: node.position)
    }

    func diagnostic(_ message: String, at node: YAMLNode, severity: Diagnostic.Severity = .error) -> Diagnostic {
        source.diagnostic(message, at: node.position, severity: severity)
    }

    func diagnostic(_ message: String, at position: SourcePosition, severity: Diagnostic.Severity = .error) -> Diagnostic {
        source.diagnostic(message, at: position, severity: severity)
    }

    /// The file position of a UTF-8 offset inside a scalar node's (processed) text.
    func position(inScalar node: YAMLNode, utf8Offset: Int) -> SourcePosition {
        document.position(ofUTF8Offset: utf8Offset, in: node)
    }

    /// A node as plain JSON data; non-string keys are reported.
    func json(_ node: YAMLNode, sink: inout DiagnosticSink) -> JSONValue? {
        do {
            return try document.jsonValue(of: node)
        } catch {
            sink.add(contentsOf: error)
            return nil
        }
    }
}
