import LoopXRules
import LoopXSupport

/// The relative paths and contents of every regular file under a directory, for comparing an
/// installed copy with its source (the skill snapshot).
struct DirectoryDigest: Equatable {
    var files: [String: [UInt8]]

    init(_ root: String) {
        var files: [String: [UInt8]] = [:]
        DirectoryDigest.collect(root, prefix: "", into: &files)
        self.files = files
    }

    private static func collect(_ directory: String, prefix: String, into files: inout [String: [UInt8]]) {
        for name in (try? FileSystem.list(directory)) ?? [] {
            let path = FileSystem.join(directory, name)
            if FileSystem.isDirectory(path) {
                collect(path, prefix: prefix + name + "/", into: &files)
            } else if FileSystem.isRegularFile(path) {
                files[prefix + name] = (try? FileSystem.readBytes(path)) ?? []
            }
        }
    }
}
