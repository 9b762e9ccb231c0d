import LoopXRules
import LoopXSupport

/// Finds private markers among a registry's scalar values.
enum RegistryMarkers {
    /// Keys whose value, when it is a local or absolute path, is private.
    static let pathKeys: Set<String> = [
        "repo", "source_registry", "json_path", "markdown_path", "index_path", "common_runtime_root", "global_registry",
    ]
    /// Keys whose any value points at a raw (often private) source.
    static let sourceKeys: Set<String> = ["url", "doc_url", "wiki_url", "document_id", "wiki_node_token", "source_ref"]
    static let pathFragments = ["/Users/", "/private/", "/var/folders/", "/tmp/", "~/"]
    static let privateWords = ["larkoffice", "docs.internal", "bearer", "authorization", "token", "password", "secret"]  // loopx-boundary: allow

    static func collect(in json: JSONValue, limit: Int) -> [RegistryBoundary.Marker] {
        var markers: [RegistryBoundary.Marker] = []
        visit(json, location: "", key: nil, into: &markers, limit: limit)
        return markers
    }

    private static func visit(
        _ value: JSONValue, location: String, key: String?, into markers: inout [RegistryBoundary.Marker], limit: Int
    ) {
        guard markers.count < limit else { return }
        switch value {
        case .object(let object):
            for entry in object {
                visit(entry.value, location: location.isEmpty ? entry.key : location + "." + entry.key, key: entry.key, into: &markers, limit: limit)
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                visit(item, location: "\(location)[\(index)]", key: key, into: &markers, limit: limit)
            }
        case .string(let text):
            if let kind = kind(of: text, key: key) {
                markers.append(RegistryBoundary.Marker(location: location, kind: kind))
            }
        case .null, .bool, .int, .double:
            return
        }
    }

    /// The marker kind of one string value under `key`, or nil when it is public-safe.
    static func kind(of text: String, key: String?) -> String? {
        if text.isEmpty || text.hasPrefix("/path/to/") { return nil }
        if let key, pathKeys.contains(key), isLocalPath(text) { return "local_path" }
        if let key, sourceKeys.contains(key) { return "raw_source_reference" }
        if pathFragments.contains(where: { text.contains($0) }) { return "local_path" }
        let lower = text.lowercased()
        if privateWords.contains(where: { lower.contains($0) }) { return "private_text" }
        return nil
    }

    /// Absolute, home-relative or explicitly relative paths (`.`, `./x`, `../x`).
    static func isLocalPath(_ text: String) -> Bool {
        text.hasPrefix("/") || text.hasPrefix("~") || text == "." || text.hasPrefix("./") || text.hasPrefix("../")
    }
}
