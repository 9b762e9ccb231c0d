import LoopXSupport
/// One fixture test from a `*.test.yaml` file.
public struct Fixture: Sendable {
    public enum Kind: Sendable {
        /// Facts given inline, merged over `facts.yaml`'s defaults.
        case inline(facts: JSONValue, now: Timestamp)
        /// Facts built from a project directory by the real fact builder.
        case project(directory: String, goal: String, now: Timestamp?)
    }

    /// One `expect` entry on an output path.
    public struct Expectation: Sendable {
        public var path: String
        public var value: JSONValue
        public var position: SourcePosition
    }

    public var name: String
    /// `path:line` of the test entry.
    public var file: String
    public var line: Int
    public var decision: String
    public var kind: Kind
    public var expectations: [Expectation]
    /// `fired:` and `not_fired:` entries.
    public var ruleExpectations: [RuleExpectation]

    /// A rule expected to fire (or not to).
    public struct RuleExpectation: Sendable {
        public var id: String
        public var fires: Bool
        public var position: SourcePosition
    }
}

/// A parsed fixture file.
public struct FixtureFile: Sendable {
    public var path: String
    public var fixtures: [Fixture]

    static let fileKeys = ["description", "tests"]
    static let testKeys = ["name", "description", "now", "decision", "facts", "project", "goal", "expect"]

    /// Parses a fixture file; `directory` resolves `project:` paths. Problems go to the sink.
    static func parse(_ file: RuleSourceFile, directory: String, sink: inout DiagnosticSink) -> FixtureFile? {
        guard let unit = RuleFileUnit.parse(file, layer: .cli, into: &sink),
            let reader = MappingReader(unit.root, in: unit, what: "fixture file", allowed: fileKeys, sink: &sink),
            let list = reader.require("tests", sink: &sink)
        else { return nil }
        guard let items = list.sequence else {
            sink.add(unit.diagnostic("'tests' must be a sequence of tests, found \(list.kindDescription)", at: list))
            return nil
        }
        var fixtures: [Fixture] = []
        for item in items {
            if let fixture = parseTest(item, unit: unit, directory: directory, sink: &sink) { fixtures.append(fixture) }
        }
        return FixtureFile(path: file.path, fixtures: fixtures)
    }

    private static func parseTest(_ node: YAMLNode, unit: RuleFileUnit, directory: String, sink: inout DiagnosticSink) -> Fixture? {
        guard let reader = MappingReader(node, in: unit, what: "test", allowed: testKeys, sink: &sink) else { return nil }
        let name = reader.string("name", required: true, sink: &sink)
        _ = reader.string("description", sink: &sink)
        let decision = reader.string("decision", sink: &sink) ?? "should_run"
        var now: Timestamp?
        if let nowNode = reader.value("now") {
            now = nowNode.scalar.flatMap { Timestamp(rfc3339: $0.text) }
            if now == nil {
                sink.add(unit.diagnostic("'now' must be an RFC 3339 timestamp such as 2026-01-01T08:00:00Z", at: nowNode))
            }
        }
        let kind: Fixture.Kind
        if let projectNode = reader.value("project") {
            if let factsNode = reader.keyNode("facts") {
                sink.add(unit.diagnostic("a test takes either 'facts' or 'project', not both", at: factsNode))
            }
            guard let project = reader.string("project", sink: &sink) else { return nil }
            guard let goal = reader.string("goal", required: true, sink: &sink) else { return nil }
            _ = projectNode
            let resolved = project.hasPrefix("/") ? project : directory + "/" + project
            kind = .project(directory: resolved, goal: goal, now: now)
        } else {
            if let goalNode = reader.keyNode("goal") {
                sink.add(unit.diagnostic("'goal' belongs to project fixtures (with 'project:')", at: goalNode))
            }
            guard let now else {
                if reader.value("now") == nil { _ = reader.require("now", sink: &sink) }
                return nil
            }
            var facts = JSONValue.object(JSONObject())
            if let factsNode = reader.value("facts"), !factsNode.isNull {
                guard factsNode.mapping != nil else {
                    sink.add(unit.diagnostic("'facts' must be a mapping, found \(factsNode.kindDescription)", at: factsNode))
                    return nil
                }
                facts = unit.json(factsNode, sink: &sink) ?? facts
            }
            kind = .inline(facts: facts, now: now)
        }
        var expectations: [Fixture.Expectation] = []
        var ruleExpectations: [Fixture.RuleExpectation] = []
        if let expectNode = reader.require("expect", sink: &sink) {
            guard let pairs = expectNode.mapping else {
                sink.add(unit.diagnostic("'expect' must map output paths to values, found \(expectNode.kindDescription)", at: expectNode))
                return nil
            }
            for pair in pairs {
                guard let key = pair.key.string else { continue }
                if key == "fired" || key == "not_fired" {
                    guard let items = pair.value.sequence else {
                        sink.add(unit.diagnostic("'\(key)' must be a list of rule ids", at: pair.value))
                        continue
                    }
                    for item in items {
                        guard let id = item.string else {
                            sink.add(unit.diagnostic("'\(key)' must be a list of rule ids", at: item))
                            continue
                        }
                        ruleExpectations.append(Fixture.RuleExpectation(id: id, fires: key == "fired", position: item.position))
                    }
                } else if let value = unit.json(pair.value, sink: &sink) {
                    expectations.append(Fixture.Expectation(path: key, value: value, position: pair.key.position))
                }
            }
        }
        guard let name else { return nil }
        return Fixture(
            name: name, file: unit.path, line: node.position.line, decision: decision, kind: kind,
            expectations: expectations, ruleExpectations: ruleExpectations)
    }
}
