/// A name's static type and, for lists and maps, the most elements it can hold (the cost
/// bound of macros over it; nil when nothing is declared).
public struct Typed: Sendable, Hashable {
    public var type: StaticType
    public var bound: Int?
    /// For a list of lists: the most elements each element list holds.
    public var element: Int?

    public init(_ type: StaticType, bound: Int? = nil, element: Int? = nil) {
        self.type = type
        self.bound = bound
        self.element = element
    }

    static let dyn = Typed(.dyn)
}

/// What an expression may read: each variable (possibly dotted, `a.b.c`) with its type,
/// the container that qualifies names, and how unknown names are worded.
public struct TypeEnvironment: Sendable {
    public private(set) var variables: [String: Typed]
    /// Whether some variable name is dotted (`a.b`): only then are qualified names tried.
    public private(set) var hasDottedNames = false
    public var container: String?
    /// Added to "unknown identifier" messages (where names are declared).
    public var unknownHint: String
    /// Elements a list or map without a declared bound is assumed to hold (for cost bounds).
    public var defaultBound: Int
    /// The type of a name no variable declares, when any name may be read (a rule set without
    /// a facts schema); nil makes such a name an error.
    public var undeclared: StaticType?

    public init(variables: [String: Typed] = [:], container: String? = nil, unknownHint: String = "",
                defaultBound: Int = TypeEnvironment.defaultListBound) {
        self.variables = variables
        hasDottedNames = variables.keys.contains { $0.utf8.contains(46) }
        self.container = container
        self.unknownHint = unknownHint
        self.defaultBound = defaultBound
    }

    /// Declares (or redeclares) one variable.
    public mutating func bind(_ name: String, _ typed: Typed) {
        variables[name] = typed
        if name.utf8.contains(46) { hasDottedNames = true }
    }

    /// The bound assumed for a list or map whose size nothing declares.
    public static let defaultListBound = 100

    /// An environment typed from the values of bindings (`expr eval --jsonl --check`).
    public static func typing(_ bindings: [String: Value], container: String? = nil) -> TypeEnvironment {
        var variables: [String: Typed] = [:]
        for (name, value) in bindings {
            var bound: Int?
            if case .list(let items) = value { bound = items.count }
            if case .map(let m) = value { bound = m.count }
            variables[name] = Typed(StaticType(of: value), bound: bound)
        }
        return TypeEnvironment(variables: variables, container: container)
    }
}

/// What the checker found: the expression's type, its worst-case evaluation steps, and its
/// problems positioned by UTF-8 offset into the source.
public struct TypeCheckResult: Sendable {
    public var type: StaticType
    /// The list size bound of the result (when it is a list whose size is known).
    public var bound: Int?
    /// For a list of lists, the size bound of its elements.
    public var element: Int?
    /// Worst-case evaluation steps, computed from the size bounds of every list iterated.
    public var cost: Int
    public var errors: [ExpressionError]
}

extension Program {
    /// Type-checks this program against an environment.
    public func check(in environment: TypeEnvironment) -> TypeCheckResult {
        var checker = TypeChecker(environment: environment, text: source, sourceMap: sourceMap)
        let info = checker.check(ast)
        return TypeCheckResult(type: info.type, bound: info.bound, element: info.element, cost: info.cost,
                               errors: checker.errors)
    }
}
