import LoopXRules
import LoopXSupport

/// `loopx check`: the registry's health and boundary classification, the run-history indexes,
/// and the public/private boundary scan of the project tree, gathered into one report.
public struct ContractCheck: Sendable {
    public var context: LoopXContext
    /// `--scan-root`: the project root whose tree is scanned and that paths are shown against.
    public var scanRoot: String?
    /// `--scan-path`: when given, these are scanned instead of the whole root.
    public var scanPaths: [String]

    public init(context: LoopXContext, scanRoot: String? = nil, scanPaths: [String] = []) {
        self.context = context
        self.scanRoot = scanRoot
        self.scanPaths = scanPaths
    }

    /// The `git` on PATH, used to learn which files are tracked.
    public var gitExecutable: String? {
        FileSystem.findOnPath("git", path: context.environment.variables["PATH"] ?? "")
    }

    /// Runs every part of the check; `progress` is passed through to the boundary scan.
    public func run(progress: ((ScanProgress) -> Void)? = nil) -> CheckReport {
        let environment = context.environment
        let root = environment.absolute(scanRoot ?? ".")
        let opened: Result<GoalStore, CommandFailure>
        do { opened = .success(try GoalStore.open(context)) } catch { opened = .failure(error) }
        let store = try? opened.get()
        let registryPath = store?.registryPath ?? context.registryPath
        let runtimeRoot = store?.runtimeRoot ?? context.runtimeRoot()
        let allowDocs = store?.registry.root["public_boundary"]?["tracked_private_doc_urls"]?.stringValue == "allow"
        let roots = scanPaths.isEmpty ? [root] : scanPaths.map { path in
            path.hasPrefix("/") || path.hasPrefix("~") ? environment.absolute(path) : FileSystem.normalize(FileSystem.join(root, path))
        }
        let options = BoundaryScanOptions(
            roots: roots, displayBase: root, gitExecutable: gitExecutable, allowTrackedPrivateDocURLs: allowDocs)
        let scan = BoundaryScanner(options: options).scan(progress: progress)
        var report = CheckReport(registryPath: options.display(registryPath), runtimeRoot: runtimeRoot, scan: scan)

        switch opened {
        case .success(let store): addRegistry(store, to: &report)
        case .failure(let failure):
            report.errors.append("registry unavailable: \(ContractCheck.withoutQuotedSource(failure.detail))")
        }
        for warning in scan.warnings where warning.code == "scan_root_missing" {
            report.errors.append("scan root does not exist: \(warning.path)")
        }
        if FileSystem.isDirectory(runtimeRoot) {
            report.checks.append("runtime root resolved: \(runtimeRoot)")
        } else {
            report.warnings.append("runtime root does not exist yet: \(runtimeRoot)")
        }
        if let store { addRunHistory(store, to: &report) }
        addScan(scan, to: &report)
        return report
    }

    private func addRegistry(_ store: GoalStore, to report: inout CheckReport) {
        let problems = store.registry.problems(environment: context.environment)
        report.registryProblems = problems.map(\.json)
        for problem in problems { report.errors.append("registry problem: \(problem.text)") }
        report.checks.append("registry goals checked: \(store.registry.goals.count)")
        let boundary = RegistryBoundary(json: store.registry.json, path: store.registryPath, gitExecutable: gitExecutable)
        report.registryBoundary = boundary
        report.checks.append("registry boundary classification: \(boundary.classification.rawValue)")
        for risk in boundary.risks {
            if risk.blocking {
                report.errors.append("registry boundary risk: \(risk.code)")
            } else if risk.code == "registry_should_be_gitignored" {
                report.warnings.append("registry should be gitignored: \(report.registryPath)")
            }
        }
    }

    /// A parse error quotes the offending source line; in a file that may hold a secret that
    /// line must not be printed, so only the message lines (`path:line:col: error: ...`) stay.
    static func withoutQuotedSource(_ message: String) -> String {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first else { return message }
        let kept = [first] + lines.dropFirst().filter { $0.contains(": error: ") }
        return kept.joined(separator: " ")
    }

    private func addScan(_ scan: BoundaryScanResult, to report: inout CheckReport) {
        for finding in scan.blocking { report.errors.append("public boundary hit: \(finding.rendered)") }
        for warning in scan.warnings where warning.code != "scan_root_missing" {
            report.warnings.append("\(warning.code.replacingUnderscores): \(warning.path)")
        }
        if !scan.binaryFiles.isEmpty {
            report.warnings.append("binary files not read: \(scan.binaryFiles.count) (listed in the public boundary scan)")
        }
        if scan.clean { report.checks.append("public boundary scan clean: \(scan.filesScanned) files") }
        report.checks.append("private-state paths skipped: \(scan.skipped.privateState)")
        report.checks.append("credential references downgraded: \(scan.referencesDowngraded)")
        if scan.allowedByPragma > 0 { report.checks.append("boundary hits allowed by pragma: \(scan.allowedByPragma)") }
    }
}

extension String {
    /// `file_too_large` → `file too large`, for warning lines.
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
