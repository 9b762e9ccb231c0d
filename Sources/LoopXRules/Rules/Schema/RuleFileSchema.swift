import LoopXSupport
/// The JSON Schema (draft 2020-12) of rule files and fixture files, so YAML editors validate
/// them as they are typed (`loopx rules schema`, kept as `docs/rules.schema.json`). It is built
/// from the same key lists the loader enforces, so it cannot drift from them.
public enum RuleFileSchema {
    /// Every kind of file: a stage file, a layer file (user, project, `--rules`), a fixture file.
    public static var json: JSONValue {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://loopx.dev/schemas/rules.schema.json",
            "title": "loopx rule and fixture files",
            "description": "Rules/<stage>.yaml stage files, <layer>/*.yaml rule layer files and *.test.yaml fixture files (docs/rules.md).",
            "anyOf": [["$ref": "#/$defs/stage_file"], ["$ref": "#/$defs/layer_file"], ["$ref": "#/$defs/fixture_file"]],
            "$defs": .object(definitions),
        ]
    }

    static var definitions: JSONObject {
        [
            "expression": ["type": ["string", "boolean"], "description": "A CEL expression (docs/expression-language.md)."],
            "rule_id": ["type": "string", "pattern": "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$"],
            "template": ["type": "object", "description": "Output fields: literals, \"${expr}\" typed values, text with ${expr} parts."],
            "on_error": enumeration(OnErrorPolicy.allCases.map(\.rawValue)),
            "guidance": object(RuleGuidance.keys, required: [], properties: [
                "section": enumeration(GuidanceSection.allCases.map(\.rawValue)), "label": ["type": "string", "minLength": 1],
            ]),
            "rule": rule(keys: RuleDecl.stageFileKeys, required: ["id", "description", "when"]),
            "layer_rule": rule(keys: RuleDecl.layerFileKeys, required: ["id", "stage", "when"]),
            "stage_file": object(StageDecl.keys, required: ["stage", "mode"], properties: [
                "stage": ["type": "string", "pattern": "^[a-z_][a-z0-9_]*$"],
                "description": ["type": "string"],
                "mode": enumeration(StageMode.allCases.map(\.rawValue)),
                "on_error": ["$ref": "#/$defs/on_error"],
                "direction": enumeration(DirectionKind.allCases.map(\.rawValue)),
                "permissive": ["type": "object", "description": "Output field -> the value(s) that let something through."],
                "defaults": ["$ref": "#/$defs/template"],
                "variables": ["type": "object", "additionalProperties": ["$ref": "#/$defs/expression"]],
                "rules": ["type": "array", "items": ["$ref": "#/$defs/rule"]],
                "otherwise": rule(keys: RuleDecl.otherwiseKeys, required: ["id", "description"]),
            ]),
            "layer_file": object(LayerFileDecl.keys, required: [], properties: [
                "description": ["type": "string"],
                "profile": ["type": "object"],
                "rules": ["type": "array", "items": ["$ref": "#/$defs/layer_rule"]],
                "overrides": object(LayerFileDecl.overrideKeys, required: [], properties: [
                    "disable": ["type": "array", "items": ["$ref": "#/$defs/rule_id"]],
                    "patch": ["type": "object", "additionalProperties": object(PatchDecl.keys, required: [], properties: [
                        "name": ["type": "string"], "description": ["type": "string"], "priority": ["type": "integer"],
                        "when": ["$ref": "#/$defs/expression"], "then": ["$ref": "#/$defs/template"], "prompt": ["type": "string"],
                        "guidance": ["$ref": "#/$defs/guidance"], "locked": ["type": "boolean"],
                        "on_error": ["$ref": "#/$defs/on_error"],
                    ])],
                    "waivers": ["type": "object", "additionalProperties": object(LayerFileDecl.waiverKeys, required: LayerFileDecl.waiverKeys, properties: [
                        "owner": ["type": "string", "minLength": 1], "reason": ["type": "string", "minLength": 1],
                        "expires": ["type": "string", "description": "A date (2026-03-01, the start of that UTC day) or an RFC 3339 time."],
                    ])],
                ]),
            ]),
            "fixture_file": object(FixtureFile.fileKeys, required: ["tests"], properties: [
                "description": ["type": "string"],
                "tests": ["type": "array", "items": object(FixtureFile.testKeys, required: ["name", "expect"], properties: [
                    "name": ["type": "string"], "description": ["type": "string"], "now": ["type": "string"],
                    "decision": ["type": "string"], "facts": ["type": "object"], "project": ["type": "string"],
                    "goal": ["type": "string"],
                    "expect": ["type": "object", "description": "Output paths (stage.field) with values, plus fired and not_fired rule ids.",
                               "properties": ["fired": ["type": "array", "items": ["$ref": "#/$defs/rule_id"]],
                                              "not_fired": ["type": "array", "items": ["$ref": "#/$defs/rule_id"]]]],
                ])],
            ]),
        ]
    }

    static func rule(keys: [String], required: [String]) -> JSONValue {
        object(keys, required: required, properties: [
            "id": ["$ref": "#/$defs/rule_id"], "stage": ["type": "string"], "name": ["type": "string"],
            "description": ["type": "string"], "priority": ["type": "integer"], "when": ["$ref": "#/$defs/expression"],
            "then": ["$ref": "#/$defs/template"], "prompt": ["type": "string"], "guidance": ["$ref": "#/$defs/guidance"],
            "locked": ["type": "boolean"], "on_error": ["$ref": "#/$defs/on_error"],
            "before": ["$ref": "#/$defs/rule_id"], "after": ["$ref": "#/$defs/rule_id"],
        ])
    }

    /// A closed object: exactly `keys` (each described by `properties`, else any value).
    static func object(_ keys: [String], required: [String], properties: JSONObject) -> JSONValue {
        var props = JSONObject()
        for key in keys { props[key] = properties[key] ?? [:] }
        var schema: JSONObject = ["type": "object", "properties": .object(props), "additionalProperties": false]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        return .object(schema)
    }

    static func enumeration(_ values: [String]) -> JSONValue {
        ["enum": .array(values.map(JSONValue.string))]
    }
}
