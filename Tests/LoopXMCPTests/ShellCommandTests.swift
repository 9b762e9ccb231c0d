import LoopXAgents
import Testing

/// The hook's reading of a Bash command line: simple commands, quotes, assignments and
/// redirections.
@Suite struct ShellCommandTests {
    @Test func splitsCommandsAndKeepsQuotedWordsWhole() {
        let commands = ShellCommand.parse("cd /repo && LOOPX_VALIDATED=1 git commit -m 'a; b' | tee log.txt; echo \"x > y\" > out.txt 2>&1")
        #expect(commands.map(\.words) == [["cd", "/repo"], ["git", "commit", "-m", "a; b"], ["tee", "log.txt"], ["echo", "x > y"]])
        #expect(commands[1].assignments == ["LOOPX_VALIDATED": "1"])
        #expect(commands[3].redirections == ["out.txt"])
    }

    @Test func descriptorDuplicationsAndDevNullAreNotFiles() {
        #expect(ShellCommand.parse("swift build 2>&1 >/dev/null").first?.redirections == [])
        #expect(ShellCommand.parse("echo hi >&2").first?.redirections == [])
        #expect(ShellCommand.parse("make &> build.log").first?.redirections == ["build.log"])
    }
}
