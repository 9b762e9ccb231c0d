import LoopXCore
import LoopXSupport
import MCP
import LoopXRules

extension JSONValue {
    /// The same document as an MCP value: the structured content of a tool result is exactly
    /// the JSON the CLI prints (integers stay integers, key order is the report's).
    var mcpValue: MCP.Value {
        switch self {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number):
            // MCP values hold Int; on 64-bit platforms every Int64 fits.
            if let exact = Int(exactly: number) { return .int(exact) }
            return .double(Double(number))
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .array(let items): return .array(items.map(\.mcpValue))
        case .object(let object):
            var result: [String: MCP.Value] = [:]
            for entry in object { result[entry.key] = entry.value.mcpValue }
            return .object(result)
        }
    }

    /// The compact JSON text of this value, as `--format json` would print it (keys sorted).
    var compactText: String { JSONWriter(sortedKeys: true, pretty: false).string(self) }
}
