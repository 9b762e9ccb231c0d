/// The dashboard served at `/`: one self-contained page (no external fonts, scripts or build
/// step) that reads `/status.json` and drives the reward routes. Its parts live in
/// `Dashboard+Style.swift` and the `Dashboard+*Script.swift` files (one script, in parts).
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
        \(markdownScript)
        \(timelineScript)
        \(goalViewScript)
        \(rewardScript)
        start();
        </script>
        </body>
        </html>

        """

    /// The page's skeleton; the scripts fill every section from the JSON routes. At 1200 px
    /// and wider the page has two columns: the queue, the history and the reward form on the
    /// left, the goal view with its trace and rule layers, waivers and obligations on the right.
    static let body = """
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <h1>loopx <span class="muted">status</span></h1>
          <div class="meta">
            <span id="overall" class="badge">loading</span>
            <span id="refreshed" aria-live="polite">not loaded yet</span>
            <button id="refresh-now" type="button">Refresh</button>
          </div>
        </header>
        <p id="load-error" class="error" hidden></p>
        <main id="main">
          <div class="col" id="col-a">
            <section id="attention" aria-labelledby="attention-title">
              <h2 id="attention-title">Attention queue <span id="attention-count" class="count"></span></h2>
              <p id="counters" class="muted"></p>
              <ol id="attention-items" class="cards"></ol>
            </section>
            <section id="timeline" aria-labelledby="timeline-title">
              <div class="toolbar">
                <h2 id="timeline-title">Run history</h2>
                <div class="segmented" role="group" aria-label="time window" id="window-buttons">
                  <button type="button" data-window="24h" aria-pressed="false">24 h</button>
                  <button type="button" data-window="7d" aria-pressed="true">7 d</button>
                  <button type="button" data-window="30d" aria-pressed="false">30 d</button>
                </div>
              </div>
              <p class="legend" id="legend"></p>
              <div id="timeline-goals"></div>
              <div id="run-detail" class="run-detail" aria-live="polite">Hover or focus a run to see it here.</div>
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
          </div>
          <div class="col" id="col-b">
            <section id="goal-view" class="goal-view" aria-labelledby="goal-title" tabindex="-1">
              <h2 id="goal-title">Goal view</h2>
              <div id="goal-body"><p class="muted">Choose a goal (its name in the queue or the history) to see why it is in the state it is in.</p></div>
            </section>
            <section id="waivers-section" aria-labelledby="waivers-title">
              <h2 id="waivers-title">Active waivers</h2>
              <ul id="waivers" class="plain"></ul>
            </section>
            <section id="lapsed-section" aria-labelledby="lapsed-title">
              <h2 id="lapsed-title">Lapsed obligations</h2>
              <ul id="lapsed" class="plain"></ul>
            </section>
          </div>
        </main>
        """
}
