internal import CYaml

/// A position as libyaml reports it: 0-based, counted in characters (CRLF counts as two).
struct LibYAMLMark {
    var index: Int
    var line: Int
    var column: Int
}

/// One parse event, copied out of libyaml's C structures so nothing C outlives the call.
struct LibYAMLEvent {
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(anchor: String)
        case scalar(text: String, style: YAMLScalar.Style, anchor: String?, tag: String?)
        case sequenceStart(anchor: String?, tag: String?, flow: Bool)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?, flow: Bool)
        case mappingEnd
    }

    var kind: Kind
    var start: LibYAMLMark
    var end: LibYAMLMark
}

/// Why libyaml stopped: its own problem and context texts with their marks.
struct LibYAMLFailure: Error {
    enum Stage { case reader, scanner, parser, other }

    var stage: Stage
    var problem: String
    var problemMark: LibYAMLMark
    /// For reader errors: the byte offset of the offending input and the offending value.
    var problemOffset: Int
    var problemValue: Int
    var context: String?
    var contextMark: LibYAMLMark
}

/// Owns one libyaml parser over a private copy of the input; frees both in `deinit`.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private var initialized = false

    init(bytes: [UInt8]) {
        parser = .allocate(capacity: 1)
        // libyaml keeps a pointer to the input for the whole parse, so it gets stable storage.
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        initialized = yaml_parser_initialize(parser) != 0
        if initialized, let base = input.baseAddress {
            yaml_parser_set_input_string(parser, base, bytes.count)
        }
    }

    deinit {
        if initialized { yaml_parser_delete(parser) }
        parser.deallocate()
        input.deallocate()
    }

    /// The next event, or the failure that ended the parse.
    func next() -> Result<LibYAMLEvent, LibYAMLFailure> {
        guard initialized else { return .failure(Self.outOfMemory) }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else { return .failure(failure()) }
        defer { yaml_event_delete(&event) }
        return .success(LibYAMLEvent(
            kind: Self.kind(of: event), start: Self.mark(event.start_mark), end: Self.mark(event.end_mark)))
    }

    private static let outOfMemory = LibYAMLFailure(
        stage: .other, problem: "libyaml could not allocate memory",
        problemMark: LibYAMLMark(index: 0, line: 0, column: 0), problemOffset: 0, problemValue: -1,
        context: nil, contextMark: LibYAMLMark(index: 0, line: 0, column: 0))

    private func failure() -> LibYAMLFailure {
        let p = parser.pointee
        let stage: LibYAMLFailure.Stage
        switch p.error {
        case YAML_READER_ERROR: stage = .reader
        case YAML_SCANNER_ERROR: stage = .scanner
        case YAML_PARSER_ERROR: stage = .parser
        default: stage = .other
        }
        return LibYAMLFailure(
            stage: stage, problem: p.problem.map { String(cString: $0) } ?? "unknown libyaml error",
            problemMark: Self.mark(p.problem_mark), problemOffset: p.problem_offset,
            problemValue: Int(p.problem_value), context: p.context.map { String(cString: $0) },
            contextMark: Self.mark(p.context_mark))
    }

    private static func mark(_ m: yaml_mark_t) -> LibYAMLMark {
        LibYAMLMark(index: m.index, line: m.line, column: m.column)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func kind(of event: yaml_event_t) -> LibYAMLEvent.Kind {
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            // The length matters: a `\0` escape puts a NUL inside the value.
            let text = s.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self)
            } ?? ""
            return .scalar(text: text, style: style(s.style), anchor: string(s.anchor), tag: string(s.tag))
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            return .sequenceStart(
                anchor: string(s.anchor), tag: string(s.tag), flow: s.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            return .mappingStart(
                anchor: string(m.anchor), tag: string(m.tag), flow: m.style == YAML_FLOW_MAPPING_STYLE)
        default: return .mappingEnd  // YAML_MAPPING_END_EVENT; libyaml sends no other kind
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
