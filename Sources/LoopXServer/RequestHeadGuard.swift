import NIOCore
import NIOHTTP1

/// Refuses, before Hummingbird sees it, a request whose `Host` header(s) or request target do
/// not name this server (`LoopbackHost.refusal`): it answers 400 or 421 with the JSON error,
/// drops the rest of that request and closes the connection. It sits right after NIO's HTTP/1
/// decoder, where duplicate `Host` headers and the raw request target are still visible.
final class RequestHeadGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let boundPort: Int
    /// Requests passed on whose response has not been written in full (HTTP pipelining).
    private var responsesOwed = 0
    /// The answer to send once the responses owed are written; set when a request is refused.
    private var refusal: (response: APIResponse, isHead: Bool)?

    init(boundPort: Int) {
        self.boundPort = boundPort
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard refusal == nil else { return }  // the refused request's body, and anything after it
        guard case .head(let head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        let hosts = head.headers["Host"]
        guard let refused = LoopbackHost.refusal(hostFields: hosts, target: head.uri, boundPort: boundPort) else {
            responsesOwed += 1
            context.fireChannelRead(data)
            return
        }
        refusal = (refused, head.method == .HEAD)
        if responsesOwed == 0 { sendRefusal(context: context) }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
        guard case .end = unwrapOutboundIn(data) else { return }
        responsesOwed -= 1
        if responsesOwed == 0, refusal != nil { sendRefusal(context: context) }
    }

    /// Writes the refusal (status, JSON error, `Connection: close`) and closes once it is sent.
    private func sendRefusal(context: ChannelHandlerContext) {
        guard let (response, isHead) = refusal else { return }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType ?? "application/json; charset=utf-8")
        headers.add(name: "Content-Length", value: String(response.body.count))
        headers.add(name: "Cache-Control", value: "no-store")
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        headers.add(name: "Connection", value: "close")
        let status = HTTPResponseStatus(statusCode: response.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if !isHead {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
        }
        let loopContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            loopContext.value.close(promise: nil)
        }
    }
}

@available(*, unavailable)
extension RequestHeadGuard: Sendable {}
