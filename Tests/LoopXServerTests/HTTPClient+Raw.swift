#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Exact bytes on one connection (request forms no ordinary client sends) and clients that
/// stall, to see what the server answers and when it closes the connection.
extension HTTPClient {
    /// What a connection saw: the bytes received and whether (and after how long, counted from
    /// the first byte sent) the server closed it.
    struct Ending: Sendable {
        var received: [UInt8]
        var closed: Bool
        var elapsed: Duration
        var text: String { String(decoding: received, as: UTF8.self) }
    }

    /// Sends `text` as it is (`\n` is sent as CRLF) and parses what comes back before the close.
    func raw(_ text: String) async throws -> Reply {
        let ending = try await stall(sending: [text], pause: .zero, waitAtMost: 20)
        return try HTTPClient.parse(ending.received)
    }

    /// Sends `parts` one after another with `pause` between them (stopping when the server no
    /// longer accepts bytes), then reads until the server closes the connection or
    /// `waitAtMost` seconds pass without a byte.
    func stall(sending parts: [String], pause: Duration, waitAtMost: Int) async throws -> Ending {
        let port = self.port
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result {
                    let fd = try HTTPClient.connect(port: port, receiveTimeout: waitAtMost)
                    defer { close(fd) }
                    let clock = ContinuousClock()
                    let start = clock.now
                    for (index, part) in parts.enumerated() {
                        if index > 0 { Thread.sleep(forTimeInterval: pause.seconds) }
                        let bytes = Array(part.replacingOccurrences(of: "\n", with: "\r\n").utf8)
                        guard HTTPClient.sendAll(fd, bytes) else { break }
                    }
                    let (received, closed) = HTTPClient.receiveUntilClosed(fd)
                    return Ending(received: received, closed: closed, elapsed: clock.now - start)
                })
            }
            thread.start()
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
