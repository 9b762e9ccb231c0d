import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard `~/.pgpass` lookup (or `$PGPASSFILE`): lines `host:port:database:user:password`,
/// `*` matching anything, `\:` and `\\` escaped, `#` comments, the first match winning. As libpq
/// does, a file readable by group or others is ignored.
public enum PgPass {
    /// The password for `url` from the file, or nil.
    public static func password(for url: StoreURL, environment: [String: String]) -> String? {
        guard let path = environment["PGPASSFILE"] ?? environment["HOME"].map({ FileSystem.join($0, ".pgpass") }) else { return nil }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_mode & 0o077 == 0,
            let bytes = try? FileSystem.readBytes(path)
        else { return nil }
        let host = url.usesUnixSocket ? "localhost" : url.host
        let wanted = [host, String(url.port), url.database, url.user]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            guard !trimmed.hasPrefix("#") else { continue }
            let fields = PgPass.fields(trimmed)
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// Splits one line at unescaped colons, unescaping `\:` and `\\`.
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":", fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
