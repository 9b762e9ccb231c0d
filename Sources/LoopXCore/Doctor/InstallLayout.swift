import LoopXRules
import LoopXSupport

/// Where an install lives and what it is made of: the bin directory with the default command
/// and the canary, the release snapshots, the skills directory, and the checkout the running
/// binary came from. Honours `LOOPX_BIN_DIR`, `LOOPX_RELEASES_DIR` and `CODEX_HOME` like
/// `scripts/install-local.sh`.
public struct InstallLayout: Sendable {
    /// A published release snapshot: `<releases>/<id>/{bin/loopx, Rules, docs, skills, manifest.json}`.
    public struct Release: Sendable {
        public var root: String
        public var id: String
        public var manifest: JSONObject

        /// When the release was built: the manifest's `build_date`, else the id's timestamp.
        public var builtAt: Timestamp? {
            if let text = manifest["build_date"]?.stringValue, let stamp = Timestamp(rfc3339: text) { return stamp }
            return InstallLayout.timestamp(ofReleaseID: id)
        }

        public var commit: String { manifest["commit"]?.stringValue ?? "unknown" }
        /// The checkout the release was built from.
        public var source: String? { manifest["source"]?.stringValue }
    }

    public var environment: LoopXEnvironment

    public init(environment: LoopXEnvironment) {
        self.environment = environment
    }

    private func setting(_ name: String, default fallback: String) -> String {
        if let value = environment.variables[name], !value.isEmpty { return environment.absolute(value) }
        return environment.absolute(fallback)
    }

    public var binDir: String { setting("LOOPX_BIN_DIR", default: "~/.local/bin") }
    public var releasesDir: String { setting("LOOPX_RELEASES_DIR", default: "~/.local/share/loopx/releases") }
    public var skillsDir: String { FileSystem.join(setting("CODEX_HOME", default: "~/.codex"), "skills") }
    public var defaultCommand: String { FileSystem.join(binDir, "loopx") }
    public var canaryCommand: String { FileSystem.join(binDir, "loopx-canary") }

    /// The release snapshot a binary path belongs to (`<root>/bin/loopx` beside `manifest.json`).
    public func release(containing binary: String) -> Release? {
        let binDirectory = FileSystem.dirname(binary)
        guard FileSystem.basename(binDirectory) == "bin" else { return nil }
        let root = FileSystem.dirname(binDirectory)
        let manifestPath = FileSystem.join(root, "manifest.json")
        guard FileSystem.isRegularFile(manifestPath) else { return nil }
        let manifest = (try? FileSystem.readBytes(manifestPath)).flatMap { try? JSONParser.parse($0, path: manifestPath) }
        return Release(root: root, id: FileSystem.basename(root), manifest: manifest?.objectValue ?? JSONObject())
    }

    /// The release `~/.local/bin/loopx` points at, if it is a release snapshot.
    public var defaultRelease: Release? {
        FileSystem.realPath(defaultCommand).flatMap { release(containing: $0) }
    }

    /// The release the running binary belongs to (nil when it runs from a checkout's build).
    public var currentRelease: Release? { release(containing: environment.executableRealPath) }

    /// The package checkout the running binary was built in, else the source of its release,
    /// else the source of the default release.
    public var checkoutRoot: String? {
        var dir = FileSystem.dirname(environment.executableRealPath)
        while dir != "/" && !dir.isEmpty && dir != "." {
            if FileSystem.isRegularFile(FileSystem.join(dir, "Package.swift")) { return dir }
            dir = FileSystem.dirname(dir)
        }
        for source in [currentRelease?.source, defaultRelease?.source].compactMap({ $0 })
        where FileSystem.isRegularFile(FileSystem.join(source, "Package.swift")) {
            return source
        }
        return nil
    }

    /// `<checkout>/scripts/install-local.sh` when it exists.
    public var installScript: String? {
        guard let root = checkoutRoot else { return nil }
        let script = FileSystem.join(root, "scripts/install-local.sh")
        return FileSystem.isRegularFile(script) ? script : nil
    }

    /// The command that upgrades the install.
    public var upgradeCommand: String { installScript ?? "scripts/install-local.sh (in your loopx checkout)" }

    /// `YYYYMMDDTHHMMSSZ` (optionally with a `-N` suffix) as a timestamp.
    static func timestamp(ofReleaseID id: String) -> Timestamp? {
        let stem = id.split(separator: "-").first.map(String.init) ?? id
        let chars = Array(stem)
        guard chars.count == 16, chars[8] == "T", chars[15] == "Z" else { return nil }
        let d = String(chars[0..<8]), t = String(chars[9..<15])
        let text = "\(d.prefix(4))-\(d.dropFirst(4).prefix(2))-\(d.suffix(2))T\(t.prefix(2)):\(t.dropFirst(2).prefix(2)):\(t.suffix(2))Z"
        return Timestamp(rfc3339: text)
    }
}
