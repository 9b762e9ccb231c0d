import Foundation
import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

/// Secrets and private values used by the boundary tests are assembled from pieces at run
/// time, so this repository's own sources never contain a literal the scan would flag.
enum Planted {
    static let awsKey = "AK" + "IA" + "QWERTYUIOPASDFGH"
    static let awsExampleKey = "AK" + "IA" + "IOSFODNN7" + "EXAMPLE"
    static let privateIP = "10" + ".20.30.40"
    static let longToken = "q8Xz" + "Lm3vPwR7tY2kB9nD4sHj"
    static let larkHost = "lark" + "office"
    static let taskID = "t-" + "20" + "250101123456-abc9"
    static let userHome = "/" + "Users/hzq"
    static let linuxHome = "/" + "home/dana"
    static let privateKeyHeader = "-----BEGIN RSA PRIV" + "ATE KEY-----"
    static let keyMaterial = String(repeating: "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo", count: 2)
}

/// Scans a text as one file and returns its findings (notes included).
func boundaryFindings(_ text: String, file: String = "notes.md") -> [BoundaryFinding] {
    switch FileFindings.scan(Array(text.utf8), path: file, fileName: file) {
    case .scanned(let findings, _): return findings
    case let other:
        Issue.record("expected text, got \(other)")
        return []
    }
}

/// `rule:severity` per finding, the compact form most assertions compare.
func boundaryRules(_ text: String, file: String = "notes.md") -> [String] {
    boundaryFindings(text, file: file).map { "\($0.rule.rawValue):\($0.severity.rawValue)" }
}

/// A throw-away directory tree for scanner tests.
struct ScratchTree {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("loopx-boundary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    var path: String { root.path }

    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, bytes: Array(text.utf8))
    }

    func write(_ relativePath: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Runs git in the tree; returns false when git is not installed.
    @discardableResult
    func git(_ arguments: [String]) throws -> Bool {
        guard let git = FileSystem.findOnPath("git", path: ProcessInfo.processInfo.environment["PATH"] ?? "") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["-C", path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    var gitExecutable: String? { FileSystem.findOnPath("git", path: ProcessInfo.processInfo.environment["PATH"] ?? "") }

    func scan(git: Bool = false, maxFileBytes: Int = ScanPolicy.maxFileBytes, allowDocs: Bool = false, roots: [String]? = nil) -> BoundaryScanResult {
        let options = BoundaryScanOptions(
            roots: roots ?? [path], displayBase: path, gitExecutable: git ? gitExecutable : nil,
            maxFileBytes: maxFileBytes, allowTrackedPrivateDocURLs: allowDocs)
        return BoundaryScanner(options: options).scan()
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
