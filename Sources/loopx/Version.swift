/// The version reported by `loopx --version`.
enum LoopXVersion {
    static let string = "0.1.0"
}
