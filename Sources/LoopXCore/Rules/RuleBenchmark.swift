#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small timing helpers for `loopx rules bench` (medians of repeated batches).
public enum RuleBenchmark {
    /// Mean nanoseconds per call of `body` over `count` calls.
    public static func time(repeat count: Int, _ body: () -> Void) -> Double {
        let start = monotonic()
        for _ in 0..<count { body() }
        return Double(monotonic() - start) / Double(max(count, 1))
    }

    /// The median of `rounds` measurements.
    public static func median(rounds: Int, _ measure: () -> Double) -> Double {
        let samples = (0..<max(rounds, 1)).map { _ in measure() }.sorted()
        return samples[samples.count / 2]
    }

    /// Nanoseconds as microseconds with one decimal.
    public static func micros(_ nanoseconds: Double) -> String {
        let tenths = Int((nanoseconds / 100).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func monotonic() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
