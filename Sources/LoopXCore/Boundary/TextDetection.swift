/// Decides whether a file's bytes are worth reading with the leak rules. The rules match ASCII
/// patterns in raw bytes, so the encoding does not matter: Latin-1, invalid UTF-8 or a stray
/// NUL byte is read like any text. Only truly binary files are skipped: a known magic number
/// (image, archive, executable, font, media, database) or a high share of control bytes.
enum TextDetection {
    enum Verdict: Sendable, Equatable {
        case text, binary
    }

    /// How much of the file the control-byte share is measured on (what `git` and `grep` look at).
    static let binaryProbeLength = 8192

    /// A probe where at least this share (percent) of bytes are control bytes is binary data:
    /// text, even with a stray NUL or an escape sequence, is far below it; executables and
    /// UTF-16 are far above it.
    static let controlPercentThreshold = 30

    static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        guard !bytes.isEmpty else { return .text }
        if hasBinaryMagic(bytes) { return .binary }
        let probe = min(bytes.count, binaryProbeLength)
        var control = 0
        for index in 0..<probe where isControl(bytes[index]) { control += 1 }
        return control * 100 >= probe * controlPercentThreshold ? .binary : .text
    }

    /// C0 control bytes and DEL, except the whitespace of text (tab, newline, vertical tab,
    /// form feed, carriage return) and ESC (terminal colour codes in logs).
    @inline(__always) static func isControl(_ b: UInt8) -> Bool {
        (b < 0x20 && !(b >= 0x09 && b <= 0x0D) && b != 0x1B) || b == 0x7F
    }

    /// Signatures at the start of the file (none of them can start a text file by accident:
    /// each holds a control byte or a byte above 0x7F, or is long and specific).
    static let magicNumbers: [[UInt8]] = [
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],  // PNG
        [0xFF, 0xD8, 0xFF],  // JPEG
        Array("GIF87a".utf8), Array("GIF89a".utf8),
        [0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A],  // TIFF
        [0x00, 0x00, 0x01, 0x00],  // ICO
        Array("8BPS".utf8) + [0x00],  // Photoshop
        Array("%PDF-".utf8),
        [0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06], [0x50, 0x4B, 0x07, 0x08],  // ZIP, jar, docx, whl
        [0x1F, 0x8B],  // gzip
        Array("BZh".utf8),  // bzip2, confirmed below
        [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00],  // xz
        [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C],  // 7z
        [0x28, 0xB5, 0x2F, 0xFD],  // zstd
        Array("!<arch>\n".utf8),  // ar: static libraries, .deb
        [0x7F, 0x45, 0x4C, 0x46],  // ELF
        [0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCE, 0xFA, 0xED, 0xFE], [0xCF, 0xFA, 0xED, 0xFE],  // Mach-O
        [0xCA, 0xFE, 0xBA, 0xBE],  // universal Mach-O, Java class
        [0x00, 0x61, 0x73, 0x6D],  // WebAssembly
        Array("SQLite format 3".utf8) + [0x00],
        Array("wOFF".utf8), Array("wOF2".utf8), [0x00, 0x01, 0x00, 0x00, 0x00],  // WOFF, WOFF2, TrueType
        Array("OTTO".utf8) + [0x00],  // OpenType
        Array("OggS".utf8) + [0x00], Array("fLaC".utf8) + [0x00, 0x00],
    ]

    /// Whether the file starts with a known binary signature (or carries one at its fixed
    /// offset: RIFF media, ISO media `ftyp`, tar `ustar`, a PE header after `MZ`).
    static func hasBinaryMagic(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func has(_ signature: [UInt8], at offset: Int) -> Bool {
            guard offset >= 0, offset + signature.count <= bytes.count else { return false }
            for (k, b) in signature.enumerated() where bytes[offset + k] != b { return false }
            return true
        }
        for signature in magicNumbers where has(signature, at: 0) {
            // `BZh` must be followed by a block size digit and the block magic.
            if signature == Array("BZh".utf8) { return has(Array("1AY&SY".utf8), at: 4) }
            return true
        }
        if has(Array("RIFF".utf8), at: 0),
           [Array("WEBP".utf8), Array("WAVE".utf8), Array("AVI ".utf8)].contains(where: { has($0, at: 8) }) { return true }
        if has(Array("ftyp".utf8), at: 4), bytes[0] == 0x00 { return true }  // mp4, mov, heic
        if has(Array("ustar".utf8), at: 257) { return true }
        if has(Array("MZ".utf8), at: 0), bytes.count >= 0x40 {
            // A Windows executable: the PE header's offset is the little-endian word at 0x3C.
            let offset = Int(bytes[0x3C]) | Int(bytes[0x3D]) << 8 | Int(bytes[0x3E]) << 16 | Int(bytes[0x3F]) << 24
            if offset <= bytes.count - 4, has([0x50, 0x45, 0x00, 0x00], at: offset) { return true }
        }
        return false
    }
}
