import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 channel with the loopback server's guards: the idle timeout, and,
/// right after NIO's HTTP/1 decoder, `RequestReadDeadline` and `RequestHeadGuard`.
struct LoopbackHTTPChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let limits: ServerLimits

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ServerLimits) {
        self.http1 = HTTP1Channel(responder: responder, configuration: .init(idleTimeout: TimeAmount(limits.idleTimeout)))
        self.limits = limits
    }

    /// The server builder `Application` takes.
    static func builder(limits: ServerLimits) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in LoopbackHTTPChannel(responder: responder, limits: limits) }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let readTimeout = TimeAmount(limits.requestReadTimeout)
        return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            let boundPort = channel.localAddress?.port ?? 0
            // Each is added right after the decoder, so the order is decoder, deadline, guard.
            try pipeline.addHandler(RequestHeadGuard(boundPort: boundPort), position: .after(decoder))
            try pipeline.addHandler(RequestReadDeadline(timeout: readTimeout), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
