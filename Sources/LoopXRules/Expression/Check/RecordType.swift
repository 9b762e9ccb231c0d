/// A map whose string keys are declared: a fact from `facts.yaml`, a stage output, a `then`
/// template. A class, so that the checker shares one instance per schema node; two records
/// are the same type when they are the same instance or declare the same fields.
public final class RecordType: Sendable, Hashable {
    /// What messages call it: a fact path (`goal.quota`), `stage 'quota'`, or empty.
    public let name: String
    public let kind: Kind
    public let fields: [String: StaticType]
    /// Field names in declaration order (for suggestions).
    public let order: [String]
    /// The type of undeclared keys (`"*"` in `facts.yaml`); nil when the record is closed.
    public let open: StaticType?
    /// The most elements each list (or map) field holds, from `facts.yaml`'s `limits:`.
    public let bounds: [String: Int]

    /// What the record stands for, which words its messages.
    public enum Kind: Sendable, Hashable {
        /// Declared in `facts.yaml`: an unknown field is a typo.
        case fact
        /// A stage's output: `stage 'x' has no output field 'y'`.
        case stage
        /// Built from map literals or templates.
        case literal
    }

    public init(name: String, kind: Kind, fields: [String: StaticType], order: [String], open: StaticType?,
                bounds: [String: Int] = [:]) {
        self.name = name
        self.kind = kind
        self.fields = fields
        self.order = order
        self.open = open
        self.bounds = bounds
    }

    /// The type of field `name`, nil when the record has no such field and is closed.
    public func field(_ name: String) -> StaticType? { fields[name] ?? open }

    /// The join of every value type (what a generic map read gives).
    var valueType: StaticType {
        StaticType.join(order.compactMap { fields[$0] } + (open.map { [$0] } ?? []))
    }

    /// The fields of both (each joined), open when either is: two templates of one output.
    func union(_ other: RecordType) -> RecordType {
        if self === other { return self }
        var fields = self.fields
        var order = self.order
        for name in other.order {
            if let mine = fields[name], let theirs = other.fields[name] {
                fields[name] = StaticType.join(mine, theirs)
            } else if let theirs = other.fields[name] {
                fields[name] = theirs
                order.append(name)
            }
        }
        let open: StaticType? = switch (self.open, other.open) {
        case (nil, nil): nil
        case (let a?, nil): a
        case (nil, let b?): b
        case (let a?, let b?): StaticType.join(a, b)
        }
        return RecordType(name: name, kind: kind, fields: fields, order: order, open: open,
                          bounds: bounds.merging(other.bounds) { max($0, $1) })
    }

    public static func == (lhs: RecordType, rhs: RecordType) -> Bool {
        lhs === rhs || (lhs.kind == rhs.kind && lhs.order == rhs.order && lhs.fields == rhs.fields && lhs.open == rhs.open)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(order)
    }
}
