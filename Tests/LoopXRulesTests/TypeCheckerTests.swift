import Foundation
import Testing
@testable import LoopXRules

/// The static type checker (issue 14): table-driven, each case an expression over the
/// built-in facts schema (plus a few stage outputs) with its type, or its first error pinned.
@Suite struct TypeCheckerTests {
    /// The environment of a rule in a late stage: the built-in facts, `attention` and `quota`
    /// outputs shaped like the real ones, and a stage variable.
    static let environment: TypeEnvironment = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let layer = (try? RuleTestSupport.layer(.builtin, directory: root.appendingPathComponent("Rules").path))
            ?? RuleLayerSource(kind: .builtin, files: [])
        let rules = try? RuleSet.load(layers: [layer], now: RuleTestSupport.now)
        var env = TypeEnvironment(variables: rules?.schema.typedFacts ?? [:], unknownHint: "; facts are declared in facts.yaml")
        env.bind("quota", Typed(.record(RecordType(
            name: "quota", kind: .stage, fields: ["state": .string, "reason": .string, "focus_wait": .bool, "rule_id": .string],
            order: ["state", "reason", "focus_wait", "rule_id"], open: nil))))
        env.bind("open_todos", Typed(.list(.string), bound: 100))
        return env
    }()

    /// `type` for a well-typed expression, else `error: <first message>`.
    static func outcome(_ source: String, _ env: TypeEnvironment = environment) -> String {
        guard let program = try? Program.compileReportingOffsets(source) else { return "syntax error" }
        let result = program.check(in: env)
        if let first = result.errors.first { return "error: " + first.message }
        return result.type.description
    }

    static let wellTyped: [(String, String)] = [
        ("1", "int"), ("1u", "uint"), ("1.5", "double"), ("'a'", "string"), ("b'a'", "bytes"), ("true", "bool"),
        ("null", "null"), ("[1, 2]", "list(int)"), ("[1, 'a']", "list(dyn)"), ("[]", "list(dyn)"),
        ("{'a': 1}", "map(string, int)"), ("{}", "map(dyn, dyn)"), ("1 + 2", "int"), ("1u * 3u", "uint"),
        ("2.0 / 4.0", "double"), ("7 % 2", "int"), ("'a' + 'b'", "string"), ("b'a' + b'b'", "bytes"),
        ("[1] + [2]", "list(int)"), ("[1] + ['a']", "list(dyn)"), ("-1", "int"), ("-1.5", "double"), ("!true", "bool"),
        ("1 < 2", "bool"), ("1 < 2.5", "bool"), ("1u <= 2", "bool"), ("'a' > 'b'", "bool"), ("1 == 1.0", "bool"),
        ("[1] == [1.0]", "bool"), ("null == 1", "bool"), ("1 in [1, 2]", "bool"), ("'a' in {'a': 1}", "bool"),
        ("true ? 1 : 2", "int"), ("true ? 1 : 'a'", "dyn"), ("size('abc')", "int"), ("'abc'.size()", "int"),
        ("size([1])", "int"), ("int('1')", "int"), ("uint(1)", "uint"), ("double(1)", "double"), ("string(1)", "string"),
        ("bytes('a')", "bytes"), ("bool('true')", "bool"), ("dyn(1)", "dyn"), ("type(1)", "type"), ("type(1) == int", "bool"),
        ("timestamp('2026-01-01T00:00:00Z')", "timestamp"), ("duration('1h')", "duration"),
        ("'abc'.contains('b')", "bool"), ("'abc'.startsWith('a')", "bool"), ("'abc'.endsWith('c')", "bool"),
        ("'abc'.matches('^a')", "bool"), ("matches('abc', 'b')", "bool"), ("'abc'.charAt(1)", "string"),
        ("'abc'.indexOf('b')", "int"), ("'abc'.lastIndexOf('b', 2)", "int"), ("'ABC'.lowerAscii()", "string"),
        ("'a,b'.split(',')", "list(string)"), ("'abc'.substring(1)", "string"), ("['a'].join(',')", "string"),
        ("'%s'.format(['a'])", "string"), ("' a '.trim()", "string"), ("'abc'.replace('a', 'b')", "string"),
        ("math.greatest(1, 2)", "int"), ("math.least([1.0, 2.0])", "double"), ("math.abs(-1)", "int"),
        ("math.ceil(1.2)", "double"), ("math.isNaN(1.0)", "bool"), ("math.bitAnd(1, 3)", "int"),
        ("base64.encode(b'a')", "string"), ("base64.decode('YQ==')", "bytes"), ("strings.quote('a')", "string"),
        ("optional.of(1)", "optional(int)"), ("optional.none()", "optional(dyn)"), ("optional.of(1).orValue(2)", "int"),
        ("optional.of(1).hasValue()", "bool"), ("optional.of(1).value()", "int"), ("tokens('a b')", "list(string)"),
        ("[1, 2].take(1)", "list(int)"), ("[1, 2].drop(1)", "list(int)"), ("[1, 2].intersect([2])", "list(int)"),
        ("[1, 2].all(x, x > 0)", "bool"), ("[1, 2].exists(x, x > 1)", "bool"), ("[1, 2].exists_one(x, x > 1)", "bool"),
        ("[1, 2].map(x, x * 2)", "list(int)"), ("[1, 2].map(x, x > 1, string(x))", "list(string)"),
        ("[1, 2].filter(x, x > 1)", "list(int)"), ("[1, 2].streak(x, x > 0)", "int"),
        ("{'a': 1}.all(k, k == 'a')", "bool"), ("[1].all(i, v, i < v)", "bool"),
        ("[1].transformList(i, v, v * 2)", "list(int)"), ("{'a': 1}.transformMap(k, v, v + 1)", "map(string, int)"),
        ("cel.bind(x, 1, x + 1)", "int"), ("now", "timestamp"), ("now - duration('1h')", "timestamp"),
        ("now - now", "duration"), ("now.getDayOfWeek()", "int"), ("now.getHours('Europe/Paris')", "int"),
        ("duration('1h').getMinutes()", "int"), ("goal.id", "string"), ("goal.id == 'x'", "bool"),
        ("goal.quota.compute", "double"), ("goal.quota.compute > 0.5", "bool"), ("goal.quota.allowed_slots > 3", "bool"),
        ("spend.count + 1", "int"), ("spend.count == 3", "bool"), ("spend.newest", "timestamp"),
        ("has(spend.newest)", "bool"), ("spend.?newest", "optional(timestamp)"),
        ("spend.?newest.orValue(now)", "timestamp"), ("goal.guards", "list(string)"), ("size(goal.guards) > 0", "bool"),
        ("goal.guards.exists(g, g.startsWith('read'))", "bool"), ("history.size()", "int"),
        ("history.exists(r, r.classification == 'x')", "bool"), ("history[0].generated_at", "timestamp"),
        ("history.filter(r, r.slots > 0).map(r, r.slots)", "list(int)"),
        ("history.streak(r, r.delivery_outcome == 'surface_only') >= 3", "bool"),
        ("history.exists(r, now - r.generated_at < duration('24h'))", "bool"),
        ("history.exists(r, has(r.human_reward) && r.human_reward.lesson.avoid.size() > 0)", "bool"),
        ("history.exists(r, r.anything_else == 1)", "bool"),
        ("state.agent_todos.exists(t, t.status == 'open')", "bool"), ("state.sections['Next Action']", "string"),
        ("'Next' in state.sections", "bool"), ("state.frontmatter.all(k, v, k != v)", "bool"),
        ("state.user_todos.filter(t, t.claimed_by == '').size()", "int"), ("project.inventory['README.md']", "bool"),
        ("action.paths.all(p, goal.coordination.write_scope.exists(s, p.startsWith(s)))", "bool"),
        ("goal.coordination.write_scope", "list(string)"), ("goal.anything_open", "dyn"),
        ("goal.control_plane.self_repair.?enabled.orValue(false)", "bool"),
        ("health.registry_problems.map(p, {'kind': p.code})", "list(map(string, string))"),
        ("quota.state == 'paused'", "bool"), ("quota.rule_id", "string"), ("open_todos.size()", "int"),
        ("goal.quota", "map 'goal.quota'"), ("{'a': goal.id}.a", "string"), ("[goal.id][0]", "string"),
        ("obligation.discharged_by.classification", "string"), ("now > spend.newest", "bool"),
        ("int == type(spend.count)", "bool"), ("goal.quota['compute']", "double"),
        ("[?optional.of(1)]", "list(int)"), ("{?'a': optional.of(1)}", "map(string, int)"),
    ]

    static let illTyped: [(String, String)] = [
        ("spend.count + \"x\" == \"y\"", "no matching overload for 'int + string'"),
        ("goal.id > 3", "no matching overload for 'string > int'"),
        ("spend.count == \"3\"", "no matching overload for 'int == string'"),
        ("size(1) > 0", "no matching overload for 'size(int)'"),
        ("nosuchfn(goal.id)", "unknown function 'nosuchfn'"),
        ("goal.id.nosuchmethod()", "unknown method 'nosuchmethod' on string"),
        ("state.agent_todos.exists(t, t.staus == \"open\")", "unknown field 'staus' of 't' (did you mean 'status'?)"),
        ("goal.quota.cmopute", "unknown field 'cmopute' of 'goal.quota' (did you mean 'compute'?)"),
        ("spend.cuont", "unknown field 'cuont' of 'spend' (did you mean 'count'?)"),
        ("goa.id", "unknown identifier 'goa' (did you mean 'goal'?); facts are declared in facts.yaml"),
        ("goal.id.size", "'goal.id' is a string; it has no field 'size'"),
        ("history.classification", "'history' is a list; select fields of its elements inside a macro such as exists()"),
        ("quota.stat == 'x'", "stage 'quota' has no output field 'stat' (did you mean 'state'?)"),
        ("has(goal.idd)", "unknown field 'idd' of 'goal' (did you mean 'id'?); 'goal' is open, but a key this close to a declared one is taken for a typo (declare it in facts.yaml if it is meant)"),
        ("1 + 1u", "no matching overload for 'int + uint'"), ("1 + 1.0", "no matching overload for 'int + double'"),
        ("'a' - 'b'", "no matching overload for 'string - string'"), ("true + 1", "no matching overload for 'bool + int'"),
        ("1.5 % 2.0", "no matching overload for 'double % double'"), ("-'a'", "no matching overload for '-string'"),
        ("!1", "no matching overload for '!int'"), ("1 && true", "no matching overload for 'int && bool'"),
        ("false || 'a'", "no matching overload for 'bool || string'"), ("'a' < 1", "no matching overload for 'string < int'"),
        ("now < 1", "no matching overload for 'timestamp < int'"), ("[1] < [2]", "no matching overload for 'list(int) < list(int)'"),
        ("1 in 'abc'", "no matching overload for 'int in string'"), ("'a' in [1, 2]", "no matching overload for 'string in list(int)'"),
        ("1 ? 2 : 3", "the condition of '? :' must be a bool, found int"), ("size(true)", "no matching overload for 'size(bool)'"),
        ("int(now - now)", "no matching overload for 'int(duration)'"), ("timestamp(1.5)", "no matching overload for 'timestamp(double)'"),
        ("duration(1)", "no matching overload for 'duration(int)'"), ("bool(1)", "no matching overload for 'bool(int)'"),
        ("'a'.contains(1)", "no matching overload for 'string.contains(int)'"),
        ("goal.guards.contains('x')", "no matching overload for 'list(string).contains(string)'"),
        ("spend.count.startsWith('1')", "no matching overload for 'int.startsWith(string)'"),
        ("now.getDayOfWeek(1)", "no matching overload for 'timestamp.getDayOfWeek(int)'"),
        ("duration('1h').getDayOfWeek()", "no matching overload for 'duration.getDayOfWeek()'"),
        ("'a'.charAt('b')", "no matching overload for 'string.charAt(string)'"),
        ("[1].join(',')", "no matching overload for 'list(int).join(string)'"),
        ("math.abs('a')", "no matching overload for 'math.abs(string)'"), ("math.ceil(1)", "no matching overload for 'math.ceil(int)'"),
        ("math.greatest('a', 'b')", "no matching overload for 'math.greatest(string, string)'"),
        ("base64.encode('a')", "no matching overload for 'base64.encode(string)'"),
        ("spend.count.orValue(1)", "no matching overload for 'int.orValue(int)'"),
        ("goal.id.value()", "no matching overload for 'string.value()'"), ("[1].take('a')", "no matching overload for 'list(int).take(string)'"),
        ("tokens(1)", "no matching overload for 'tokens(int)'"), ("sise(goal.guards)", "unknown function 'sise' (did you mean 'size'?)"),
        ("goal.id.lowerAsci()", "unknown method 'lowerAsci' on string (did you mean 'lowerAscii'?)"),
        ("spend.count.all(x, x)", "all() ranges over a list or a map, found int"),
        ("goal.guards.all(g, g)", "the predicate of all() must be a bool, found string"),
        ("goal.guards.exists(g, 1)", "the predicate of exists() must be a bool, found int"),
        ("goal.guards.filter(g, g.size())", "the predicate of filter() must be a bool, found int"),
        ("history.exists(r, r.classification > 1)", "no matching overload for 'string > int'"),
        ("history.exists(r, r.generated_at > 'x')", "no matching overload for 'timestamp > string'"),
        ("history.exists(r, r.human_reward.lesson.sumary == '')", "unknown field 'sumary' of 'r.human_reward.lesson' (did you mean 'summary'?)"),
        ("state.user_todos.map(t, t.txt)", "unknown field 'txt' of 't' (did you mean 'text'?)"),
        ("state.agent_todos[0].staus", "unknown field 'staus' of 'state.agent_todos[0]' (did you mean 'status'?)"),
        ("spend.count[0]", "no matching overload for 'int[int]'"), ("goal.guards['a']", "no matching overload for 'list(string)[string]'"),
        ("goal.quota['cmopute']", "unknown field 'cmopute' of 'goal.quota' (did you mean 'compute'?)"),
        ("has(spend.count.x)", "has() needs a map, found int ('spend.count')"),
        ("spend.?cuont", "unknown field 'cuont' of 'spend' (did you mean 'count'?)"),
        ("action.kind == 1", "no matching overload for 'string == int'"), ("action.validated == 'true'", "no matching overload for 'bool == string'"),
        ("action.paths.exists(p, p.size > 1)", "'p' is a string; it has no field 'size'"),
        ("health.boundary_findings.exists(f, f.line == 'x')", "no matching overload for 'int == string'"),
        ("health.global_findings.exists(f, f.severty == 'high')", "unknown field 'severty' of 'f' (did you mean 'severity'?)"),
        ("project.inventory['README.md'] == 'yes'", "no matching overload for 'bool == string'"),
        ("goal.spawn_policy.max_children > '3'", "no matching overload for 'int > string'"),
        ("obligation.status == true", "no matching overload for 'string == bool'"),
        ("state.exists + 1", "no matching overload for 'bool + int'"), ("profile.must_include + 'x'", "no matching overload for 'list(string) + string'"),
        ("profile.outcome_floor.surface_streak_threshold == 'x'", "no matching overload for 'int == string'"),
        ("profile.boundary.private_paths.exists(p, p == 1)", "no matching overload for 'string == int'"),
        ("now + now", "no matching overload for 'timestamp + timestamp'"), ("now - 1", "no matching overload for 'timestamp - int'"),
        ("duration('1h') * 2", "no matching overload for 'duration * int'"), ("{1.5: 1}", "a map key must be a bool, int, uint or string, found double"),
        ("[1].map(x, x).size() + 'a'", "no matching overload for 'int + string'"), ("cel.bind(x, 'a', x + 1)", "no matching overload for 'string + int'"),
        ("goal.spawn_policy.allowed + 1", "no matching overload for 'bool + int'"),
        ("quota.focus_wait == 'yes'", "no matching overload for 'bool == string'"), ("open_todos.exists(t, t.status == 'open')", "'t' is a string; it has no field 'status'"),
        ("goal.adapter.knd", "unknown field 'knd' of 'goal.adapter' (did you mean 'kind'?)"),
        ("goal.coordination.write_scope.exists(s, s > 1)", "no matching overload for 'string > int'"),
        ("history.exists(r, r.project_map.guard_count == 'x')", "no matching overload for 'int == string'"),
    ]

    @Test(arguments: wellTyped) func wellTypedExpressionsHaveTheirType(_ source: String, _ type: String) {
        #expect(Self.outcome(source) == type, "\(source)")
    }

    @Test(arguments: illTyped) func illTypedExpressionsAreRefusedWithAPinnedMessage(_ source: String, _ message: String) {
        #expect(Self.outcome(source) == "error: " + message, "\(source)")
    }

    @Test func theTableHasAtLeast150Cases() {
        #expect(Self.wellTyped.count + Self.illTyped.count >= 150)
    }
}
