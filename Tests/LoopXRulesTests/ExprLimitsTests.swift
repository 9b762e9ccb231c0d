import Testing
@testable import LoopXRules

@Suite struct ExprLimitsTests {
    @Test func rejectsSourcesOver16KiB() {
        let source = "1" + String(repeating: " + 1", count: 5000)
        #expect(ExprTest.compileErrors(source).contains("the limit is 16384"))
    }

    @Test func rejectsNestingDeeperThan64() {
        let deep = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        #expect(ExprTest.compileErrors(deep).contains("nesting exceeds the limit of 64"))
        let chain = "1" + String(repeating: " + 1", count: 80)
        #expect(ExprTest.compileErrors(chain).contains("nesting depth 81 exceeds the limit of 64"))
        let ok = String(repeating: "[", count: 30) + String(repeating: "]", count: 30)
        #expect(ExprTest.compileErrors(ok) == "")
    }

    @Test func longLogicalChainsStayShallow() {
        let source = Array(repeating: "true", count: 500).joined(separator: " && ")
        #expect(ExprTest.eval(source) == "true")
    }

    @Test func stopsRunawayComprehensionsWithAnError() {
        let source = "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c,"
            + " [1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, a + b + c + d + e > 0)))))"
        #expect(ExprTest.eval(source) == "error: evaluation step budget exceeded")
        // The budget error cannot be absorbed by a surrounding `||`.
        #expect(ExprTest.eval(source + " || true") == "error: evaluation step budget exceeded")
    }

    @Test func customStepBudget() throws {
        let program = try Program.compileReportingOffsets("[1, 2, 3].map(x, x * 2)")
        #expect(program.evaluate(Activation(), stepBudget: 10).isError)
        #expect(!program.evaluate(Activation(), stepBudget: 1000).isError)
    }

    @Test func boundsResultSizes() {
        // Nested quadrupling would need gigabytes; each concatenation is capped instead.
        let growing = "cel.bind(s, 'xxxxxxxxxxxxxxxx', " + String(repeating: "cel.bind(s, s + s + s + s, ", count: 12)
            + "size(s)" + String(repeating: ")", count: 13)
        #expect(ExprTest.eval(growing) == "error: string result too large")
    }
}
