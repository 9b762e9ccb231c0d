#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress indicator on standard error, rewritten in place with `\r`. It is
/// silent unless standard error is a terminal, so logs and pipes never see it.
final class ProgressLine {
    private let enabled: Bool
    private var lastLength = 0
    private var lastUpdate = 0

    /// `minimumTotal`: below this much work the line stays hidden (small jobs finish first).
    init(minimumTotal: Int = 2000, isTerminal: Bool = isatty(2) == 1) {
        self.enabled = isTerminal
        self.minimumTotal = minimumTotal
    }

    private let minimumTotal: Int

    /// Shows `verb done/total unit`, at most ten times a second.
    func update(verb: String, done: Int, total: Int, unit: String) {
        guard enabled, total >= minimumTotal else { return }
        let now = ProgressLine.milliseconds()
        if done < total, now - lastUpdate < 100 { return }
        lastUpdate = now
        let text = "\(verb) \(done)/\(total) \(unit)"
        let padding = String(repeating: " ", count: max(0, lastLength - text.count))
        lastLength = text.count
        emit("\r" + text + padding)
    }

    /// Erases the line so the report starts on a clean line.
    func finish() {
        guard enabled, lastLength > 0 else { return }
        emit("\r" + String(repeating: " ", count: lastLength) + "\r")
        lastLength = 0
    }

    private func emit(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
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
