import Testing
@testable import LoopXCore

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

    @Test func binaryAndNonUTF8FilesAreSkipped() {
        var binary = Array("key \(Planted.awsKey)".utf8)
        binary.insert(0, at: 3)
        #expect(FileFindings.scan(binary, path: "a.json", fileName: "a.json") == .binary)
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(" \(Planted.awsKey)".utf8)
        #expect(FileFindings.scan(latin1, path: "a.md", fileName: "a.md") == .notUTF8)
        let overlong: [UInt8] = [0x41, 0xC0, 0xAF]
        #expect(FileFindings.scan(overlong, path: "a.md", fileName: "a.md") == .notUTF8)
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
