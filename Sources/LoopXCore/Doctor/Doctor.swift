import LoopXRules
import LoopXSupport

/// Install health: is the binary reachable, are its rules and libraries there, can it write.
public struct Doctor: Sendable {
    public var context: LoopXContext
    /// Validates a rules directory; returns nil when it loads, else a problem summary.
    public var validateRules: @Sendable (String) -> String?

    public init(context: LoopXContext, validateRules: @escaping @Sendable (String) -> String?) {
        self.context = context
        self.validateRules = validateRules
    }

    public func run() -> DoctorReport {
        let env = context.environment
        var checks: [DoctorCheck] = []
        checks.append(DoctorCheck(
            name: "binary", ok: FileSystem.isExecutable(env.executableRealPath),
            detail: "\(env.executablePath) -> \(env.executableRealPath)",
            fix: "reinstall with scripts/install-local.sh"))
        let localBin = FileSystem.join(env.home, ".local/bin")
        let onPath = (env.variables["PATH"] ?? "").split(separator: ":").contains { env.absolute(String($0)) == localBin }
        checks.append(DoctorCheck(
            name: "local_bin_on_path", ok: onPath, required: false,
            detail: onPath ? "\(localBin) is on PATH" : "\(localBin) is not on PATH",
            fix: "open a new shell, or run: export PATH=\"$HOME/.local/bin:$PATH\""))
        checks.append(DoctorCheck(name: "libyaml", ok: true, detail: "libyaml \(LibYAML.version)"))
        checks.append(rulesCheck())
        checks.append(runtimeRootCheck())
        checks.append(storeCheck())
        let layout = InstallLayout(environment: env)
        checks += installChecks(layout)
        return DoctorReport(checks: checks, install: installJSON(layout))
    }

    /// Where the install stands: commands, releases, which one is running, and freshness.
    func installJSON(_ layout: InstallLayout) -> JSONValue {
        let current = layout.currentRelease
        let (status, hours, release) = freshness(layout)
        func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return [
            "bin_dir": .string(layout.binDir), "releases_dir": .string(layout.releasesDir),
            "default_command": .string(layout.defaultCommand),
            "default_realpath": string(FileSystem.realPath(layout.defaultCommand)),
            "default_release": layout.defaultRelease.map { ["id": .string($0.id), "root": .string($0.root), "manifest": .object($0.manifest)] } ?? .null,
            "canary_command": .string(layout.canaryCommand),
            "canary_realpath": string(FileSystem.realPath(layout.canaryCommand)),
            "current_invocation": [
                "source": .string(current != nil ? "release_snapshot" : (layout.checkoutRoot != nil ? "live_checkout" : "other")),
                "path": .string(context.environment.executableRealPath), "release_id": string(current?.id),
            ],
            "checkout_root": string(layout.checkoutRoot),
            "skill_dir": .string(FileSystem.join(layout.skillsDir, "loopx-project")),
            "install_freshness": [
                "status": .string(status), "release_id": string(release?.id),
                "release_age_hours": hours.map(JSONValue.double) ?? .null,
                "stale_after_hours": .double(Doctor.staleAfterHours), "requires_upgrade": .bool(status != "fresh"),
                "upgrade_command": .string(layout.upgradeCommand),
            ],
        ]
    }

    private func rulesCheck() -> DoctorCheck {
        guard let found = RulesLocator(environment: context.environment).locate() else {
            return DoctorCheck(
                name: "rules", ok: false, detail: "no built-in Rules/ directory found",
                fix: "reinstall with scripts/install-local.sh, or set LOOPX_RULES_DIR to a Rules/ directory")
        }
        if let problem = validateRules(found.path) {
            return DoctorCheck(
                name: "rules", ok: false, detail: "\(found.path) (\(found.source.rawValue)) does not load: \(problem)",
                fix: "run `loopx rules check` to see every error")
        }
        return DoctorCheck(name: "rules", ok: true, detail: "\(found.path) (\(found.source.rawValue)) loads")
    }

    private func runtimeRootCheck() -> DoctorCheck {
        let root = context.runtimeRoot()
        var probe = root
        while !FileSystem.exists(probe), probe != "/" { probe = FileSystem.dirname(probe) }
        let writable = FileSystem.isDirectory(probe) && FileSystem.isWritable(probe)
        let state = probe == root ? "exists" : "will be created under \(probe)"
        return DoctorCheck(
            name: "runtime_root", ok: writable,
            detail: "\(root) (\(state), \(writable ? "writable" : "not writable"))",
            fix: "pass --runtime-root or set LOOPX_RUNTIME_ROOT to a writable directory")
    }
}

/// The result of `loopx doctor`.
public struct DoctorReport: Report {
    public var checks: [DoctorCheck]
    /// The install's layout and provenance (see `Doctor.installJSON`).
    public var install: JSONValue = .null

    public var ok: Bool { checks.allSatisfy { $0.ok || !$0.required } }

    public var json: JSONValue {
        var object: JSONObject = ["ok": .bool(ok), "checks": .array(checks.map(\.json)), "install": install]
        if let firstFix = checks.first(where: { !$0.ok && $0.required })?.fix { object["fix"] = .string(firstFix) }
        return .object(object)
    }

    public var markdown: String {
        var lines = ["# loopx doctor", "", ok ? "All required checks pass." : "Some required checks fail.", ""]
        for check in checks {
            let mark = check.ok ? "ok" : (check.required ? "FAIL" : "warn")
            lines.append("- **\(check.name)** [\(mark)]: \(check.detail)")
            if let fix = check.fix { lines.append("  - fix: \(fix)") }
        }
        return lines.joined(separator: "\n")
    }
}
