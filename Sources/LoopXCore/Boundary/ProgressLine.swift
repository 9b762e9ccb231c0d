#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress indicator (by default on standard error), rewritten in place with
/// `\r`. It is silent unless its descriptor is a terminal, so logs and pipes never see it.
public final class ProgressLine {
    private let descriptor: Int32
    private let enabled: Bool
    private let minimumTotal: Int
    private let minimumIntervalMilliseconds: Int
    private var lastLength = 0
    private var lastUpdate = 0

    /// `minimumTotal`: below this much work the line stays hidden (small jobs finish first).
    /// `isTerminal` defaults to asking the descriptor; tests pass it explicitly.
    public init(
        descriptor: Int32 = 2, minimumTotal: Int = 2000, minimumIntervalMilliseconds: Int = 100,
        isTerminal: Bool? = nil
    ) {
        self.descriptor = descriptor
        self.enabled = isTerminal ?? (isatty(descriptor) == 1)
        self.minimumTotal = minimumTotal
        self.minimumIntervalMilliseconds = minimumIntervalMilliseconds
    }

    /// Shows `verb done/total unit`, at most once per interval (the final count always).
    public func update(verb: String, done: Int, total: Int, unit: String) {
        guard enabled, total >= minimumTotal else { return }
        let now = ProgressLine.milliseconds()
        if done < total, now - lastUpdate < minimumIntervalMilliseconds { return }
        lastUpdate = now
        let text = "\(verb) \(done)/\(total) \(unit)"
        let padding = String(repeating: " ", count: max(0, lastLength - text.count))
        lastLength = text.count
        emit("\r" + text + padding)
    }

    /// Erases the line so the report starts on a clean line.
    public func finish() {
        guard enabled, lastLength > 0 else { return }
        emit("\r" + String(repeating: " ", count: lastLength) + "\r")
        lastLength = 0
    }

    private func emit(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    private static func milliseconds() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int(spec.tv_sec) * 1000 + Int(spec.tv_nsec) / 1_000_000
    }
}
