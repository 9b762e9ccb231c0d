#if canImport(Glibc)
import Glibc
import LoopXSupport
#endif
import Dispatch
import Foundation
import LoopXCore
import LoopXRules

/// A minimal HTTP/1.1 client over a plain socket, so tests can send exactly the bytes they mean
/// (foreign `Origin` and `Host` headers, oversized bodies) to the server on loopback. Each call
/// runs on a thread of its own: on Linux, blocking Dispatch's global queues would starve the
/// cooperative pool that runs the server's handlers (only as many threads as cores).
struct HTTPClient: Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var json: JSONValue? { try? JSONParser.parse(body) }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    var port: Int

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Reply {
        try await send("GET", path, headers: headers, body: nil)
    }

    func post(_ path: String, json: JSONValue, headers: [String: String] = [:]) async throws -> Reply {
        try await send("POST", path, headers: headers, body: Array(JSONWriter(sortedKeys: true).string(json).utf8))
    }

    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8]?) async throws -> Reply {
        let port = self.port
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try HTTPClient.exchange(port: port, method, path, headers: headers, body: body) })
            }
            thread.start()
        }
    }

    static func exchange(port: Int, _ method: String, _ path: String, headers: [String: String], body: [UInt8]?) throws -> Reply {
        let fd = try connect(port: port, receiveTimeout: 20)
        defer { close(fd) }
        var head = "\(method) \(path) HTTP/1.1\r\nConnection: close\r\n"
        var fields = headers
        if fields.keys.first(where: { $0.lowercased() == "host" }) == nil { fields["Host"] = "127.0.0.1:\(port)" }
        if let body {
            fields["Content-Type"] = fields["Content-Type"] ?? "application/json"
            fields["Content-Length"] = String(body.count)
        }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        // The server may answer (and close) before reading an oversized body.
        sendAll(fd, Array((head + "\r\n").utf8) + (body ?? []))
        return try parse(receiveUntilClosed(fd).bytes)
    }

    /// A TCP connection to 127.0.0.1:`port` whose reads give up after `receiveTimeout` seconds.
    static func connect(port: Int, receiveTimeout: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var timeout = timeval(tv_sec: receiveTimeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "connect to 127.0.0.1:\(port) failed")
        }
        return fd
    }

    /// Sends what it can of `bytes`; false when the connection refused more.
    @discardableResult
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// Reads until the server closes the connection (`closed`) or a read times out (not closed).
    static func receiveUntilClosed(_ fd: Int32) -> (bytes: [UInt8], closed: Bool) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return (received, true) }
            if n < 0 { return (received, errno != EAGAIN && errno != EWOULDBLOCK) }
            received += buffer[0..<n]
        }
    }

    /// Splits a response into status, headers and body (de-chunking when needed).
    static func parse(_ bytes: [UInt8]) throws -> Reply {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let split = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            throw Failure(description: "no complete response head in \(bytes.count) bytes")
        }
        let lines = String(decoding: bytes[..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(split + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = try dechunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let end = (index..<max(index, bytes.count - 1)).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }),
                let size = Int(String(decoding: bytes[index..<end], as: UTF8.self), radix: 16)
            else { throw Failure(description: "bad chunk") }
            if size == 0 { break }
            out += bytes[(end + 2)..<min(bytes.count, end + 2 + size)]
            index = end + 2 + size + 2
        }
        return out
    }
}
