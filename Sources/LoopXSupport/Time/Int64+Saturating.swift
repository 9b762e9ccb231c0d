/// Arithmetic on input-derived counts and durations that clamps at the ends of `Int64`
/// instead of trapping: a hostile number can give a wrong-but-bounded answer, never a crash.
extension Int64 {
    /// `self + other`, clamped to `Int64.min...Int64.max`.
    public func saturatingAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, clamped to `Int64.min...Int64.max`.
    public func saturatingSubtracting(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other < 0 ? .max : .min
    }

    /// `self * other`, clamped to `Int64.min...Int64.max`.
    public func saturatingMultiplied(by other: Int64) -> Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }

    /// The integer nearest to `value` (rounded half away from zero), clamped to `bounds`;
    /// NaN gives the lower bound.
    public static func clamping(rounded value: Double, to bounds: ClosedRange<Int64>) -> Int64 {
        let rounded = value.rounded()
        guard !rounded.isNaN, rounded > Double(bounds.lowerBound) else { return bounds.lowerBound }
        guard rounded < Double(bounds.upperBound) else { return bounds.upperBound }
        return Int64(rounded)
    }
}
