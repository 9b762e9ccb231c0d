/// The YAML 1.2 core schema: which plain texts are null, booleans, integers and floats.
extension YAMLScalar {
    /// The core tags a scalar may carry explicitly (`!!str 12`, `!!int "12"`).
    enum CoreScalarTag: String {
        case str, int, float, bool, null
    }

    /// Why a text cannot have the type its tag (or its integer form) asks for.
    struct ResolutionError: Error {
        var message: String
    }

    /// Resolves a plain scalar's text by the core schema. Hexadecimal or octal integers beyond
    /// 64 bits, which the loader reports as errors, resolve to strings here.
    public static func resolvePlain(_ text: String) -> Value {
        (try? resolve(text, as: nil)) ?? .string(text)
    }

    /// Resolves text as `tag` asks, or by the core schema's plain rules when `tag` is nil.
    static func resolve(_ text: String, as tag: CoreScalarTag?) throws(ResolutionError) -> Value {
        switch tag {
        case .str:
            return .string(text)
        case .null:
            guard isNull(text) else { throw ResolutionError(message: "\(quoted(text)) is not a valid !!null") }
            return .null
        case .bool:
            guard let b = bool(text) else { throw ResolutionError(message: "\(quoted(text)) is not a valid !!bool") }
            return .bool(b)
        case .int:
            guard let i = try integer(text) else {
                throw ResolutionError(message: "\(quoted(text)) is not a valid !!int")
            }
            return i
        case .float:
            if let d = float(text) { return .double(d) }
            if let i = try integer(text), let d = i.doubleValue { return .double(d) }
            throw ResolutionError(message: "\(quoted(text)) is not a valid !!float")
        case nil:
            // Most plain scalars are words; only these first characters can start a typed value.
            guard let first = text.utf8.first else { return .null }
            switch first {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
                UInt8(ascii: "f"), UInt8(ascii: "F"):
                break
            default:
                return .string(text)
            }
            if isNull(text) { return .null }
            if let b = bool(text) { return .bool(b) }
            if let i = try integer(text) { return i }
            if let d = float(text) { return .double(d) }
            return .string(text)
        }
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text + "\""
    }

    static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// Decimal (with sign), `0o` octal or `0x` hexadecimal; nil when the text is no integer.
    /// A decimal beyond 64 bits becomes a double, as in JSON; a hex or octal one is an error.
    static func integer(_ text: String) throws(ResolutionError) -> Value? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "o") {
            let hex = bytes[1] == UInt8(ascii: "x")
            let digits = bytes[2...]
            let valid = digits.allSatisfy { hex ? isHexDigit($0) : ($0 >= 0x30 && $0 <= 0x37) }
            guard valid else { return nil }
            guard let value = Int64(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 8) else {
                throw ResolutionError(message: "integer \(text) does not fit in 64 bits")
            }
            return .int(value)
        }
        var start = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { start = 1 }
        guard start < bytes.count, bytes[start...].allSatisfy(isDigit) else { return nil }
        if let value = Int64(text) { return .int(value) }
        return Double(text).map { .double($0) }
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` and `.nan` forms.
    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        let bytes = Array(text.utf8)
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        let intStart = i
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        var intDigits = String(decoding: bytes[intStart..<i], as: UTF8.self)
        var fraction = ""
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            fraction = String(decoding: bytes[fracStart..<i], as: UTF8.self)
            // `.` needs digits on one side at least: `.5` and `1.` are floats, `.` is not.
            if intDigits.isEmpty && fraction.isEmpty { return nil }
        } else if intDigits.isEmpty {
            return nil
        }
        var exponent = ""
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            let expStart = i
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            let digitsStart = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            if i == digitsStart { return nil }
            exponent = "e" + String(decoding: bytes[expStart..<i], as: UTF8.self)
        }
        guard i == bytes.count else { return nil }
        if intDigits.isEmpty { intDigits = "0" }
        let normalized = (negative ? "-" : "") + intDigits + "." + (fraction.isEmpty ? "0" : fraction) + exponent
        return Double(normalized)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
}
