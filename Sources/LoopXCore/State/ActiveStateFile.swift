import LoopXRules
import LoopXSupport

/// Reading and locked, change-checked editing of an active state file.
public enum ActiveStateFile {
    /// Reads and parses the file.
    public static func read(_ path: String) throws(CommandFailure) -> (ActiveStateDocument, FileSnapshot) {
        let snapshot: FileSnapshot
        do { snapshot = try FileSnapshot.read(path) } catch { throw CommandFailure(error.description) }
        guard let bytes = snapshot.bytes else {
            throw CommandFailure("active state file does not exist: \(path)", hint: "run `loopx bootstrap` to create it, or pass --state-file", code: .invalidState)
        }
        return (ActiveStateDocument(bytes: bytes), snapshot)
    }

    /// Holds the file's lock for a whole edit: reads, applies `edit` to a `TodoEditor`, and
    /// when the document changed (and `write` is true) writes it atomically, refusing if the
    /// file changed on disk meanwhile. Returns the edit's result and whether bytes were written.
    /// `beforeWrite` runs once the new bytes are safely staged, just before they replace the file.
    public static func edit<T>(
        _ path: String, now: Timestamp, write: Bool = true, beforeWrite: (() throws(CommandFailure) -> Void)? = nil,
        _ edit: (inout TodoEditor) throws(CommandFailure) -> T
    ) throws(CommandFailure) -> (result: T, changed: Bool, document: ActiveStateDocument) {
        do {
            return try LockedRewrite.update(path, beforeReplace: beforeWrite.map { hook in { () throws in try hook() } }) { snapshot in
                guard let bytes = snapshot.bytes else {
                    throw CommandFailure("active state file does not exist: \(path)", hint: "run `loopx bootstrap` first, or pass --state-file", code: .invalidState)
                }
                let original = ActiveStateDocument(bytes: bytes)
                var editor = TodoEditor(document: original, now: now)
                let result = try edit(&editor)
                let changed = editor.document != original
                let newBytes: [UInt8]? = changed && write ? editor.document.bytes : nil
                return (newBytes, (result, changed, editor.document))
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch let failure as LockedRewrite.Failure {
            throw failure.commandFailure
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
