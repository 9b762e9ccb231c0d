import LoopXRules
import LoopXSupport

/// The install checks of `loopx doctor`: release snapshot, canary, skill, freshness, and the
/// global registry. They warn (not required) except the global registry, which every
/// heartbeat writes through.
extension Doctor {
    /// Releases older than this many hours are reported stale.
    public static let staleAfterHours = 168.0

    func installChecks(_ layout: InstallLayout) -> [DoctorCheck] {
        [releaseCheck(layout), canaryCheck(layout), skillCheck(layout), freshnessCheck(layout), globalRegistryCheck()]
    }

    private var promoteFix: String { "run scripts/install-local.sh from a clean checkout of main" }

    func releaseCheck(_ layout: InstallLayout) -> DoctorCheck {
        let target = FileSystem.realPath(layout.defaultCommand)
        guard let target else {
            return DoctorCheck(
                name: "release_snapshot", ok: false, required: false,
                detail: "\(layout.defaultCommand) does not exist", fix: promoteFix)
        }
        guard let release = layout.release(containing: target) else {
            return DoctorCheck(
                name: "release_snapshot", ok: false, required: false,
                detail: "\(layout.defaultCommand) -> \(target) is not a release snapshot (no manifest.json beside bin/)",
                fix: promoteFix)
        }
        let built = release.manifest["build_date"]?.stringValue ?? "unknown date"
        return DoctorCheck(
            name: "release_snapshot", ok: true, required: false,
            detail: "\(layout.defaultCommand) -> release \(release.id) (commit \(release.commit.prefix(12)), built \(built))")
    }

    func canaryCheck(_ layout: InstallLayout) -> DoctorCheck {
        let canary = layout.canaryCommand
        guard FileSystem.isExecutable(canary) else {
            return DoctorCheck(
                name: "canary", ok: false, required: false, detail: "\(canary) is missing",
                fix: "run scripts/install-local.sh in the loopx checkout (it always installs the canary)")
        }
        let canaryReal = FileSystem.realPath(canary) ?? canary
        let defaultReal = FileSystem.realPath(layout.defaultCommand)
        if canaryReal == defaultReal {
            return DoctorCheck(
                name: "canary", ok: false, required: false,
                detail: "\(canary) and \(layout.defaultCommand) are the same file", fix: "rerun scripts/install-local.sh")
        }
        return DoctorCheck(name: "canary", ok: true, required: false, detail: "\(canary) (separate from the default command)")
    }

    func skillCheck(_ layout: InstallLayout) -> DoctorCheck {
        let installed = FileSystem.join(layout.skillsDir, "loopx-project")
        let fix = "run scripts/install-local.sh to install the loopx-project skill"
        guard FileSystem.isRegularFile(FileSystem.join(installed, "SKILL.md")) else {
            return DoctorCheck(name: "skill", ok: false, required: false, detail: "\(installed)/SKILL.md is missing", fix: fix)
        }
        let sources = [layout.defaultRelease?.root, layout.currentRelease?.root, layout.checkoutRoot].compactMap { $0 }
            .map { FileSystem.join($0, "skills/loopx-project") }
        guard let reference = sources.first(where: { FileSystem.isRegularFile(FileSystem.join($0, "SKILL.md")) }) else {
            return DoctorCheck(name: "skill", ok: true, required: false, detail: "\(installed) (no snapshot to compare with)")
        }
        if DirectoryDigest(installed) == DirectoryDigest(reference) {
            return DoctorCheck(name: "skill", ok: true, required: false, detail: "\(installed) matches \(reference)")
        }
        return DoctorCheck(
            name: "skill", ok: false, required: false, detail: "\(installed) differs from \(reference)", fix: fix)
    }

    /// The freshness of the default release, as a check and as the `install_freshness` object.
    func freshness(_ layout: InstallLayout) -> (status: String, ageHours: Double?, release: InstallLayout.Release?) {
        guard let release = layout.defaultRelease else { return ("missing", nil, nil) }
        guard let built = release.builtAt else { return ("unknown", nil, release) }
        let hours = (context.now.interval(since: built) / 3600 * 10).rounded() / 10
        return (hours > Doctor.staleAfterHours ? "stale" : "fresh", hours, release)
    }

    func freshnessCheck(_ layout: InstallLayout) -> DoctorCheck {
        let (status, hours, release) = freshness(layout)
        let fix = "upgrade with \(layout.upgradeCommand)"
        switch status {
        case "fresh":
            return DoctorCheck(
                name: "install_freshness", ok: true, required: false,
                detail: "release \(release?.id ?? "") is \(hours ?? 0) h old (stale after \(Int(Doctor.staleAfterHours)) h)")
        case "stale":
            return DoctorCheck(
                name: "install_freshness", ok: false, required: false,
                detail: "release \(release?.id ?? "") is \(hours ?? 0) h old, older than \(Int(Doctor.staleAfterHours)) h", fix: fix)
        default:
            return DoctorCheck(
                name: "install_freshness", ok: false, required: false,
                detail: status == "missing" ? "no release snapshot installed" : "release \(release?.id ?? "") has no build date",
                fix: fix)
        }
    }

    func globalRegistryCheck() -> DoctorCheck {
        let path = context.globalRegistryPath()
        var probe = FileSystem.exists(path) ? path : FileSystem.dirname(path)
        while !FileSystem.exists(probe), probe != "/" { probe = FileSystem.dirname(probe) }
        let writable = FileSystem.isWritable(probe) && (probe == path ? FileSystem.isRegularFile(path) : FileSystem.isDirectory(probe))
        let state = probe == path ? "exists" : "will be created"
        return DoctorCheck(
            name: "global_registry_writable", ok: writable,
            detail: "\(path) (\(state), \(writable ? "writable" : "not writable"))",
            fix: "make \(FileSystem.dirname(path)) writable, or pass --runtime-root / set LOOPX_RUNTIME_ROOT")
    }
}
