/// The dashboard served at `/`: one self-contained page (no external fonts, scripts or build
/// step) that reads `/status.json` and drives the reward routes. Its parts live in
/// `Dashboard+Style.swift` and `Dashboard+Script.swift`.
enum Dashboard {
    /// The whole page.
    static let page = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'">
        <title>loopx status</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)
        <script>
        \(script)
        </script>
        </body>
        </html>

        """

    /// The page's skeleton; the script fills every section from the status payload.
    static let body = """
        <header class="top">
          <h1>loopx <span class="muted">status</span></h1>
          <div class="meta">
            <span id="overall" class="badge">loading</span>
            <span id="refreshed" aria-live="polite">not loaded yet</span>
            <button id="refresh-now" type="button">Refresh</button>
          </div>
        </header>
        <p id="load-error" class="error" hidden></p>
        <main>
          <section id="attention" aria-labelledby="attention-title">
            <h2 id="attention-title">Attention queue <span id="attention-count" class="count"></span></h2>
            <p id="counters" class="muted"></p>
            <ol id="attention-items" class="cards"></ol>
          </section>
          <section id="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Recent runs</h2>
            <p class="legend" id="legend"></p>
            <div id="timeline-goals"></div>
          </section>
          <section id="waivers-section" aria-labelledby="waivers-title">
            <h2 id="waivers-title">Active waivers</h2>
            <ul id="waivers" class="plain"></ul>
          </section>
          <section id="lapsed-section" aria-labelledby="lapsed-title">
            <h2 id="lapsed-title">Lapsed obligations</h2>
            <ul id="lapsed" class="plain"></ul>
          </section>
          <section id="reward" aria-labelledby="reward-title">
            <h2 id="reward-title">Reward a run</h2>
            <form id="reward-form" autocomplete="off">
              <label>Goal <select id="reward-goal" name="goal_id" required></select></label>
              <label>Run <select id="reward-run" name="run_generated_at"></select></label>
              <label>Reward
                <select id="reward-value" name="reward">
                  <option>positive</option><option>mixed</option><option>neutral</option><option>negative</option>
                </select>
              </label>
              <label>Decision <input id="reward-decision" name="decision" required placeholder="continue_route"></label>
              <label class="wide">Reason <input id="reward-reason" name="reason_summary" required placeholder="one public-safe sentence"></label>
              <label class="wide">Follow-up <input id="reward-follow" name="follow_up" placeholder="optional"></label>
              <div class="actions">
                <button id="reward-preview" type="submit">Preview (dry run)</button>
                <button id="reward-append" type="button" disabled>Append reward</button>
              </div>
            </form>
            <p id="write-mode" class="muted"></p>
            <div id="reward-result" aria-live="polite"></div>
          </section>
        </main>
        """
}
