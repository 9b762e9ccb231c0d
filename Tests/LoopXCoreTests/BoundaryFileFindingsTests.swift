import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

@Suite struct BoundaryFileFindingsTests {
    @Test func reportsOneBasedLineNumbers() {
        let text = "first\nsecond\nkey \(Planted.awsKey)\n\nip \(Planted.privateIP)"
        let findings = boundaryFindings(text, file: "docs/a.md")
        #expect(findings.map(\.rendered) == ["docs/a.md:3: credential", "docs/a.md:5: private_ip"])
    }

    @Test func oneFindingPerLineAndRuleAndAValueOutweighsAReference() {
        #expect(boundaryRules("token=$A password=$B") == ["credential:note"])
        #expect(boundaryRules("token=$A password=\"hunter2\"") == ["credential:error"])  // loopx-boundary: allow
        #expect(boundaryRules("token=$A\ntoken=$B") == ["credential:note", "credential:note"])
    }

    @Test func thePragmaWaivesHitsOnItsOwnLineOnly() {
        let text = "ip \(Planted.privateIP)  # loopx-boundary: " + "allow\nip \(Planted.privateIP)\n"
        guard case .scanned(let findings, let allowed) = FileFindings.scan(Array(text.utf8), path: "a.sh", fileName: "a.sh") else {
            Issue.record("expected text")
            return
        }
        #expect(findings.map(\.rendered) == ["a.sh:2: private_ip"])
        #expect(allowed == 1)
    }

    @Test func aNULByteOrAnotherEncodingIsNoReasonToSkip() {
        let hit = FileScanOutcome.scanned([BoundaryFinding(path: "a.md", line: 1, rule: .credential, severity: .error)], allowed: 0)
        var nul = Array("key \(Planted.awsKey)".utf8)
        nul.insert(0, at: 3)
        #expect(FileFindings.scan(nul, path: "a.md", fileName: "a.md") == hit)
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(" \(Planted.awsKey)".utf8)
        #expect(FileFindings.scan(latin1, path: "a.md", fileName: "a.md") == hit)
        let invalid: [UInt8] = [0x41, 0xC0, 0xAF, 0xFF, 0xC3, 0x20] + Array(Planted.awsKey.utf8)
        #expect(FileFindings.scan(invalid, path: "a.md", fileName: "a.md") == hit)
        // Terminal colour codes and form feeds are text too.
        let log = Array("\u{1B}[31merror\u{1B}[0m\u{0C}\n".utf8) + Array(Planted.awsKey.utf8)
        #expect(FileFindings.scan(log, path: "a.md", fileName: "a.md") == .scanned(
            [BoundaryFinding(path: "a.md", line: 2, rule: .credential, severity: .error)], allowed: 0))
    }

    @Test func trulyBinaryFilesAreSkipped() {
        let token = Array(" \(Planted.awsKey) ".utf8)
        let signatures: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF, 0xE0], Array("GIF89a".utf8),
            [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B, 0x08], [0x7F, 0x45, 0x4C, 0x46], [0xCF, 0xFA, 0xED, 0xFE],
            Array("%PDF-1.7".utf8), Array("SQLite format 3".utf8) + [0x00], [0x00, 0x61, 0x73, 0x6D],
        ]
        for signature in signatures {
            #expect(FileFindings.scan(signature + token, path: "a.md", fileName: "a.md") == .binary, "\(signature)")
        }
        // A Windows executable: `MZ`, and the PE header where the word at 0x3C points.
        var pe = [UInt8](repeating: 0x41, count: 0x80)
        pe[0] = 0x4D; pe[1] = 0x5A; pe[0x3C] = 0x40; pe[0x3D] = 0; pe[0x3E] = 0; pe[0x3F] = 0
        pe.replaceSubrange(0x40..<0x44, with: [0x50, 0x45, 0x00, 0x00])
        #expect(FileFindings.scan(pe + token, path: "a.md", fileName: "a.md") == .binary)
        // Mostly control bytes (data, UTF-16): binary. Text starting like a signature is not.
        let data = [UInt8]((0..<200).map { UInt8($0 % 8) }) + token
        #expect(FileFindings.scan(data, path: "a.bin", fileName: "a.bin") == .binary)
        let utf16: [UInt8] = Array("key \(Planted.awsKey)".utf8).flatMap { byte -> [UInt8] in [byte, 0x00] }
        #expect(FileFindings.scan(utf16, path: "a.md", fileName: "a.md") == .binary)
        for text in ["MZ" + String(repeating: " notes", count: 20), "BZh is a prefix", "PK of the table", "OTTO says hi"] {
            #expect(FileFindings.scan(Array((text + " \(Planted.awsKey)").utf8), path: "a.md", fileName: "a.md") != .binary, "\(text)")
        }
    }

    @Test func aHugeMinifiedLineWithManyHitsIsScannedOnce() {
        // 20,000 references on one 400 KB line: each hit looks at most a short way ahead.
        let line = String(repeating: "a&token=$T&b", count: 20_000) + " \(Planted.privateIP)"
        let findings = boundaryFindings(line, file: "bundle.json")
        #expect(findings.map { "\($0.line):\($0.rule.rawValue):\($0.severity.rawValue)" } == ["1:credential:note", "1:private_ip:error"])
    }

    @Test func validUTF8TextIsScanned() {
        let text = "café ✓ 𝄞 — host \(Planted.privateIP)"
        #expect(boundaryRules(text) == ["private_ip:error"])
    }

    @Test func findingsNeverCarryTheMatchedText() {
        let text = "k=\(Planted.awsKey)\nip \(Planted.privateIP)\nGITHUB_TOKEN=\(Planted.longToken)"
        let findings = boundaryFindings(text)
        #expect(findings.count == 3)
        let everything = findings.map { "\($0.rendered) \(JSONWriter().string($0.json))" }.joined()
        for secret in [Planted.awsKey, Planted.privateIP, Planted.longToken] {
            #expect(!everything.contains(secret))
        }
    }
}
