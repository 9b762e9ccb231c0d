import LoopXRules
import LoopXSupport

/// A goal's data in portable form, as `store import` reads it from the local files and
/// `store export` reads it from a shared store: index rows and decision records as canonical
/// lines (without newline) in append order, the stored fact values, the obligation, and the
/// live leases.
public struct StoreTransfer: Sendable {
    public var goalID: String
    public var runLines: [[UInt8]] = []
    public var decisionLines: [[UInt8]] = []
    public var factValues: [(digest: String, bytes: [UInt8])] = []
    public var obligation: [UInt8]?
    public var leases: [Lease] = []

    public init(goalID: String) {
        self.goalID = goalID
    }

    /// SHA-256 of the lines joined by newlines (each line ended by one), hex.
    public static func digest(_ lines: [[UInt8]]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines {
            bytes += line
            bytes.append(0x0A)
        }
        return Digest.sha256Hex(bytes)
    }
}

/// What an import did, kind by kind: rows read locally, inserted now, already in the store,
/// and the store's rows with their digest (equal to the local digest when the store holds
/// exactly the local rows in order).
public struct StoreTransferCounts: Sendable {
    public struct Kind: Sendable {
        public var local: Int
        public var inserted: Int
        public var store: Int
        public var localDigest: String
        public var storeDigest: String
        /// Every local row is in the store (as many times as locally, at least).
        public var contained: Bool

        public init(local: Int, inserted: Int, store: Int, localDigest: String, storeDigest: String, contained: Bool) {
            (self.local, self.inserted, self.store, self.localDigest, self.storeDigest, self.contained) =
                (local, inserted, store, localDigest, storeDigest, contained)
        }

        public var json: JSONValue {
            [
                "local": .int(Int64(local)), "inserted": .int(Int64(inserted)), "already_present": .int(Int64(local - inserted)),
                "store": .int(Int64(store)), "local_sha256": .string(localDigest), "store_sha256": .string(storeDigest),
                "identical": .bool(localDigest == storeDigest), "verified": .bool(contained),
            ]
        }
    }

    public var runs: Kind
    public var decisions: Kind
    public var factValues: (local: Int, inserted: Int)
    public var obligation: (local: Bool, inserted: Bool)
    public var leases: (local: Int, inserted: Int)

    public init(runs: Kind, decisions: Kind, factValues: (Int, Int), obligation: (Bool, Bool), leases: (Int, Int)) {
        self.runs = runs
        self.decisions = decisions
        self.factValues = factValues
        self.obligation = obligation
        self.leases = leases
    }

    public var verified: Bool { runs.contained && decisions.contained }
}
