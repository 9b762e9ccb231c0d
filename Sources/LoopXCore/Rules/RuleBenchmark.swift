#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small timing helpers for `loopx rules bench`: medians of repeated batches, measured both
/// as wall time and as the CPU time this process used (the machines are shared and noisy:
/// CPU time is what the work itself costs, wall time adds waiting for a core).
public enum RuleBenchmark {
    /// One measurement: nanoseconds per call, wall and CPU.
    public struct Sample: Sendable {
        public var wall: Double
        public var cpu: Double
    }

    /// Mean nanoseconds per call of `body` over `count` calls.
    public static func time(repeat count: Int, _ body: () -> Void) -> Sample {
        let wall = clock(CLOCK_MONOTONIC)
        let cpu = clock(CLOCK_PROCESS_CPUTIME_ID)
        for _ in 0..<count { body() }
        let n = Double(max(count, 1))
        return Sample(wall: Double(clock(CLOCK_MONOTONIC) - wall) / n, cpu: Double(clock(CLOCK_PROCESS_CPUTIME_ID) - cpu) / n)
    }

    /// The median of `rounds` measurements (wall and CPU medians taken separately).
    public static func median(rounds: Int, _ measure: () -> Sample) -> Sample {
        let samples = (0..<max(rounds, 1)).map { _ in measure() }
        let wall = samples.map(\.wall).sorted()
        let cpu = samples.map(\.cpu).sorted()
        return Sample(wall: wall[wall.count / 2], cpu: cpu[cpu.count / 2])
    }

    /// `12.3 µs (cpu 10.1 µs)`.
    public static func describe(_ sample: Sample) -> String {
        "\(micros(sample.wall)) µs (cpu \(micros(sample.cpu)) µs)"
    }

    /// Nanoseconds as microseconds with one decimal.
    public static func micros(_ nanoseconds: Double) -> String {
        let tenths = Int((nanoseconds / 100).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func clock(_ id: clockid_t) -> UInt64 {
        var spec = timespec()
        clock_gettime(id, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
