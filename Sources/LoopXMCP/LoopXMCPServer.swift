import LoopXCore
import MCP

/// `loopx mcp`: the MCP server over stdio. Tools answer with the CLI's JSON; resources and the
/// heartbeat prompt read the same files. Ends when the client closes stdin.
public enum LoopXMCPServer {
    /// Serves until the client disconnects.
    public static func run(_ configuration: MCPServerConfiguration) async throws {
        let server = Server(
            name: "loopx", version: configuration.version,
            instructions: "loopx: the heartbeat guard (should_run), boundary gates (gate_check) and write-back for autonomous coding goals.",
            capabilities: .init(prompts: .init(listChanged: false), resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
        await register(server, configuration)
        try await server.start(transport: StdioTransport())
        await server.waitUntilCompleted()
    }

    /// Installs every handler on a server (also used by tests with an in-memory transport).
    public static func register(_ server: Server, _ configuration: MCPServerConfiguration) async {
        let pinned = configuration.goalID != nil
        await server.withMethodHandler(ListTools.self) { _ in
            .init(tools: ToolCatalog.all.map { $0.definition(pinned: pinned) })
        }
        await server.withMethodHandler(CallTool.self) { params in
            ToolCatalog.call(params.name, arguments: params.arguments, configuration: configuration)
        }
        await server.withMethodHandler(ListResources.self) { _ in
            do { return .init(resources: try GoalResources.list(configuration)) } catch { throw protocolError(error) }
        }
        await server.withMethodHandler(ReadResource.self) { params in
            do { return try GoalResources.read(params.uri, configuration) } catch { throw protocolError(error) }
        }
        await server.withMethodHandler(ListPrompts.self) { _ in .init(prompts: [HeartbeatPrompts.definition]) }
        await server.withMethodHandler(GetPrompt.self) { params in
            guard params.name == HeartbeatPrompts.name else { throw MCPError.invalidParams("unknown prompt '\(params.name)'") }
            do { return try HeartbeatPrompts.get(params.arguments, configuration) } catch { throw protocolError(error) }
        }
    }

    /// Resource and prompt failures are protocol errors (they have no isError result); the
    /// message keeps the stable code in front.
    static func protocolError(_ error: any Error) -> MCPError {
        switch error {
        case let error as MCPError: return error
        case let failure as ToolFailure: return .invalidParams("\(failure.code.rawValue): \(failure.message)")
        case let failure as CommandFailure: return protocolError(ToolFailure(failure))
        default: return .internalError("\(error)")
        }
    }
}
