extension Dashboard {
    /// The small Markdown subset the run and rule texts use, rendered safely: `code spans`,
    /// `**bold**` and `[text](#goal=ID)` links to a goal view. It returns a fragment of DOM
    /// nodes whose text is set with `textContent`; anything else (HTML tags, other links)
    /// stays literal text, so a `<script>` in a run's text is shown, never run.
    static let markdownScript = #"""
        function markdown(text) {
          const out = document.createDocumentFragment();
          const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\((#goal=[A-Za-z0-9._%-]+)\)/g;
          let last = 0, match;
          while ((match = pattern.exec(text)) !== null) {
            if (match.index > last) out.append(document.createTextNode(text.slice(last, match.index)));
            if (match[1] !== undefined) out.append(el("code", { text: match[1] }));
            else if (match[2] !== undefined) out.append(el("strong", { text: match[2] }));
            else out.append(el("a", { href: match[4], class: "goal-link", text: match[3] }));
            last = pattern.lastIndex;
          }
          if (last < text.length) out.append(document.createTextNode(text.slice(last)));
          return out;
        }
        """#
}
