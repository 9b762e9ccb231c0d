/// A Bash command line split the way the hook needs it: simple commands (separated by `;`,
/// `&&`, `||`, `|`, `&` or newlines), each as words with quotes removed, leading `VAR=value`
/// assignments apart, and the files its `>`/`>>` redirections write. Not a shell: command
/// substitution, globbing and expansions are left as written (the hook then governs only what
/// it can read, and says so in docs/agents.md).
public struct ShellCommand: Sendable, Equatable {
    /// `NAME=value` words before the command name.
    public var assignments: [String: String]
    public var words: [String]
    /// Targets of `>`, `>>`, `&>` redirections (not `>&2` or `/dev/null`).
    public var redirections: [String]
    /// The segment's text as written (trimmed).
    public var text: String

    /// Splits a command line into simple commands.
    public static func parse(_ line: String) -> [ShellCommand] {
        var commands: [ShellCommand] = []
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var text = ""
        var redirectNext = false
        var redirections: [String] = []
        func endWord() {
            guard inWord else { return }
            if redirectNext {
                if word != "/dev/null" && !word.hasPrefix("&") { redirections.append(word) }
                redirectNext = false
            } else {
                words.append(word)
            }
            word = ""
            inWord = false
        }
        func endCommand() {
            endWord()
            var assignments: [String: String] = [:]
            var rest = words[...]
            while let first = rest.first, let eq = first.firstIndex(of: "="), eq != first.startIndex,
                first[..<eq].allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber })
            {
                assignments[String(first[..<eq])] = String(first[first.index(after: eq)...])
                rest = rest.dropFirst()
            }
            let trimmed = text.trimmingSpaces
            if !rest.isEmpty || !redirections.isEmpty {
                commands.append(ShellCommand(assignments: assignments, words: Array(rest), redirections: redirections, text: trimmed))
            }
            (words, text, redirections, redirectNext) = ([], "", [], false)
        }
        var characters = line[...]
        while let character = characters.popFirst() {
            if let open = quote {
                text.append(character)
                if character == open {
                    quote = nil
                } else if character == "\\", open == "\"", let next = characters.popFirst() {
                    text.append(next)
                    word.append(next)
                } else {
                    word.append(character)
                }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                inWord = true
                text.append(character)
            case "\\":
                text.append(character)
                if let next = characters.popFirst() {
                    text.append(next)
                    if next != "\n" {
                        word.append(next)
                        inWord = true
                    }
                }
            case " ", "\t":
                endWord()
                text.append(character)
            case ";", "\n", "|", "&":
                if character == "&", characters.first == ">" {
                    // `&>file`: a redirection of both streams.
                    endWord()
                    characters = characters.dropFirst()
                    if characters.first == ">" { characters = characters.dropFirst() }
                    redirectNext = true
                    text.append("&>")
                    continue
                }
                if character == "&", word.hasSuffix(">") || (word.isEmpty && text.hasSuffix(">")) {
                    // `2>&1`, `>&2`: a descriptor duplication, not a file.
                    word.append(character)
                    inWord = true
                    text.append(character)
                    continue
                }
                endCommand()
                if let next = characters.first, next == character, character != ";" { characters = characters.dropFirst() }
            case ">":
                // `2>` and `1>` name descriptors; the word so far is that digit.
                if inWord, word.allSatisfy(\.isNumber) { (word, inWord) = ("", false) } else { endWord() }
                if characters.first == ">" { characters = characters.dropFirst() }
                if characters.first == "&" {
                    // `>&2`: duplication.
                    characters = characters.dropFirst()
                    while let next = characters.first, next.isNumber || next == "-" { characters = characters.dropFirst() }
                    text.append(">&")
                    continue
                }
                redirectNext = true
                text.append(">")
            default:
                word.append(character)
                inWord = true
                text.append(character)
            }
        }
        endCommand()
        return commands
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
