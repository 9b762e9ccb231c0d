/// Names the programming language of a source file from its extension.
enum SourceLanguage {
    static let byExtension: [String: String] = [
        "swift": "Swift", "py": "Python", "js": "JavaScript", "mjs": "JavaScript", "cjs": "JavaScript",
        "jsx": "JavaScript", "ts": "TypeScript", "tsx": "TypeScript", "go": "Go", "rs": "Rust", "java": "Java",
        "kt": "Kotlin", "kts": "Kotlin", "rb": "Ruby", "c": "C", "h": "C", "cc": "C++", "cpp": "C++", "cxx": "C++",
        "hpp": "C++", "m": "Objective-C", "mm": "Objective-C", "cs": "C#", "php": "PHP", "sh": "Shell",
        "bash": "Shell", "zsh": "Shell", "scala": "Scala", "dart": "Dart", "lua": "Lua", "sql": "SQL",
        "html": "HTML", "css": "CSS", "scss": "CSS", "vue": "Vue", "ex": "Elixir", "exs": "Elixir",
        "hs": "Haskell", "zig": "Zig", "r": "R", "jl": "Julia", "pl": "Perl",
    ]

    /// The language of `fileName`, nil for files that are not recognised source.
    static func name(forFile fileName: String) -> String? {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        return byExtension[fileName[fileName.index(after: dot)...].lowercased()]
    }
}
