import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// `loopx check` reads tracked files as bytes whatever their encoding, and lists the binary
/// files it skips (issue 15, finding 11).
@Suite struct CheckEncodingTests {
    /// Pieces joined at run time so this file holds no literal the scan would flag.
    static let githubToken = "gh" + "p_" + "R7tY2kB9nD4sHjq8XzLm3vPwA1b2C3d4E5f6"
    static let stripeKey = "sk" + "_live_" + "4eC39HqLyjWDarjtT1zdp7dc"

    func git(_ arguments: [String], in directory: URL) throws -> Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["HOME": directory.path, "GIT_CONFIG_NOSYSTEM": "1", "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func latin1AndNULBytesDoNotHideATrackedToken() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = runner.home.appendingPathComponent("project")
        try runner.write("project/.loopx/registry.json", "{\"schema_version\": \"loopx_registry_v0\", \"goals\": []}\n")
        try runner.write("project/.gitignore", ".loopx/\n")
        func write(_ path: String, _ bytes: [UInt8]) throws {
            let url = project.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        // One Latin-1 byte (é as 0xE9) in a README; a NUL byte early in a Markdown file; a NUL
        // in a tracked file of another kind; and a real PNG that is skipped and listed.
        try write("README.md", Array("# Caf".utf8) + [0xE9] + Array("\n\nexport GH=\(Self.githubToken)\n".utf8))
        try write("docs/notes.md", Array("intro".utf8) + [0x00] + Array("\nkey: \(Self.stripeKey)\n".utf8))
        try write("src/config.txt", [0x00, 0x0A] + Array("GH=\(Self.githubToken)\n".utf8))
        try write("assets/logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        try write("assets/raw.dat", [UInt8](repeating: 0x01, count: 64))
        guard try git(["init", "-q"], in: project) else { return }
        #expect(try git(["add", "README.md", "docs", "src", "assets", ".gitignore"], in: project))

        let json = try runner.run(["check", "--format", "json", "--runtime-root", runner.home.path + "/rt"], cwd: project)
        #expect(json.status == 1, "\(json.stdout)\n\(json.stderr)")
        let payload = try JSONParser.parse(json.stdout)
        let scan = payload["public_boundary_scan"]
        let findings = scan?["findings"]?.arrayValue?.map { "\($0["path"]?.stringValue ?? ""):\($0["line"]?.intValue ?? -1): \($0["rule"]?.stringValue ?? "")" }
        #expect(findings == ["README.md:3: credential", "docs/notes.md:2: credential", "src/config.txt:2: credential"])
        #expect(scan?["binary_files"] == ["assets/logo.png", "assets/raw.dat"])
        #expect(scan?["files_skipped"]?["binary"] == 2)
        #expect(scan?["files_skipped"]?["not_utf8"] == nil)
        let warnings = payload["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(warnings.contains("binary files not read: 2 (listed in the public boundary scan)"))

        let markdown = try runner.run(["check", "--runtime-root", runner.home.path + "/rt"], cwd: project)
        #expect(markdown.status == 1)
        #expect(markdown.stdout.contains("- warning: 2 binary files were not read:\n  - assets/logo.png\n  - assets/raw.dat"))
        for result in [json, markdown] {
            for secret in [Self.githubToken, Self.stripeKey, "R7tY2kB9", "4eC39Hq"] {
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "leaks \(secret)")
            }
        }
    }
}
