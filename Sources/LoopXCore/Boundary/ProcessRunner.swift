#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a helper program (here: `git`) with a deadline and collects its standard output.
/// Standard error is discarded; standard input is closed.
struct ProcessRunner: Sendable {
    struct Outcome: Sendable {
        var status: Int32
        var output: [UInt8]
    }

    var executable: String
    /// How long the program may run before it is killed.
    var timeoutMilliseconds: Int32

    /// The program's exit status and output, or nil when it could not start or timed out.
    func run(_ arguments: [String]) -> Outcome? {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return nil }
        let readEnd = pipeEnds[0]
        let writeEnd = pipeEnds[1]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            return nil
        }
        let output = collect(from: readEnd, pid: pid)
        close(readEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        guard let output else { return nil }
        let exited = (status & 0x7F) == 0
        return Outcome(status: exited ? (status >> 8) & 0xFF : -1, output: output)
    }

    /// Reads until end of file; kills the child and returns nil when the deadline passes.
    private func collect(from fd: Int32, pid: pid_t) -> [UInt8]? {
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let deadline = ProcessRunner.monotonicMilliseconds() + Int(timeoutMilliseconds)
        while true {
            let remaining = deadline - ProcessRunner.monotonicMilliseconds()
            if remaining <= 0 {
                kill(pid, SIGKILL)
                return nil
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining, Int(Int32.max))))
            if ready < 0 {
                if errno == EINTR { continue }
                kill(pid, SIGKILL)
                return nil
            }
            if ready == 0 { continue }
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return output
            }
            if count == 0 { return output }
            output.append(contentsOf: chunk[0..<count])
        }
    }

    static func monotonicMilliseconds() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int(spec.tv_sec) * 1000 + Int(spec.tv_nsec) / 1_000_000
    }
}
