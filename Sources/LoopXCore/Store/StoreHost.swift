#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine a run was recorded on: `LOOPX_AGENT_HOST` when set, else the host name.
public enum StoreHost {
    public static let environmentKey = "LOOPX_AGENT_HOST"

    /// The host id of this process.
    public static func current() -> String {
        if let raw = getenv(environmentKey) {
            let configured = String(cString: raw)
            if !configured.isEmpty { return String(configured.prefix(120)) }
        }
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "unknown" : name
    }
}
