internal import CYaml

/// Facts about the libyaml library linked into this build.
public enum LibYAML {
    /// The runtime version string of libyaml, e.g. `0.2.5`.
    public static var version: String {
        guard let raw = yaml_get_version_string() else { return "unknown" }
        return String(cString: raw)
    }
}
