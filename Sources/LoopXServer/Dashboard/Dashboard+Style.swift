extension Dashboard {
    /// The page's CSS: system fonts only, one column at phone width, two from 900 px.
    static let style = """
        :root { --bg:#f6f7f9; --card:#fff; --ink:#1d2330; --muted:#5d6677; --line:#d9dde5;
          --high:#c62828; --action:#b26a00; --watch:#1f6fb2; --info:#5d6677;
          --primary:#1b7f3b; --progress:#5cb85c; --surface:#9aa5b5; --gap:#d9534f; --none:#e4e7ec; }
        * { box-sizing: border-box; }
        body { margin:0; font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; background:var(--bg); color:var(--ink); }
        .top { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; justify-content:space-between;
          padding:.75rem 1rem; background:var(--card); border-bottom:1px solid var(--line); position:sticky; top:0; z-index:1; }
        h1 { font-size:1.2rem; margin:0; } h2 { font-size:1.05rem; margin:0 0 .6rem; }
        .meta { display:flex; flex-wrap:wrap; gap:.5rem; align-items:center; font-size:.85rem; }
        .muted { color:var(--muted); font-weight:normal; }
        main { display:grid; gap:1rem; padding:1rem; grid-template-columns:minmax(0,1fr); max-width:1400px; margin:0 auto; }
        @media (min-width: 900px) { main { grid-template-columns:minmax(0,1fr) minmax(0,1fr); }
          #attention, #timeline, #reward { grid-column:1 / -1; } }
        section { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:.9rem; min-width:0; }
        .cards { list-style:none; margin:0; padding:0; display:grid; gap:.6rem;
          grid-template-columns:repeat(auto-fill,minmax(280px,1fr)); }
        .item { border:1px solid var(--line); border-left:5px solid var(--info); border-radius:6px; padding:.6rem .7rem; overflow-wrap:anywhere; }
        .item.sev-high { border-left-color:var(--high); } .item.sev-action { border-left-color:var(--action); }
        .item.sev-watch { border-left-color:var(--watch); }
        .item .goal { font-weight:600; } .item .action { margin-top:.35rem; }
        .badge { display:inline-block; padding:.05rem .45rem; border-radius:999px; font-size:.75rem; font-weight:600;
          background:var(--none); color:var(--ink); white-space:nowrap; }
        .badge.high, .badge.bad { background:var(--high); color:#fff; } .badge.action { background:var(--action); color:#fff; }
        .badge.watch { background:var(--watch); color:#fff; } .badge.good { background:var(--primary); color:#fff; }
        .count { font-size:.8rem; color:var(--muted); font-weight:normal; }
        .goal-row { display:grid; grid-template-columns:minmax(0,14rem) minmax(0,1fr); gap:.5rem; align-items:center;
          padding:.35rem 0; border-top:1px solid var(--line); }
        .goal-row:first-child { border-top:0; }
        @media (max-width: 560px) { .goal-row { grid-template-columns:minmax(0,1fr); } }
        .goal-name { overflow-wrap:anywhere; font-weight:600; font-size:.9rem; }
        .runs { display:flex; gap:4px; align-items:flex-end; min-height:40px; overflow-x:auto; padding:4px 3px; }
        .run { flex:0 0 auto; width:18px; border-radius:3px; background:var(--none); border:1px solid rgba(0,0,0,.15); }
        .run.o-primary_goal_outcome { background:var(--primary); } .run.o-outcome_progress { background:var(--progress); }
        .run.o-surface_only { background:var(--surface); } .run.o-outcome_gap { background:var(--gap); }
        .run.s-test_only { height:12px; } .run.s-single_surface { height:18px; } .run.s-multi_surface { height:26px; }
        .run.s-implementation { height:32px; } .run.s-unknown { height:10px; }
        .run.rewarded { outline:2px solid var(--ink); outline-offset:1px; }
        .legend { font-size:.8rem; color:var(--muted); display:flex; flex-wrap:wrap; gap:.3rem .8rem; margin:0 0 .5rem; }
        .swatch { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:.25rem; vertical-align:middle; }
        ul.plain { margin:0; padding-left:1.1rem; } ul.plain li { margin:.2rem 0; overflow-wrap:anywhere; }
        form { display:grid; gap:.6rem; grid-template-columns:repeat(auto-fill,minmax(200px,1fr)); }
        label { display:flex; flex-direction:column; font-size:.8rem; color:var(--muted); gap:.2rem; }
        label.wide { grid-column:1 / -1; }
        input, select, button { font:inherit; font-size:.9rem; padding:.4rem .5rem; border:1px solid var(--line);
          border-radius:5px; background:#fff; color:var(--ink); min-width:0; }
        button { cursor:pointer; background:var(--ink); color:#fff; border-color:var(--ink); }
        button:disabled { background:var(--none); color:var(--muted); border-color:var(--line); cursor:not-allowed; }
        .actions { display:flex; flex-wrap:wrap; gap:.5rem; grid-column:1 / -1; }
        #reward-result { margin-top:.6rem; font-size:.9rem; overflow-wrap:anywhere; }
        .preview { border:1px dashed var(--line); border-radius:6px; padding:.6rem; background:#fbfcfd; }
        .preview code { font-size:.85rem; }
        .error { color:var(--high); padding:0 1rem; }
        .empty { color:var(--muted); font-style:italic; list-style:none; }
        """
}
