import Foundation
@testable import LoopXCore
import LoopXRules
import LoopXSupport

/// Fixture files and scratch directories for the data-layer tests.
enum TestFiles {
    static var fixtures: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }

    static func fixture(_ name: String) -> String { fixtures + "/" + name }

    static func fixtureText(_ name: String) throws -> String { try FileSystem.readText(fixture(name)) }

    /// A fresh empty directory, removed by the caller.
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("loopx-core-\(UUID().uuidString)").path
        try FileSystem.createDirectory(path)
        return path
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    static func environment(home: String, cwd: String) -> LoopXEnvironment {
        LoopXEnvironment(variables: ["HOME": home], workingDirectory: cwd, executablePath: "/bin/loopx", executableRealPath: "/bin/loopx")
    }

    /// The goal and profile defaults of the package's own `Rules/facts.yaml`.
    static func builtinFields() throws -> FieldRules {
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules/facts.yaml").path
        return try fields(facts: try FileSystem.readText(rules))
    }

    /// The field rules of a `facts.yaml` text.
    static func fields(facts text: String) throws -> FieldRules {
        try FieldRules(schema: try FactsSchema.load(RuleSourceFile(path: "Rules/facts.yaml", text: text)))
    }

    static func time(_ text: String) -> Timestamp {
        Timestamp(rfc3339: text) ?? Timestamp(seconds: 0)
    }
}
