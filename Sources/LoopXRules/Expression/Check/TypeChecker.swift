/// The static type checker: walks a parsed expression once, giving every node a type (and
/// lists a size bound), resolving names and function overloads, and estimating the
/// worst-case evaluation steps. A node that fails to check gets `dyn`, so one mistake is
/// reported once, not at every enclosing node.
struct TypeChecker {
    /// A node's type, list size bound and worst-case cost in evaluation steps.
    struct Info {
        var type: StaticType
        var bound: Int?
        /// For a list of lists, the size bound of each element.
        var element: Int?
        var cost: Int

        init(_ type: StaticType, bound: Int? = nil, element: Int? = nil, cost: Int) {
            self.type = type
            self.bound = bound
            self.element = element
            self.cost = cost
        }

        var typed: Typed { Typed(type, bound: bound, element: element) }

        /// The largest of some bounds, nil when any is unknown.
        static func most(_ bounds: [Int?]) -> Int? {
            var best = 0
            for bound in bounds {
                guard let bound else { return nil }
                best = max(best, bound)
            }
            return best
        }
    }

    let environment: TypeEnvironment
    /// The expression's text (its bytes are only needed to word an error).
    let sourceText: String
    let sourceMap: SourceMap
    /// Macro and `cel.bind` variables in scope, innermost last.
    var locals: [(name: String, typed: Typed)] = []
    var errors: [ExpressionError] = []

    init(environment: TypeEnvironment, text: String, sourceMap: SourceMap) {
        self.environment = environment
        self.sourceText = text
        self.sourceMap = sourceMap
    }

    var source: [UInt8] { Array(sourceText.utf8) }

    mutating func error(_ message: String, _ id: Int) {
        errors.append(ExpressionError(utf8Offset: sourceMap.errorOffset(of: id), message: message))
    }

    /// Where `field` is written after `operand` (`b` of `has(a.b)`), else where `id` points.
    func fieldOffset(after operand: Expr, _ field: String, fallback id: Int) -> Int {
        let source = self.source
        let word = Array(field.utf8)
        var index = sourceMap.range(of: operand.id).upperBound
        while index + word.count <= source.count {
            if Array(source[index..<(index + word.count)]) == word { return index }
            index += 1
        }
        return sourceMap.errorOffset(of: id)
    }

    func local(_ name: String) -> Typed? { locals.last { $0.name == name }?.typed }

    /// Adds costs without overflowing (a bound far above any budget is as good as infinite).
    static func add(_ values: Int...) -> Int {
        values.reduce(0) { sum, v in
            let (r, o) = sum.addingReportingOverflow(v)
            return o ? Int.max / 4 : min(r, Int.max / 4)
        }
    }

    static func multiply(_ a: Int, _ b: Int) -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? Int.max / 4 : min(r, Int.max / 4)
    }

    /// The source text of a node (for messages naming an operand).
    func text(_ id: Int) -> String {
        let source = self.source
        let r = sourceMap.range(of: id)
        guard r.lowerBound >= 0, r.upperBound <= source.count else { return "" }
        return String(decoding: source[r], as: UTF8.self)
    }

    mutating func check(_ e: Expr) -> Info {
        switch e.kind {
        case .literal(let v):
            var bound: Int?
            if case .list(let items) = v { bound = items.count }
            return Info(StaticType(of: v), bound: bound, cost: 1)
        case .ident(let name, false) where local(name) != nil:
            let typed = local(name) ?? .dyn
            return Info(typed.type, bound: typed.bound, element: typed.element, cost: 1)
        case .ident, .select(_, _, false):
            if let chain = nameChain(e) { return checkChain(chain) }
            guard case .select(let operand, let field, _) = e.kind else { return Info(.dyn, cost: 1) }
            let base = check(operand)
            var result = select(base, field, e.id, operand: operand, optional: false)
            result.cost = Self.add(result.cost, base.cost)
            return result
        case .select(let operand, let field, true):
            let base = check(operand)
            var result = select(base, field, e.id, operand: operand, optional: true)
            result.cost = Self.add(result.cost, base.cost)
            return result
        case .presence(let operand, let field):
            let base = check(operand)
            presence(base.type, field, e.id, operand: operand)
            return Info(.bool, cost: Self.add(base.cost, 1))
        case .list(let elements, let optionalIndices):
            var types: [StaticType] = []
            var bounds: [Int?] = []
            var cost = 1
            for (index, element) in elements.enumerated() {
                let info = check(element)
                bounds.append(info.bound)
                cost = Self.add(cost, info.cost)
                if optionalIndices.contains(index) {
                    switch info.type {
                    case .optional(let inner): types.append(inner)
                    case .dyn: types.append(.dyn)
                    default:
                        error("an optional list element '?x' needs an optional value, found \(info.type)", element.id)
                        types.append(.dyn)
                    }
                } else {
                    types.append(info.type)
                }
            }
            return Info(.list(elements.isEmpty ? .dyn : StaticType.join(types)), bound: elements.count,
                        element: Info.most(bounds), cost: cost)
        case .map(let entries):
            var keys: [StaticType] = []
            var values: [StaticType] = []
            var cost = 1
            for entry in entries {
                let k = check(entry.key)
                let v = check(entry.value)
                cost = Self.add(cost, k.cost, v.cost)
                switch k.type {
                case .dyn, .bool, .int, .uint, .string: break
                default: error("a map key must be a bool, int, uint or string, found \(k.type)", entry.key.id)
                }
                keys.append(k.type)
                if entry.optional, case .optional(let inner) = v.type { values.append(inner) } else { values.append(v.type) }
            }
            let type: StaticType = entries.isEmpty ? .map(key: .dyn, value: .dyn)
                : .map(key: StaticType.join(keys), value: StaticType.join(values))
            return Info(type, bound: entries.count, cost: cost)
        case .call(let target, let function, let args):
            return checkCall(e, target: target, function: function, args: args)
        case .comprehension(let c):
            return checkComprehension(e, c)
        }
    }
}
