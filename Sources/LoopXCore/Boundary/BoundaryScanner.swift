#if canImport(Glibc)
import Glibc
import LoopXSupport
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import LoopXRules

/// A worker's partial result, handed to the caller after the dispatch group is waited on
/// (the group's wait orders the write before the read).
private final class ResultBox: @unchecked Sendable {
    var result: BoundaryScanResult?
}

/// The public/private boundary scan: walks the roots, reads each text file of a scanned kind
/// (and each file git tracks), and reports leak-rule hits and tracked private state by path,
/// line and rule, never by content.
public struct BoundaryScanner: Sendable {
    public var options: BoundaryScanOptions

    public init(options: BoundaryScanOptions) {
        self.options = options
    }

    /// Runs the scan; `progress` is called on the calling thread every few hundred files and
    /// once at the end.
    public func scan(progress: ((ScanProgress) -> Void)? = nil) -> BoundaryScanResult {
        var plan = ScanPlan()
        for root in options.roots { plan.add(root: FileSystem.normalize(root), options: options) }
        var result = BoundaryScanResult(
            scanRoots: options.roots.map { options.display(FileSystem.normalize($0)) }, findings: plan.findings,
            warnings: plan.warnings, filesScanned: 0, skipped: plan.skipped, usedGit: plan.usedGit)
        result.binaryFiles = plan.binaryFiles
        let candidates = plan.candidates
        let total = candidates.count
        let workers = total >= BoundaryScanner.parallelThreshold ? BoundaryScanner.workerCount() : 1
        // Workers take interleaved files (k, k + n, ...), so a directory of large files is shared.
        let group = DispatchGroup()
        let others = (1..<max(workers, 1)).map { _ in ResultBox() }
        for (offset, box) in others.enumerated() {
            let scanner = self
            DispatchQueue.global().async(group: group) {
                var partial = BoundaryScanResult.empty
                var index = offset + 1
                while index < total {
                    scanner.scanFile(candidates[index], into: &partial)
                    index += workers
                }
                box.result = partial
            }
        }
        var index = 0
        var step = 0
        while index < total {
            scanFile(candidates[index], into: &result)
            index += workers
            step += 1
            if let progress, step % 125 == 0 { progress(ScanProgress(filesDone: min(total, index), filesTotal: total)) }
        }
        group.wait()
        for box in others { if let partial = box.result { result.absorb(partial) } }
        progress?(ScanProgress(filesDone: total, filesTotal: total))
        result.findings.sort()
        result.warnings.sort()
        result.binaryFiles.sort()
        return result
    }

    /// Below this many files a second thread costs more than it saves.
    static let parallelThreshold = 256

    /// One worker per online CPU, at most four (reading files stops scaling beyond that).
    static func workerCount() -> Int {
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return max(1, min(4, online))
    }

    func scanFile(_ candidate: ScanCandidate, into result: inout BoundaryScanResult) {
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
        case .binary:
            result.skipped.binary += 1
            result.binaryFiles.append(shown)
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
