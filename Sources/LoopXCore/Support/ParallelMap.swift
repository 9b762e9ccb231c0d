import Dispatch

/// Maps independent work over all cores, keeping the input order of the results.
enum ParallelMap {
    static func map<T: Sendable>(_ indices: Range<Int>, _ transform: @Sendable (Int) -> T) -> [T] {
        let count = indices.count
        guard count > 1 else { return indices.map(transform) }
        let slots = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { offset in
            slots.store(transform(indices.lowerBound + offset), at: offset)
        }
        return slots.values()
    }
}

/// One slot per iteration in memory allocated once; each slot is written by exactly one
/// iteration and read after all of them ended, so no two threads touch the same slot.
private final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ value: T, at index: Int) {
        buffer[index] = value
    }

    func values() -> [T] { buffer.compactMap { $0 } }
}
