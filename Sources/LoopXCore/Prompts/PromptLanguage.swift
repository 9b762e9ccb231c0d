/// The language of texts the original wrote in Chinese; English is the default.
public enum PromptLanguage: String, Sendable, CaseIterable {
    case en
    case zh
}
