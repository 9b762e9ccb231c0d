/// A compiled RE2-subset pattern, run as a Pike VM: time linear in the input, never backtracking.
public struct Regex: Sendable {
    enum Inst: Sendable {
        case char(UInt32)
        case charFold(UInt32, UInt32)
        case any
        case anyButNewline
        case set(CharSetBox)
        case split(Int, Int)
        case jump(Int)
        case assert(RegexAssertion)
        case match
    }

    let program: [Inst]
    static let maxInstructions = 20_000

    /// Compiles a pattern, or explains why it is rejected.
    public static func compile(_ pattern: String) -> Result<Regex, RegexSyntaxError> {
        var parser = RegexParser(pattern)
        let tree: RegexNode
        do {
            tree = try parser.parse()
        } catch {
            return .failure(RegexSyntaxError(message: error.message))
        }
        var c = RegexCompiler()
        c.emit(tree)
        c.program.append(.match)
        if c.program.count > maxInstructions { return .failure(RegexSyntaxError(message: "pattern too large")) }
        return .success(Regex(program: c.program))
    }

    /// Whether the pattern matches anywhere in `text` (RE2's partial match).
    public func matches(_ text: String) -> Bool {
        let input = Array(text.unicodeScalars)
        let n = program.count
        var current = ThreadList(capacity: n)
        var next = ThreadList(capacity: n)
        for pos in 0...input.count {
            // Unanchored search: a new thread starts at every position.
            if addThread(&current, 0, pos, input) { return true }
            if current.count == 0 { continue }
            guard pos < input.count else { break }
            let c = input[pos]
            next.clear()
            for k in 0..<current.count {
                let pc = current.dense[k]
                let ok: Bool
                switch program[pc] {
                case .char(let v): ok = c.value == v
                case .charFold(let a, let b): ok = c.value == a || c.value == b
                case .any: ok = true
                case .anyButNewline: ok = c != "\n"
                case .set(let box): ok = box.set.contains(c)
                default: ok = false
                }
                if ok, addThread(&next, pc + 1, pos + 1, input) { return true }
            }
            swap(&current, &next)
        }
        return false
    }

    /// Follows empty transitions from `pc`; true when a match state is reached.
    private func addThread(_ list: inout ThreadList, _ start: Int, _ pos: Int, _ input: [Unicode.Scalar]) -> Bool {
        var stack = [start]
        while let pc = stack.popLast() {
            if list.contains(pc) { continue }
            list.insert(pc)
            switch program[pc] {
            case .match: return true
            case .jump(let t): stack.append(t)
            case .split(let a, let b):
                stack.append(b)
                stack.append(a)
            case .assert(let a):
                if Regex.holds(a, pos, input) { stack.append(pc + 1) }
            default: break
            }
        }
        return false
    }

    static func isWord(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_")
    }

    static func holds(_ a: RegexAssertion, _ pos: Int, _ input: [Unicode.Scalar]) -> Bool {
        switch a {
        case .textStart: return pos == 0
        case .textEnd: return pos == input.count
        case .lineStart: return pos == 0 || input[pos - 1] == "\n"
        case .lineEnd: return pos == input.count || input[pos] == "\n"
        case .wordBoundary, .notWordBoundary:
            let before = pos > 0 && isWord(input[pos - 1])
            let after = pos < input.count && isWord(input[pos])
            return (before != after) == (a == .wordBoundary)
        }
    }
}

/// A character set shared by reference between instructions.
final class CharSetBox: Sendable {
    let set: CharSet

    init(_ set: CharSet) {
        self.set = set
    }
}

/// A sparse set of program counters (Briggs–Torczon), cleared in O(1).
struct ThreadList {
    var dense: [Int]
    var sparse: [Int]
    var count = 0

    init(capacity: Int) {
        dense = Array(repeating: 0, count: capacity)
        sparse = Array(repeating: 0, count: capacity)
    }

    func contains(_ pc: Int) -> Bool {
        let i = sparse[pc]
        return i < count && dense[i] == pc
    }

    mutating func insert(_ pc: Int) {
        sparse[pc] = count
        dense[count] = pc
        count += 1
    }

    mutating func clear() { count = 0 }
}

/// Emits Pike VM instructions for a syntax tree.
struct RegexCompiler {
    var program: [Regex.Inst] = []

    mutating func emit(_ node: RegexNode) {
        guard program.count <= Regex.maxInstructions else { return }
        switch node {
        case .empty: break
        case .char(let c, let fold):
            if fold {
                let lower = c.properties.lowercaseMapping.unicodeScalars
                let upper = c.properties.uppercaseMapping.unicodeScalars
                let l = (lower.count == 1 ? lower.first?.value : nil) ?? c.value
                let u = (upper.count == 1 ? upper.first?.value : nil) ?? c.value
                program.append(.charFold(l, u))
            } else {
                program.append(.char(c.value))
            }
        case .any(let dotAll): program.append(dotAll ? .any : .anyButNewline)
        case .set(let s): program.append(.set(CharSetBox(s)))
        case .assert(let a): program.append(.assert(a))
        case .concat(let items): for item in items { emit(item) }
        case .alt(let branches):
            var jumps: [Int] = []
            for (k, b) in branches.enumerated() {
                if k < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    emit(b)
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    emit(b)
                }
            }
            for j in jumps { program[j] = .jump(program.count) }
        case .repeatNode(let inner, let lo, let hi):
            for _ in 0..<lo { emit(inner) }
            if let hi {
                var splits: [Int] = []
                for _ in lo..<hi {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, 0))
                    emit(inner)
                }
                for s in splits { program[s] = .split(s + 1, program.count) }
            } else {
                let split = program.count
                program.append(.split(split + 1, 0))
                emit(inner)
                program.append(.jump(split))
                program[split] = .split(split + 1, program.count)
            }
        }
    }
}

/// Why a pattern was rejected.
public struct RegexSyntaxError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
