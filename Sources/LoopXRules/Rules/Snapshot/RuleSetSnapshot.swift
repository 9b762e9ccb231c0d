/// A loaded rule set as bytes, so that a later process can skip reading the YAML and
/// compiling every expression: "parse once" across invocations. Each expression keeps its
/// source, references and conjuncts; its program is compiled again the first time it is
/// evaluated (it compiled without error when the snapshot was written).
///
/// The snapshot is only valid for the exact files it was made from and the binary that made
/// it: `key(layers:buildID:)` digests both, and the caller stores snapshots under that key.
/// A rule set whose meaning depends on the clock (one with waivers) is never snapshotted.
public enum RuleSetSnapshot {
    /// Bumped whenever the encoding changes (2: the header carries a checksum of the payload).
    static let formatVersion = 4
    static let magic: [UInt8] = Array("loopx-rules-snapshot\n".utf8)

    /// A hex digest of the layers' kinds, paths and texts, and of `buildID` (which should
    /// identify the running binary).
    public static func key(layers: [RuleLayerSource], buildID: String) -> String {
        var digest = Digest128()
        digest.add("format \(formatVersion)\n\(buildID)\n")
        for layer in layers { add(layer, to: &digest) }
        return digest.hex
    }

    /// A hex digest of one layer's kind, file paths and texts (the decision log names the
    /// rule set a decision was made with by these).
    public static func layerDigest(_ layer: RuleLayerSource) -> String {
        var digest = Digest128()
        add(layer, to: &digest)
        return digest.hex
    }

    /// One layer's kind, file paths and texts, length-prefixed so no two layers hash alike.
    static func add(_ layer: RuleLayerSource, to digest: inout Digest128) {
        digest.add("layer \(layer.kind.rawValue) \(layer.files.count)\n")
        for file in layer.files {
            digest.add("file \(file.path.utf8.count) \(file.text.utf8.count)\n")
            digest.add(file.path)
            digest.add(file.text)
        }
    }

    /// A hex digest of bytes (content addresses for values stored once, e.g. decision facts).
    public static func contentDigest(_ bytes: [UInt8]) -> String {
        var digest = Digest128()
        bytes.withUnsafeBufferPointer { digest.add($0) }
        return digest.hex
    }

    /// The snapshot of a rule set, nil when it cannot be snapshotted (it depends on the clock).
    public static func encode(_ ruleSet: RuleSet, key: String) -> [UInt8]? {
        guard !ruleSet.dependsOnClock else { return nil }
        var w = SnapshotWriter()
        w.string(String(decoding: magic, as: UTF8.self))
        w.int(formatVersion)
        w.string(key)
        var encoder = RuleSetEncoder(writer: SnapshotWriter())
        guard encoder.ruleSet(ruleSet) else { return nil }
        let payload = encoder.writer.bytes
        w.string(checksum(payload[...]))
        w.append(payload)
        return w.bytes
    }

    /// The 128-bit digest of the payload bytes, as 32 hex digits. Every single-bit (indeed
    /// every single-word) change of the payload changes it: each step of `Digest128` is a
    /// bijection of its state for a fixed input word.
    static func checksum(_ payload: ArraySlice<UInt8>) -> String {
        var digest = Digest128()
        payload.withUnsafeBufferPointer { digest.add($0) }
        return digest.hex
    }

    /// The rule set in a snapshot of `layers` made under `key`; an error when the bytes are
    /// not one (truncated, corrupted — any byte whose checksum in the header disagrees —,
    /// another format or another key). The files' texts come
    /// from `layers` (the key covers them), not from the snapshot.
    public static func decode(_ bytes: [UInt8], key: String, layers: [RuleLayerSource]) throws(SnapshotDecodingError) -> RuleSet {
        var r = SnapshotReader(bytes)
        do throws(SnapshotError) {
            guard try r.string() == String(decoding: magic, as: UTF8.self) else {
                throw SnapshotError(message: "not a rule-set snapshot")
            }
            guard try r.int() == formatVersion else { throw SnapshotError(message: "another snapshot format") }
            guard try r.string() == key else { throw SnapshotError(message: "made from other rule files") }
            let stored = try r.string()
            guard stored == checksum(bytes[r.offset...]) else { throw SnapshotError(message: "checksum mismatch") }
            var decoder = RuleSetDecoder(reader: r, layers: layers)
            let ruleSet = try decoder.ruleSet()
            guard decoder.reader.isAtEnd else { throw SnapshotError(message: "trailing bytes") }
            return ruleSet
        } catch {
            throw SnapshotDecodingError(reason: error.message)
        }
    }
}

/// Why a snapshot was not used.
public struct SnapshotDecodingError: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { "unusable rule-set snapshot: \(reason)" }
}

/// Two independent 64-bit multiply-xor hashes over 8-byte words: a 128-bit content digest
/// for cache keys (not a cryptographic one: the inputs are the user's own files).
struct Digest128 {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var a = self.a
        var b = self.b
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        while i + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            a = (a ^ word) &* 0x0000_0100_0000_01B3
            a ^= a >> 29
            b = (b ^ word) &* 0x9E37_79B9_7F4A_7C15
            b ^= b >> 32
            i += 8
        }
        while i < raw.count {
            a = (a ^ UInt64(raw[i])) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(raw[i])) &* 0x9E37_79B9_7F4A_7C15
            i += 1
        }
        a ^= UInt64(raw.count)
        self.a = a
        self.b = b
    }

    var hex: String {
        func pad(_ v: UInt64) -> String {
            let digits = String(v, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return pad(a) + pad(b)
    }
}

extension RuleSet {
    /// Every expression: the decision variables, then every stage's (variables and outputs included).
    var allExpressions: [RuleExpression] { decisionVariables.map(\.expression) + orderedStages.flatMap(\.expressions) }

    /// Compiles every expression not compiled yet (a rule set from a snapshot compiles each
    /// on first use); returns how many programs there are.
    @discardableResult
    public func compileAllExpressions() -> Int {
        allExpressions.reduce(0) { $0 + ($1.program == nil ? 0 : 1) }
    }
}
