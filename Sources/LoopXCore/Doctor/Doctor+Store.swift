import LoopXRules

/// The `store` line of `loopx doctor`: which store the project uses, and for a shared
/// database a connection check (reachable, schema current).
extension Doctor {
    func storeCheck() -> DoctorCheck {
        guard let store = try? GoalStore.open(context, allowMissing: true) else {
            return DoctorCheck(name: "store", ok: true, required: false, detail: "no readable registry: the local files")
        }
        let choice: StoreChoice
        switch store.storeChoice {
        case .failure(let failure): return DoctorCheck(name: "store", ok: false, detail: failure.message, fix: failure.hint)
        case .success(let resolved): choice = resolved
        }
        guard case .postgres(let url, let source) = choice else {
            return DoctorCheck(name: "store", ok: true, detail: "local files under \(store.runtimeRoot)")
        }
        let place = "postgres \(url.redacted) (from \(source))"
        do {
            guard let shared = try store.sharedStore() else { return DoctorCheck(name: "store", ok: true, detail: place) }
            let status = try shared.status()
            let version = status["schema_version"]?.intValue ?? 0
            let current = status["schema_current"]?.boolValue ?? false
            return DoctorCheck(
                name: "store", ok: current,
                detail: "\(place): reachable, schema version \(version)\(current ? "" : " (not current)")",
                fix: "run `loopx store migrate`")
        } catch {
            return DoctorCheck(name: "store", ok: false, detail: "\(place): \(error.message)", fix: error.hint)
        }
    }
}
