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

    public func run(progress: ((ScanProgress) -> Void)? = nil) -> CheckReport {
        let environment = context.environment
        let root = environment.absolute(scanRoot ?? ".")
        let registryPath = context.registryPath
        let registryJSON = loadRegistryJSON(registryPath)
        let runtimeRoot = context.runtimeRoot(registryCommonRoot: registryJSON.value?["common_runtime_root"]?.stringValue)
        let allowDocs = registryJSON.value?["public_boundary"]?["tracked_private_doc_urls"]?.stringValue == "allow"
        let roots = scanPaths.isEmpty ? [root] : scanPaths.map { path in
            path.hasPrefix("/") || path.hasPrefix("~") ? environment.absolute(path) : FileSystem.normalize(FileSystem.join(root, path))
        }
        let options = BoundaryScanOptions(
            roots: roots, displayBase: root, gitExecutable: gitExecutable, allowTrackedPrivateDocURLs: allowDocs)
        let scan = BoundaryScanner(options: options).scan(progress: progress)
        var report = CheckReport(registryPath: options.display(registryPath), runtimeRoot: runtimeRoot, scan: scan)

        if let json = registryJSON.value {
            report.checks.append("registry readable: \(report.registryPath)")
            let boundary = RegistryBoundary(json: json, path: registryPath, gitExecutable: gitExecutable)
            report.registryBoundary = boundary
            report.checks.append("registry boundary classification: \(boundary.classification.rawValue)")
            for risk in boundary.risks {
                if risk.blocking {
                    report.errors.append("registry boundary risk: \(risk.code)")
                } else if risk.code == "registry_should_be_gitignored" {
                    report.warnings.append("registry should be gitignored: \(report.registryPath)")
                }
            }
        } else {
            report.errors.append("registry unavailable: \(registryJSON.error ?? "unknown error")")
        }

        if FileSystem.isDirectory(runtimeRoot) {
            report.checks.append("runtime root resolved: \(runtimeRoot)")
        } else {
            report.warnings.append("runtime root does not exist yet: \(runtimeRoot)")
        }
        addScan(scan, to: &report)
        return report
    }

    private func addScan(_ scan: BoundaryScanResult, to report: inout CheckReport) {
        for finding in scan.blocking { report.errors.append("public boundary hit: \(finding.rendered)") }
        for warning in scan.warnings { report.warnings.append("\(warning.code.replacingUnderscores): \(warning.path)") }
        if scan.clean { report.checks.append("public boundary scan clean: \(scan.filesScanned) files") }
        report.checks.append("private-state paths skipped: \(scan.skipped.privateState)")
        report.checks.append("credential references downgraded: \(scan.referencesDowngraded)")
    }

    /// The registry document, or why it cannot be read.
    private func loadRegistryJSON(_ path: String) -> (value: JSONValue?, error: String?) {
        guard FileSystem.isRegularFile(path) else { return (nil, "registry file does not exist: \(path)") }
        do {
            let bytes = try FileSystem.readBytes(path)
            return (try JSONParser.parse(bytes, path: path), nil)
        } catch let failure as FileSystem.Failure {
            return (nil, failure.description)
        } catch let diagnostic as Diagnostic {
            return (nil, "invalid registry JSON: \(diagnostic.path):\(diagnostic.position.line):\(diagnostic.position.column): \(diagnostic.message)")
        } catch {
            return (nil, "\(error)")
        }
    }
}

extension String {
    /// `file_too_large` → `file too large`, for warning lines.
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
