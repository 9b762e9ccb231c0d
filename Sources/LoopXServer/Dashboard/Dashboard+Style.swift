extension Dashboard {
    /// The page's CSS: system fonts only; one column below 1200 px, two from 1200 px. Every
    /// colour is a custom property in `:root` (`DashboardPaletteTests` checks their WCAG
    /// contrast), so no colour is written anywhere else except `#fff` text on badges.
    static let style = """
        :root { --bg:#f3f5f8; --card:#ffffff; --ink:#1b2230; --muted:#545e6e; --line:#d3d9e2; --soft:#eef1f5;
          --link:#175a96; --focus:#175a96; --on-dark:#ffffff;
          --high:#b3261e; --action:#8a4f00; --watch:#175a96; --info:#545e6e;
          --primary:#1a7a38; --progress:#17788a; --surface:#707b8b; --gap:#c0392b; --none:#ffffff; --none-edge:#6b7585;
          --spend:#2f3b4c; --void-edge:#8a4f00; --reward-edge:#1b2230; --lesson:#6a3fa0; --gate:#8a4f00; }
        * { box-sizing:border-box; }
        body { margin:0; font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; background:var(--bg); color:var(--ink); }
        a { color:var(--link); }
        :focus-visible { outline:3px solid var(--focus); outline-offset:2px; }
        .skip { position:absolute; left:-999px; top:0; } .skip:focus { left:1rem; top:.5rem; z-index:5; background:var(--card); padding:.3rem .6rem; }
        .top { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; justify-content:space-between;
          padding:.6rem 1rem; background:var(--card); border-bottom:1px solid var(--line); position:sticky; top:0; z-index:3; }
        h1 { font-size:1.15rem; margin:0; } h2 { font-size:1.05rem; margin:0 0 .6rem; } h3 { font-size:.95rem; margin:.9rem 0 .4rem; }
        .meta { display:flex; flex-wrap:wrap; gap:.5rem; align-items:center; font-size:.85rem; }
        .muted { color:var(--muted); font-weight:normal; }
        main { display:grid; gap:1rem; padding:1rem; grid-template-columns:minmax(0,1fr); max-width:1800px; margin:0 auto; }
        .col { display:flex; flex-direction:column; gap:1rem; min-width:0; }
        @media (min-width: 1200px) { main { grid-template-columns:minmax(0,7fr) minmax(0,5fr); }
          #col-b > #goal-view { position:sticky; top:4rem; max-height:calc(100vh - 5rem); overflow:auto; } }
        @media (max-width: 1199px) { body.has-goal #col-b { order:-1; } }
        section { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:.9rem; min-width:0; }
        .cards { list-style:none; margin:0; padding:0; display:grid; gap:.6rem; grid-template-columns:repeat(auto-fill,minmax(260px,1fr)); }
        .item { border:1px solid var(--line); border-left:5px solid var(--info); border-radius:6px; padding:.55rem .7rem; overflow-wrap:anywhere; }
        .item.sev-high { border-left-color:var(--high); } .item.sev-action { border-left-color:var(--action); }
        .item.sev-watch { border-left-color:var(--watch); }
        .item .action { margin-top:.35rem; }
        code { font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; background:var(--soft); border-radius:3px; padding:0 .2rem; overflow-wrap:anywhere; }
        .badge { display:inline-block; padding:.05rem .45rem; border-radius:999px; font-size:.75rem; font-weight:600;
          background:var(--soft); color:var(--ink); white-space:nowrap; }
        .badge.high, .badge.bad, .badge.stop { background:var(--high); color:var(--on-dark); }
        .badge.action, .badge.warn { background:var(--action); color:var(--on-dark); }
        .badge.watch { background:var(--watch); color:var(--on-dark); } .badge.good, .badge.go { background:var(--primary); color:var(--on-dark); }
        .count { font-size:.8rem; color:var(--muted); font-weight:normal; }
        .linkish { background:none; border:0; padding:0; color:var(--link); font:inherit; font-weight:600; text-decoration:underline; cursor:pointer; }
        .toolbar { display:flex; flex-wrap:wrap; gap:.4rem .8rem; align-items:center; justify-content:space-between; margin-bottom:.4rem; }
        .segmented { display:inline-flex; border:1px solid var(--line); border-radius:6px; overflow:hidden; }
        .segmented button { background:var(--card); color:var(--ink); border:0; border-right:1px solid var(--line); border-radius:0; padding:.25rem .6rem; font-size:.85rem; }
        .segmented button:last-child { border-right:0; }
        .segmented button[aria-pressed="true"] { background:var(--ink); color:var(--on-dark); }
        .legend { font-size:.8rem; color:var(--muted); display:flex; flex-wrap:wrap; gap:.3rem .9rem; margin:0 0 .5rem; align-items:center; }
        .swatch { display:inline-block; width:11px; height:11px; border-radius:2px; margin-right:.3rem; vertical-align:-1px; border:1px solid transparent; }
        .lane-row { display:grid; grid-template-columns:minmax(0,11rem) minmax(0,1fr); gap:.6rem; align-items:start; padding:.45rem 0; border-top:1px solid var(--line); }
        .lane-row:first-child { border-top:0; }
        .goal-view .lane-row { grid-template-columns:minmax(0,1fr); }
        @media (max-width: 640px) { .lane-row { grid-template-columns:minmax(0,1fr); } }
        .lane-name { font-weight:600; font-size:.9rem; overflow-wrap:anywhere; }
        .axis { position:relative; height:54px; border-bottom:1px solid var(--none-edge); margin:0 6px; }
        .spend-lane { position:relative; height:10px; margin:3px 6px 0; background:var(--soft); border-radius:2px; }
        .ticks { position:relative; height:18px; margin:0 6px; font-size:.72rem; color:var(--muted); }
        .tick { position:absolute; top:0; transform:translateX(-50%); white-space:nowrap; }
        .tick::before { content:""; position:absolute; left:50%; top:-4px; height:4px; border-left:1px solid var(--none-edge); }
        .gridline { position:absolute; top:0; bottom:0; border-left:1px dashed var(--line); }
        .run { position:absolute; bottom:0; width:9px; margin-left:-4px; padding:0; border-radius:2px; cursor:pointer;
          background:var(--none); border:2px solid var(--none-edge); }
        .run.o-primary_goal_outcome, .run-swatch.o-primary_goal_outcome { background:var(--primary); border-color:var(--primary); }
        .run.o-outcome_progress, .run-swatch.o-outcome_progress { background:var(--progress); border-color:var(--progress); }
        .run.o-surface_only, .run-swatch.o-surface_only { background:var(--surface); border-color:var(--surface); }
        .run.o-outcome_gap, .run-swatch.o-outcome_gap { background:var(--gap); border-color:var(--gap); }
        .run-swatch { background:var(--none); border:2px solid var(--none-edge); }
        .run.s-test_only { height:14px; } .run.s-single_surface { height:22px; } .run.s-multi_surface { height:32px; }
        .run.s-implementation { height:42px; } .run.s-unknown { height:10px; }
        .run.rewarded { box-shadow:0 0 0 2px var(--card), 0 0 0 4px var(--reward-edge); }
        .run .mark { position:absolute; left:50%; transform:translateX(-50%); bottom:calc(100% + 5px); font-size:10px; line-height:1; font-weight:700; }
        .run .mark.lesson { color:var(--lesson); } .run .mark.gate { color:var(--gate); }
        .spend { position:absolute; top:1px; width:4px; height:8px; margin-left:-2px; background:var(--spend); border-radius:1px; }
        .spend.voided { background:var(--card); border:1px solid var(--void-edge); }
        .run-detail { min-height:2.6rem; font-size:.85rem; margin-top:.5rem; padding:.35rem .5rem; background:var(--soft); border-radius:5px; overflow-wrap:anywhere; }
        .empty { color:var(--muted); font-style:italic; list-style:none; }
        ul.plain { margin:0; padding-left:1.1rem; } ul.plain li { margin:.2rem 0; overflow-wrap:anywhere; }
        .facts { display:grid; grid-template-columns:minmax(0,9.5rem) minmax(0,1fr); gap:.3rem .8rem; margin:0; font-size:.9rem; }
        .facts dt { color:var(--muted); } .facts dd { margin:0; overflow-wrap:anywhere; }
        @media (max-width: 640px) { .facts { grid-template-columns:minmax(0,6.5rem) minmax(0,1fr); } .tick.alt { visibility:hidden; } }
        .bar { display:inline-block; width:8rem; height:.6rem; background:var(--soft); border:1px solid var(--none-edge); border-radius:3px; vertical-align:middle; overflow:hidden; margin-right:.4rem; }
        .bar > span { display:block; height:100%; background:var(--spend); }
        .stage { border-top:1px solid var(--line); padding:.5rem 0; }
        .stage-head { display:flex; flex-wrap:wrap; gap:.3rem .6rem; align-items:baseline; }
        .stage-name { font-weight:600; } .rule-id { font-weight:600; }
        .fired, .miss { margin:.35rem 0 0 .6rem; padding-left:.6rem; border-left:3px solid var(--primary); font-size:.88rem; overflow-wrap:anywhere; }
        .misses-label { margin:.4rem 0 0 .6rem; font-size:.85rem; }
        .miss { border-left-color:var(--none-edge); }
        .prompt { font-style:italic; }
        .fact-values { margin:.2rem 0 0; padding-left:1rem; } .fact-values li { font-size:.85rem; }
        details > summary { cursor:pointer; color:var(--link); font-size:.85rem; margin-top:.3rem; }
        .layer { border-top:1px solid var(--line); padding:.4rem 0; font-size:.88rem; }
        .layer.broken { border-left:4px solid var(--high); padding-left:.5rem; }
        .error { color:var(--high); } .error-box { color:var(--high); white-space:pre-wrap; font:12.5px/1.4 ui-monospace,Menlo,Consolas,monospace; }
        form { display:grid; gap:.6rem; grid-template-columns:repeat(auto-fill,minmax(200px,1fr)); }
        label { display:flex; flex-direction:column; font-size:.8rem; color:var(--muted); gap:.2rem; }
        label.wide { grid-column:1 / -1; }
        input, select, button { font:inherit; font-size:.9rem; padding:.4rem .5rem; border:1px solid var(--none-edge);
          border-radius:5px; background:var(--card); color:var(--ink); min-width:0; }
        button { cursor:pointer; background:var(--ink); color:var(--on-dark); border-color:var(--ink); }
        button:disabled { background:var(--soft); color:var(--muted); border-color:var(--line); cursor:not-allowed; }
        .actions { display:flex; flex-wrap:wrap; gap:.5rem; grid-column:1 / -1; }
        #reward-result { margin-top:.6rem; font-size:.9rem; overflow-wrap:anywhere; }
        .preview { border:1px dashed var(--none-edge); border-radius:6px; padding:.6rem; background:var(--soft); }
        #load-error { padding:0 1rem; }
        """
}
