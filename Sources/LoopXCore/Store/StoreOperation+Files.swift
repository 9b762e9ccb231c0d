import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The goal's local files as `store import` reads them and `store export` writes them.
extension StoreOperation {
    /// The goal's local data: index rows and decision records (both generations) as canonical
    /// lines, the stored fact values, the obligation file and the Markdown's live leases.
    /// Lines that are not JSON objects are skipped and counted.
    static func localData(store: GoalStore, goalID: GoalID) throws(CommandFailure) -> (data: StoreTransfer, skipped: Int) {
        let directory = store.goalDirectory(goalID)
        var data = StoreTransfer(goalID: goalID.rawValue)
        var skipped = 0
        let history = RunHistory(goalDirectory: directory)
        let log = DecisionLog(goalDirectory: directory)
        for (path, target) in [(history.indexPath, 0), (log.rotatedPath, 1), (log.path, 1)] {
            guard FileSystem.isRegularFile(path) else { continue }
            let bytes: [UInt8]
            do { bytes = try FileSystem.readBytes(path) } catch { throw CommandFailure(error.description, code: .ioError) }
            for line in bytes.split(separator: 0x0A) where line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                guard let row = RunHistory.parse(Array(line)) else {
                    skipped += 1
                    continue
                }
                let canonical = Array(RunHistory.line(for: row).dropLast())
                if target == 0 { data.runLines.append(canonical) } else { data.decisionLines.append(canonical) }
            }
        }
        for name in ((try? FileSystem.list(log.factsDirectory)) ?? []).sorted() where name.hasSuffix(".json") {
            if let bytes = try? FileSystem.readBytes(FileSystem.join(log.factsDirectory, name)) {
                data.factValues.append((String(name.dropLast(5)), bytes))
            }
        }
        let obligation = ObligationLedger(goalDirectory: directory).path
        if FileSystem.isRegularFile(obligation) { data.obligation = try? FileSystem.readBytes(obligation) }
        if let goal = store.registry.goal(id: goalID.rawValue), let state = try store.activeState(of: goal) {
            let now = store.context.now
            for todo in state.todos {
                guard let holder = todo.leaseHolder(at: now), let expires = todo.claimExpiresAt else { continue }
                let acquired = todo.metadata["claimed_at"].flatMap { Timestamp(rfc3339: $0) } ?? now
                data.leases.append(Lease(todoID: todo.id, holder: holder, acquiredAt: acquired, expiresAt: expires, version: 1))
            }
        }
        return (data, skipped)
    }

    /// Writes the store's data into the goal's files: `runs/index.jsonl`, `decisions.jsonl`
    /// (the rotated generation removed), `facts/`, `obligation.json`. A file whose content
    /// differs is refused unless `replace`; each write is atomic. Answers what it wrote, with
    /// the digests read back.
    static func write(_ data: StoreTransfer, goalDirectory: String, replace: Bool) throws(CommandFailure) -> JSONObject {
        let history = RunHistory(goalDirectory: goalDirectory)
        let log = DecisionLog(goalDirectory: goalDirectory)
        let obligationPath = ObligationLedger(goalDirectory: goalDirectory).path
        var files: [(path: String, bytes: [UInt8])] = [
            (history.indexPath, lines(data.runLines)), (log.path, lines(data.decisionLines)),
        ]
        if let obligation = data.obligation { files.append((obligationPath, obligation)) }
        for value in data.factValues { files.append((FileSystem.join(log.factsDirectory, value.digest + ".json"), value.bytes)) }
        let rotatedHasRecords = FileSystem.isRegularFile(log.rotatedPath)
        if !replace {
            for file in files where FileSystem.isRegularFile(file.path) {
                let existing = (try? FileSystem.readBytes(file.path)) ?? []
                if existing != file.bytes {
                    throw CommandFailure(
                        "\(file.path) differs from the store's data; nothing was written", hint: "pass --replace to overwrite the local files",
                        code: .conflict)
                }
            }
            if rotatedHasRecords {
                throw CommandFailure("\(log.rotatedPath) exists; nothing was written", hint: "pass --replace to overwrite the local files", code: .conflict)
            }
        }
        var written = 0
        do {
            for file in files {
                try FileSystem.createDirectory(FileSystem.dirname(file.path))
                if (try? FileSystem.readBytes(file.path)) == file.bytes { continue }
                try FileSystem.writeAtomically(file.path, bytes: file.bytes)
                written += 1
            }
        } catch {
            throw CommandFailure(error.description, code: .ioError)
        }
        if rotatedHasRecords { unlink(log.rotatedPath) }
        unlink(history.countPath)
        let indexBack = (try? FileSystem.readBytes(history.indexPath)) ?? []
        return [
            "runs": [
                "store": .int(Int64(data.runLines.count)), "store_sha256": .string(StoreTransfer.digest(data.runLines)),
                "file_sha256": .string(Digest.sha256Hex(indexBack)), "path": .string(history.indexPath),
            ],
            "decisions": ["store": .int(Int64(data.decisionLines.count)), "path": .string(log.path)],
            "fact_values": .int(Int64(data.factValues.count)), "obligation": .bool(data.obligation != nil),
            "files_written": .int(Int64(written)),
            "verified": .bool(Digest.sha256Hex(indexBack) == StoreTransfer.digest(data.runLines)),
        ]
    }

    static func lines(_ lines: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        for line in lines {
            bytes += line
            bytes.append(0x0A)
        }
        return bytes
    }
}
