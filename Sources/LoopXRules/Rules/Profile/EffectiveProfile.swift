import LoopXSupport
/// The execution profile after deep-merging every layer, with per-field provenance.
///
/// Maps merge key by key; any other value (scalar or list) replaces what was there, so a
/// leaf of the result always comes from the last layer that wrote that exact key path.
public struct EffectiveProfile: Sendable, Hashable {
    public var value: JSONValue
    /// Every leaf (scalar, list or empty map) of `value`, in key-path order.
    public var fields: [ProfileField]

    /// Merges the layers in order.
    public init(layers: [ProfileLayer]) {
        var merged: JSONValue = .object(JSONObject())
        var setters: [[String]: Int] = [:]
        for (index, layer) in layers.enumerated() {
            merged = merged.deepMerged(with: layer.value)
            EffectiveProfile.forEachLeaf(layer.value, path: []) { path, _ in setters[path] = index }
        }
        var fields: [ProfileField] = []
        EffectiveProfile.forEachLeaf(merged, path: []) { path, leaf in
            guard let index = setters[path] else { return }
            let layer = layers[index]
            fields.append(ProfileField(path: path, value: leaf, layer: layer.layer, source: layer.origin(of: path)))
        }
        value = merged
        self.fields = fields.sorted { $0.path.lexicographicallyPrecedes($1.path) }
    }

    /// Calls `body` for each leaf: a non-object value or an empty object.
    static func forEachLeaf(_ value: JSONValue, path: [String], _ body: ([String], JSONValue) -> Void) {
        if case .object(let object) = value, !object.isEmpty {
            for (key, child) in object { forEachLeaf(child, path: path + [key], body) }
        } else if !path.isEmpty {
            body(path, value)
        }
    }

    /// The JSON form: `{"value": ..., "fields": [{"path", "value", "layer", "source"}]}`.
    public var json: JSONValue {
        .object([
            "value": value,
            "fields": .array(fields.map {
                .object(["path": .string($0.dottedPath), "value": $0.value, "layer": .string($0.layer),
                         "source": .string($0.source)])
            }),
        ])
    }
}
