import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment a command runs in, captured once and passed down (no globals),
/// so tests can inject HOME, PATH, the clock and the working directory.
public struct LoopXEnvironment: Sendable {
    public var variables: [String: String]
    public var workingDirectory: String
    /// The executable's path as invoked and as resolved through symlinks.
    public var executablePath: String
    public var executableRealPath: String

    public init(
        variables: [String: String], workingDirectory: String,
        executablePath: String, executableRealPath: String
    ) {
        self.variables = variables
        self.workingDirectory = workingDirectory
        self.executablePath = executablePath
        self.executableRealPath = executableRealPath
    }

    /// Reads the real process environment.
    public static func current(arguments: [String] = CommandLine.arguments) -> LoopXEnvironment {
        var variables: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                variables[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            pointer += 1
        }
        let cwd = FileSystem.currentDirectory() ?? "/"
        let invoked = arguments.first ?? "loopx"
        let real = FileSystem.realPath("/proc/self/exe") ?? FileSystem.realPath(invoked) ?? invoked
        var shown = invoked
        if !invoked.contains("/"), let found = FileSystem.findOnPath(invoked, path: variables["PATH"] ?? "") {
            shown = found
        } else if !invoked.hasPrefix("/") {
            shown = FileSystem.normalize(FileSystem.join(cwd, invoked))
        }
        return LoopXEnvironment(
            variables: variables, workingDirectory: cwd,
            executablePath: shown, executableRealPath: real)
    }

    public var home: String { variables["HOME"] ?? "/" }

    /// Expands a leading `~/` and makes a path absolute against the working directory.
    public func absolute(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return FileSystem.join(home, String(path.dropFirst(2))) }
        if path.hasPrefix("/") { return FileSystem.normalize(path) }
        return FileSystem.normalize(FileSystem.join(workingDirectory, path))
    }
}
