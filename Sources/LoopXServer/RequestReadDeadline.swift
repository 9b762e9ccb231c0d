import NIOCore
import NIOHTTP1

/// Closes a connection whose request does not arrive in full (head and body) within
/// `ServerLimits.requestReadTimeout` of its first bytes: a slowloris client trickling a header
/// line every few seconds, or a body that stalls. It sits right after NIO's HTTP/1 decoder,
/// which passes on every socket read (`channelReadComplete`) even before a head is complete.
/// Connections that send nothing at all are left to Hummingbird's idle timeout.
final class RequestReadDeadline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let timeout: TimeAmount
    /// Request heads received whose response has not been written in full; at 0 the next
    /// bytes start a new request.
    private var unanswered = 0
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            unanswered += 1
            arm(context: context)  // no-op when the first bytes already armed it
        case .body:
            break
        case .end:
            disarm()
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if unanswered == 0 { arm(context: context) }  // bytes of a request head, not yet complete
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), unanswered > 0 { unanswered -= 1 }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    private func arm(context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        let loopContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            loopContext.value.close(promise: nil)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}

@available(*, unavailable)
extension RequestReadDeadline: Sendable {}
