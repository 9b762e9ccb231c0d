import Foundation
import Testing
@testable import LoopXRules

/// The `--jsonl` loop: line splitting and one answer per request line, over real descriptors.
@Suite struct JSONLServerTests {
    func lines(_ text: String) -> ([String], Int) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buf in
            let (ranges, consumed) = JSONLServer.splitLines(buf)
            return (ranges.map { String(decoding: buf[$0], as: UTF8.self) }, consumed)
        }
    }

    @Test func splitsCompleteNonEmptyLinesAndDropsCarriageReturns() {
        let (found, consumed) = lines("a\r\n\nbc\n\r\npartial")
        #expect(found == ["a", "bc"])
        #expect(consumed == "a\r\n\nbc\n\r\n".utf8.count)
        #expect(lines("").0.isEmpty)
        #expect(lines("no newline").1 == 0)
    }

    @Test func answersEveryLineIncludingAnUnterminatedLastOne() throws {
        let input = Pipe()
        let output = Pipe()
        let requests = #"{"id":"1","expr":"1 + 1"}"# + "\n\n" + #"{"id":"2","expr":"'a' + 'b'"}"#
        try input.fileHandleForWriting.write(contentsOf: Data(requests.utf8))
        try input.fileHandleForWriting.close()
        JSONLServer.run(input: input.fileHandleForReading.fileDescriptor, output: output.fileHandleForWriting.fileDescriptor)
        try output.fileHandleForWriting.close()
        let answer = String(decoding: try output.fileHandleForReading.readToEnd() ?? Data(), as: UTF8.self)
        #expect(answer == #"{"id":"1","value":{"int64Value":"2"}}"# + "\n" + #"{"id":"2","value":{"stringValue":"ab"}}"# + "\n")
    }
}
