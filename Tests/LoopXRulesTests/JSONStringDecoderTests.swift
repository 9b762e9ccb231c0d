import LoopXSupport
import Testing
@testable import LoopXRules

/// One JSON string reader: the JSON parser and the `expr eval --jsonl` request reader accept
/// and refuse the same string literals, with the same messages.
@Suite struct JSONStringDecoderTests {
    /// The request reader's verdict on one string literal: the text, or the error message.
    func requestReader(_ bytes: [UInt8]) -> Result<String, ProtoJSONReader.Failure> {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = ProtoJSONReader(buffer)
            do throws(ProtoJSONReader.Failure) { return .success(try reader.string()) } catch { return .failure(error) }
        }
    }

    func parser(_ bytes: [UInt8]) -> Result<String, Diagnostic> {
        do throws(Diagnostic) { return .success(try JSONParser.parse(bytes).stringValue ?? "<not a string>") } catch { return .failure(error) }
    }

    @Test(arguments: [
        Array(#""a\u00e9\ud83d\ude00\n""#.utf8), [0x22, 0xC3, 0xA9, 0x22], [0x22, 0xFF, 0x22], [0x22, 0x5C, 0x71, 0x22],
        Array(#""\ud800x""#.utf8), Array(#""\u12""#.utf8), [0x22, 0x01, 0x22], Array(#""open"#.utf8),
    ])
    func bothReadersAgree(bytes: [UInt8]) {
        switch (requestReader(bytes), parser(bytes)) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect(a.message == b.message)
        case (let a, let b): Issue.record("the readers disagree: request reader \(a), parser \(b)")
        }
    }
}
