import LoopXRules
import LoopXSupport

/// The `project` fact: whether the checkout and state file exist, and which well-known files
/// the repository has.
enum ProjectFacts {
    static let wellKnown = [
        "README.md", "AGENTS.md", "CONTRIBUTING.md", "LICENSE", ".gitignore", ".github", "docs", "tests",
        "Tests", "test", "scripts", "Makefile", "Package.swift", "package.json", "pyproject.toml",
        "Cargo.toml", "go.mod", ".git",
    ]

    static func project(repo: String?, statePath: String?) -> JSONValue {
        let repoExists = repo.map(FileSystem.isDirectory) ?? false
        var inventory = JSONObject()
        if let repo, repoExists {
            for name in wellKnown { inventory[name] = .bool(FileSystem.exists(FileSystem.join(repo, name))) }
        }
        return [
            "repo_exists": .bool(repoExists),
            "state_file_exists": .bool(statePath.map(FileSystem.isRegularFile) ?? false),
            "inventory": .object(inventory),
        ]
    }
}
