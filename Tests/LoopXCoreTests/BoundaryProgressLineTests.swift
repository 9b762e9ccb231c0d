import Foundation
import Testing
@testable import LoopXCore

/// The progress line of long scans: written in place on a terminal, absent otherwise.
@Suite struct BoundaryProgressLineTests {
    /// Runs `body` with a progress line writing into a pipe and returns what it wrote.
    private func captured(isTerminal: Bool, minimumTotal: Int = 10, _ body: (ProgressLine) -> Void) -> String {
        let pipe = Pipe()
        let line = ProgressLine(
            descriptor: pipe.fileHandleForWriting.fileDescriptor, minimumTotal: minimumTotal,
            minimumIntervalMilliseconds: 0, isTerminal: isTerminal)
        body(line)
        try? pipe.fileHandleForWriting.close()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    @Test func rewritesOneLineInPlaceAndErasesItAtTheEnd() {
        let output = captured(isTerminal: true) { line in
            line.update(verb: "scanned", done: 5, total: 20, unit: "files")
            line.update(verb: "scanned", done: 20, total: 20, unit: "files")
            line.finish()
        }
        #expect(output == "\rscanned 5/20 files\rscanned 20/20 files\r                   \r")
        #expect(!output.contains("\n"))
    }

    @Test func staysQuietOffATerminalAndForSmallJobs() {
        let offTerminal = captured(isTerminal: false) { line in
            line.update(verb: "scanned", done: 20, total: 20, unit: "files")
            line.finish()
        }
        #expect(offTerminal.isEmpty)
        let small = captured(isTerminal: true, minimumTotal: 100) { line in
            line.update(verb: "scanned", done: 20, total: 20, unit: "files")
            line.finish()
        }
        #expect(small.isEmpty)
    }

    @Test func aShorterUpdatePadsOverTheLongerOne() {
        let output = captured(isTerminal: true) { line in
            line.update(verb: "scanned", done: 100, total: 1000, unit: "files")
            line.update(verb: "done", done: 1000, total: 1000, unit: "")
        }
        // "done 1000/1000 " is 7 characters shorter than the line it replaces.
        #expect(output == "\rscanned 100/1000 files\rdone 1000/1000 " + String(repeating: " ", count: 7))
    }
}
