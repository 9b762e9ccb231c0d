import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps snapshots of loaded rule sets (`RuleSetSnapshot`) in
/// `$XDG_CACHE_HOME/loopx/rules/` (else `~/.cache/loopx/rules/`), so a command that loads
/// the same rule files again skips parsing the YAML and compiling every expression.
///
/// A snapshot is named by a digest of every layer's paths and texts and of the running
/// binary (its path, size and modification time), so an edited rule file or a rebuilt
/// `loopx` simply misses. A snapshot that cannot be read is ignored and replaced; failing to
/// write one never fails the command. `LOOPX_RULES_CACHE=off` turns the cache off.
public struct RuleSetCache: Sendable {
    public let directory: String
    let buildID: String
    /// Snapshots kept: writing one removes the oldest beyond this many.
    static let keep = 16

    /// The cache of an environment; nil when `LOOPX_RULES_CACHE=off`.
    public init?(environment: LoopXEnvironment) {
        if let setting = environment.variables["LOOPX_RULES_CACHE"], ["off", "0", "false", "no"].contains(setting.lowercased()) {
            return nil
        }
        let base = environment.variables["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? FileSystem.join(environment.home, ".cache")
        directory = FileSystem.join(base, "loopx/rules")
        buildID = Self.identity(of: environment.executableRealPath)
    }

    /// The rule set of `layers`: from its snapshot when there is a usable one, else loaded
    /// from the files (and snapshotted for the next time).
    public func load(layers: [RuleLayerSource], now: Timestamp) throws(DiagnosticList) -> RuleSet {
        let key = RuleSetSnapshot.key(layers: layers, buildID: buildID)
        let path = FileSystem.join(directory, key + ".snapshot")
        if let bytes = try? FileSystem.readBytes(path), let ruleSet = try? RuleSetSnapshot.decode(bytes, key: key, layers: layers) {
            return ruleSet
        }
        let ruleSet = try RuleSet.load(layers: layers, now: now)
        if let bytes = RuleSetSnapshot.encode(ruleSet, key: key), (try? FileSystem.writeAtomically(path, bytes: bytes, durable: false)) != nil {
            prune(keeping: path)
        }
        return ruleSet
    }

    /// `path size mtime` of the binary: a rebuilt or reinstalled loopx gets new snapshots.
    static func identity(of executable: String) -> String {
        var info = stat()
        guard stat(executable, &info) == 0 else { return executable }
        return "\(executable) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Removes the least recently written snapshots beyond `keep`.
    private func prune(keeping current: String) {
        guard let names = try? FileSystem.list(directory) else { return }
        var snapshots: [(path: String, modified: Int64)] = []
        for name in names where name.hasSuffix(".snapshot") {
            let path = FileSystem.join(directory, name)
            var info = stat()
            guard path != current, stat(path, &info) == 0 else { continue }
            // Saturating: a file time far in the future must not trap the prune.
            snapshots.append((path, Int64(info.st_mtim.tv_sec).saturatingMultiplied(by: 1_000_000_000).saturatingAdding(Int64(info.st_mtim.tv_nsec))))
        }
        guard snapshots.count >= Self.keep else { return }
        for old in snapshots.sorted(by: { $0.modified > $1.modified }).dropFirst(Self.keep - 1) {
            unlink(old.path)
        }
    }
}
