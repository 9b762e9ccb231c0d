import Foundation
@testable import LoopXServer
import Testing

/// The dashboard's shipped colours pass WCAG 2.1 AA: text at least 4.5:1 against what it sits
/// on, run bars, swatches, borders of the "none" outcome and the focus ring at least 3:1
/// (non-text contrast). The colours are read from the CSS the binary serves.
@Suite struct DashboardPaletteTests {
    /// `--name:#rrggbb` custom properties of the shipped `:root`.
    static var palette: [String: String] {
        var colours: [String: String] = [:]
        let css = Dashboard.style
        var rest = css[...]
        while let start = rest.range(of: "--") {
            let after = rest[start.upperBound...]
            guard let colon = after.firstIndex(of: ":") else { break }
            let name = String(after[..<colon])
            let value = after[after.index(after: colon)...].prefix { $0 != ";" && $0 != "}" }
                .trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("#"), value.count == 7, name.allSatisfy({ $0.isLetter || $0 == "-" }), colours[name] == nil {
                colours[name] = value
            }
            rest = after[colon...]
        }
        return colours
    }

    /// WCAG relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double? {
        guard hex.count == 7, let value = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xff) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func ratio(_ a: String, _ b: String) -> Double? {
        guard let x = palette[a].flatMap(luminance), let y = palette[b].flatMap(luminance) else { return nil }
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// Text colour on background, each pair as the stylesheet uses it.
    static let textPairs: [(String, String)] = [
        ("ink", "card"), ("ink", "bg"), ("ink", "soft"), ("muted", "card"), ("muted", "bg"), ("muted", "soft"),
        ("link", "card"), ("link", "soft"), ("high", "card"), ("lesson", "card"), ("gate", "card"),
        ("on-dark", "high"), ("on-dark", "action"), ("on-dark", "watch"), ("on-dark", "primary"), ("on-dark", "ink"),
    ]
    /// Graphics against the card they sit on.
    static let graphicPairs: [(String, String)] = [
        ("primary", "card"), ("progress", "card"), ("surface", "card"), ("gap", "card"), ("none-edge", "card"),
        ("spend", "card"), ("spend", "soft"), ("void-edge", "card"), ("reward-edge", "card"), ("focus", "card"), ("focus", "bg"),
    ]

    @Test func everyColourTheStyleNamesIsAHexCustomProperty() {
        let names = Set(Self.palette.keys)
        for (a, b) in Self.textPairs + Self.graphicPairs {
            #expect(names.contains(a) && names.contains(b), "missing --\(a) or --\(b)")
        }
        #expect(Self.luminance("#ffffff") == 1 && Self.luminance("#000000") == 0)
        #expect(abs((Self.ratio("ink", "ink") ?? 0) - 1) < 1e-9)
    }

    @Test func textColoursPassAA() {
        for (text, background) in Self.textPairs {
            let ratio = Self.ratio(text, background) ?? 0
            #expect(ratio >= 4.5, "--\(text) on --\(background) is \(ratio):1, below 4.5:1")
        }
    }

    @Test func graphicsPassNonTextContrast() {
        for (graphic, background) in Self.graphicPairs {
            let ratio = Self.ratio(graphic, background) ?? 0
            #expect(ratio >= 3, "--\(graphic) on --\(background) is \(ratio):1, below 3:1")
        }
    }

    @Test func outcomeColoursAreDistinctFromEachOther() {
        let outcomes = ["primary", "progress", "surface", "gap"].compactMap { Self.palette[$0] }
        #expect(Set(outcomes).count == 4)
    }

    @Test func theScriptsNeverWriteHTMLFromData() {
        let scripts = [Dashboard.script, Dashboard.markdownScript, Dashboard.timelineScript, Dashboard.goalViewScript, Dashboard.rewardScript]
        for script in scripts {
            for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
                #expect(!script.contains(sink), "a dashboard script uses \(sink)")
            }
        }
        #expect(Dashboard.page.contains(Dashboard.goalViewScript))
    }
}
