#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The public/private boundary scan: walks the roots, reads each text file of a scanned kind
/// (and each file git tracks), and reports leak-rule hits and tracked private state by path,
/// line and rule, never by content.
public struct BoundaryScanner: Sendable {
    public var options: BoundaryScanOptions

    public init(options: BoundaryScanOptions) {
        self.options = options
    }

    /// Runs the scan; `progress` is called every few hundred files and once at the end.
    public func scan(progress: ((ScanProgress) -> Void)? = nil) -> BoundaryScanResult {
        var plan = ScanPlan()
        for root in options.roots { plan.add(root: FileSystem.normalize(root), options: options) }
        var result = BoundaryScanResult(
            scanRoots: options.roots.map { options.display(FileSystem.normalize($0)) }, findings: plan.findings,
            warnings: plan.warnings, filesScanned: 0, skipped: plan.skipped, usedGit: plan.usedGit)
        let total = plan.candidates.count
        for (index, candidate) in plan.candidates.enumerated() {
            scanFile(candidate, into: &result)
            if let progress, index % 250 == 249 { progress(ScanProgress(filesDone: index + 1, filesTotal: total)) }
        }
        progress?(ScanProgress(filesDone: total, filesTotal: total))
        result.findings.sort()
        result.warnings.sort()
        return result
    }

    private func scanFile(_ candidate: ScanCandidate, into result: inout BoundaryScanResult) {
        let shown = options.display(candidate.absolutePath)
        if candidate.reportsTrackedPrivateState {
            result.findings.append(BoundaryFinding(path: shown, line: 0, rule: .trackedPrivateState, severity: .error))
        }
        var info = stat()
        if stat(candidate.absolutePath, &info) == 0, Int(info.st_size) > options.maxFileBytes {
            result.skipped.tooLarge += 1
            result.warnings.append(BoundaryWarning(code: "file_too_large", path: shown))
            return
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(candidate.absolutePath)
        } catch {
            result.skipped.unreadable += 1
            result.warnings.append(BoundaryWarning(code: "unreadable_file", path: shown))
            return
        }
        switch FileFindings.scan(bytes, path: shown, fileName: candidate.fileName) {
        case .binary: result.skipped.binary += 1
        case .notUTF8: result.skipped.notUTF8 += 1
        case .scanned(let found, let allowed):
            result.filesScanned += 1
            result.allowedByPragma += allowed
            let allowDocs = options.allowTrackedPrivateDocURLs && candidate.isTracked
            for finding in found {
                if finding.severity == .note {
                    result.referencesDowngraded += 1
                } else if !(allowDocs && finding.rule == .privateDocURL) {
                    result.findings.append(finding)
                }
            }
        }
    }
}
