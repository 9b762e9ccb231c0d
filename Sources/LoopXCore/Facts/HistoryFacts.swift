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

    /// Spend events inside `[now - window, now]`: count of spends, net slots, voided slots.
    /// A void counts only while the spend it corrects is inside the window (`since` on).
    static func spend(_ events: [SpendEvent], since: Timestamp) -> JSONValue {
        var count: Int64 = 0
        var slots: Int64 = 0
        var voided: Int64 = 0
        var newest: SpendEvent?
        for event in events {
            switch event.kind {
            case .spent:
                count += 1
                slots += event.slots
                if newest.map({ event.instant > $0.instant }) ?? true { newest = event }
            case .voided:
                let target = (event.row["voided_generated_at"] ?? event.row["quota_event"]?["voided_generated_at"])?.stringValue
                if let target, let instant = Timestamp(rfc3339: target), instant < since { continue }
                voided += event.slots
            }
        }
        var object: JSONObject = [
            "count": .int(count), "slots": .int(max(slots - voided, 0)), "voided_slots": .int(voided),
        ]
        if let newest { object["newest"] = .string(newest.instant.rfc3339) }
        return .object(object)
    }
}
