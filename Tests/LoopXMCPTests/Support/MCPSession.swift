import Foundation
import LoopXCore
import MCP
import SystemPackage

/// `loopx mcp` spawned from the built binary in a test project, driven by the SDK's client
/// over the process's stdin/stdout pipes.
struct MCPSession {
    let process: Process
    let client: Client
    let toServer: Pipe
    let fromServer: Pipe

    static func start(_ project: TestProject, arguments: [String] = []) async throws -> MCPSession {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestProject.binary)
        process.arguments = ["mcp", "--now", TestProject.now] + arguments
        process.currentDirectoryURL = project.project
        process.environment = project.environment
        let (toServer, fromServer) = (Pipe(), Pipe())
        (process.standardInput, process.standardOutput) = (toServer, fromServer)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let transport = StdioTransport(
            input: FileDescriptor(rawValue: fromServer.fileHandleForReading.fileDescriptor),
            output: FileDescriptor(rawValue: toServer.fileHandleForWriting.fileDescriptor))
        let client = Client(name: "loopx-tests", version: "1.0")
        _ = try await client.connect(transport: transport)
        return MCPSession(process: process, client: client, toServer: toServer, fromServer: fromServer)
    }

    /// Calls a tool and returns the whole result (structured content included).
    func call(_ name: String, _ arguments: [String: MCP.Value]) async throws -> CallTool.Result {
        let context: RequestContext<CallTool.Result> = try await client.callTool(name: name, arguments: arguments)
        return try await context.value
    }

    func stop() async {
        await client.disconnect()
        try? toServer.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

extension MCP.Value {
    /// The CLI's JSON text parsed into an MCP value (for comparing with structured content).
    static func parsingJSON(_ text: String) throws -> MCP.Value {
        try JSONDecoder().decode(MCP.Value.self, from: Data(text.utf8))
    }
}
