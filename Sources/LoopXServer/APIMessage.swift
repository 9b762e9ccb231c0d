import LoopXCore
import LoopXRules
import LoopXSupport

/// One HTTP request as the status API sees it, free of the server framework's types so the
/// routing and validation can be reasoned about (and tested) on their own.
public struct APIRequest: Sendable {
    public var method: String
    /// The path without the query string.
    public var path: String
    /// The raw query string (after `?`), empty when absent.
    public var query: String
    /// Header values by lower-cased name.
    public var headers: [String: String]
    /// The body, or nil when it was larger than the cap (it is then never read in full).
    public var body: [UInt8]?

    public init(method: String, path: String, query: String = "", headers: [String: String] = [:], body: [UInt8]? = []) {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }

    /// The value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// One HTTP response: a status code, its content type and the bytes to send.
public struct APIResponse: Sendable {
    public var status: Int
    public var contentType: String?
    public var body: [UInt8]
    /// Extra headers (CORS for loopback origins); `Cache-Control: no-store` is always added.
    public var headers: [(String, String)]

    public init(status: Int, contentType: String?, body: [UInt8], headers: [(String, String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    /// A JSON response with sorted keys (deterministic bytes for identical payloads).
    public static func json(_ status: Int, _ value: JSONValue) -> APIResponse {
        let text = JSONWriter(sortedKeys: true, pretty: true).string(value) + "\n"
        return APIResponse(status: status, contentType: "application/json; charset=utf-8", body: Array(text.utf8))
    }

    /// `{ok: false, error, code}` plus any extra fields; `code` is the CLI's error code for the
    /// same mistake (`ErrorCode`), by default the one the HTTP status stands for.
    public static func failure(_ status: Int, _ message: String, code: ErrorCode? = nil, extra: JSONObject = [:]) -> APIResponse {
        var object: JSONObject = ["ok": false, "error": .string(message), "code": .string((code ?? .forHTTPStatus(status)).rawValue)]
        for (key, value) in extra { object[key] = value }
        return json(status, .object(object))
    }

    /// The parsed JSON body of a response (for tests and clients); nil when it is not JSON.
    public var jsonBody: JSONValue? { try? JSONParser.parse(body) }
}

extension ErrorCode {
    /// The code of an HTTP refusal that has no command failure behind it.
    static func forHTTPStatus(_ status: Int) -> ErrorCode {
        switch status {
        case 400: return .usage
        case 404: return .notFound
        case 409: return .conflict
        case 403, 405, 421: return .refused
        default: return .failed
        }
    }
}
