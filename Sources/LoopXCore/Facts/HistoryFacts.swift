import LoopXRules
import LoopXSupport

/// The `history` and `spend` facts from the run index, read from its end.
enum HistoryFacts {
    /// The newest runs, newest first, overlays merged. Artifact existence is checked on disk
    /// for the newest run only: that is the run the attention rules judge, and one stat per
    /// goal keeps `status` over hundreds of goals cheap.
    static func history(_ runs: [RunRecord], runtimeRoot: String) -> JSONValue {
        var items: [JSONValue] = []
        items.reserveCapacity(runs.count)
        for run in runs where run.timestamp != nil {
            var fields = JSONValue.object(run.fields).removingNulls.objectValue ?? JSONObject()
            if items.isEmpty {
                fields["json_exists"] = .bool(exists(run.jsonPath, root: runtimeRoot))
                fields["markdown_exists"] = .bool(exists(run.markdownPath, root: runtimeRoot))
            }
            items.append(.object(fields))
        }
        return .array(items)
    }

    private static func exists(_ path: String?, root: String) -> Bool {
        guard let path, !path.isEmpty else { return false }
        return FileSystem.isRegularFile(path.hasPrefix("/") ? path : FileSystem.join(root, path))
    }

    /// Spend events inside `[now - window, now]`: count of spends, net slots, voided slots,
    /// summed by `QuotaConfig.tally` (the one home of the count).
    static func spend(_ events: [SpendEvent], since: Timestamp) -> JSONValue {
        let tally = QuotaConfig.tally(events, since: since)
        var object: JSONObject = [
            "count": .int(tally.count), "slots": .int(tally.netSlots), "voided_slots": .int(tally.voidedSlots),
        ]
        if let newest = tally.newest { object["newest"] = .string(newest.rfc3339) }
        return .object(object)
    }
}
