import LoopXSupport
/// A CEL runtime value. Errors are values too, so `&&`/`||` can absorb them.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case timestamp(CELTimestamp)
    case duration(CELDuration)
    case list([Value])
    case map(CELMap)
    case type(CELType)
    case optional(CELOptional)
    case error(CELError)

    /// An error value raised at `node` (0 when no node applies).
    @inline(__always)
    public static func err(_ message: String, _ node: Int = 0) -> Value {
        .error(CELError(message, node: node))
    }

    /// The CEL type of this value.
    public var celType: CELType {
        switch self {
        case .null: return .nullType
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .timestamp: return .timestamp
        case .duration: return .duration
        case .list: return .list
        case .map: return .map
        case .type: return .type
        case .optional: return .optionalType
        case .error: return .error
        }
    }

    public var isError: Bool {
        if case .error = self { return true }
        return false
    }

    /// The Swift bool when this is a bool value.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var intValue: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }

    public var listValue: [Value]? {
        if case .list(let l) = self { return l }
        return nil
    }

    public var mapValue: CELMap? {
        if case .map(let m) = self { return m }
        return nil
    }

    /// Builds a map value from string keys, in the given order.
    public static func map(_ pairs: [(String, Value)]) -> Value {
        .map(CELMap(uncheckedKeys: pairs.map { .string($0.0) }, values: pairs.map(\.1)))
    }
}

/// An evaluation error: a message and the id of the node that raised it.
public final class CELError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let node: Int

    public init(_ message: String, node: Int) {
        self.message = message
        self.node = node
    }

    public var description: String { message }
}

/// The payload of an optional value: `nil` is `optional.none()`.
public final class CELOptional: Sendable {
    public let value: Value?

    public init(_ value: Value?) {
        self.value = value
    }

    public static let none = CELOptional(nil)
}

/// A CEL type value, identified by its name (`int`, `list`, `google.protobuf.Timestamp`...).
public struct CELType: Sendable, Hashable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public var description: String { name }

    public static let nullType = CELType("null_type")
    public static let bool = CELType("bool")
    public static let int = CELType("int")
    public static let uint = CELType("uint")
    public static let double = CELType("double")
    public static let string = CELType("string")
    public static let bytes = CELType("bytes")
    public static let timestamp = CELType("google.protobuf.Timestamp")
    public static let duration = CELType("google.protobuf.Duration")
    public static let list = CELType("list")
    public static let map = CELType("map")
    public static let type = CELType("type")
    public static let optionalType = CELType("optional_type")
    public static let error = CELType("error")

    /// The type names an identifier can denote, by their CEL spelling.
    static let denotable: [String: CELType] = {
        var table: [String: CELType] = [:]
        for t in [nullType, bool, int, uint, double, string, bytes, timestamp, duration, list, map, type,
                  optionalType] {
            table[t.name] = t
        }
        return table
    }()
}
