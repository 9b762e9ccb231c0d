#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Testing
@testable import LoopXRules

/// A fresh directory under the system temp dir, removed with the files written through it.
final class YAMLTempDir {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let path: String
    private var files: [String] = []

    init() throws {
        var template = Array("/tmp/loopx-yaml-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }
        }
        guard let made else {
            throw Failure(description: "mkdtemp failed")
        }
        path = String(cString: made)
    }

    deinit {
        for file in files { unlink(file) }
        rmdir(path)
    }

    /// Writes `bytes` to `name` inside the directory and returns the file's path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        guard let handle = fopen(file, "wb") else { throw Failure(description: "cannot write \(file)") }
        defer { fclose(handle) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == bytes.count else { throw Failure(description: "short write to \(file)") }
        files.append(file)
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }
}

/// The full rendering of the errors a load reports, or a note that it loaded.
func renderedLoadErrors(_ text: String, path: String = "t.yaml") -> String {
    renderedLoadErrors(bytes: Array(text.utf8), path: path)
}

func renderedLoadErrors(bytes: [UInt8], path: String = "t.yaml") -> String {
    do {
        _ = try YAMLLoader.load(bytes: bytes, path: path)
        return "<loaded without errors>"
    } catch {
        return error.rendered
    }
}
