extension Dashboard {
    /// The history on a time axis (from `/history.json`): per goal, its runs placed by time
    /// over the chosen window with hour or day ticks (UTC), coloured by delivery outcome,
    /// sized by delivery scale, marked for rewards, lessons and operator gates, and a thin
    /// lane of quota spends and voids below. Runs are buttons: arrow keys move between them,
    /// hover or focus shows the run in the detail box.
    static let timelineScript = #"""
        const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        const HOUR = 3600 * 1000, DAY = 24 * HOUR;
        const windowLabel = (name) => str(name).replace(/^(\d+)([hd])$/, "$1 $2");
        const pad2 = (n) => String(n).padStart(2, "0");
        const dayLabel = (d) => d.getUTCDate() + " " + MONTHS[d.getUTCMonth()];
        const timeLabel = (t) => { const d = new Date(t); return dayLabel(d) + " " + pad2(d.getUTCHours()) + ":" + pad2(d.getUTCMinutes()) + " UTC"; };

        /// Tick instants and labels for a window: every 3 hours over a day, every day over a
        /// week, every 3 days over a month; aligned to whole UTC hours and days. Every other
        /// tick is `alt` (its label is hidden at phone width).
        function axisTicks(since, until) {
          const span = until - since;
          const step = span <= DAY + 1 ? 3 * HOUR : (span <= 8 * DAY ? DAY : 3 * DAY);
          const ticks = [];
          let t = Math.ceil(since / step) * step;
          for (; t <= until; t += step) {
            const d = new Date(t);
            const midnight = d.getUTCHours() === 0;
            ticks.push({ t, text: step < DAY && !midnight ? pad2(d.getUTCHours()) + ":00" : dayLabel(d), major: midnight, alt: ticks.length % 2 === 1 });
          }
          return ticks;
        }

        function renderLegend() {
          const legend = $("legend");
          if (legend.childElementCount) return;
          for (const o of OUTCOMES.concat(["none"])) {
            legend.append(el("span", { class: "legend-item", "data-outcome": o }, el("span", { class: "swatch run-swatch o-" + o }), label(o)));
          }
          legend.append(el("span", { text: "height = scale (" + SCALES.map(label).join(" < ") + ")" }));
          legend.append(el("span", {}, el("span", { class: "swatch", style: "box-shadow:0 0 0 2px var(--reward-edge)" }), "rewarded"));
          legend.append(el("span", { text: "L = lesson · ◆ = operator gate" }));
          legend.append(el("span", {}, el("span", { class: "swatch", style: "background:var(--spend)" }), "slot spent"));
          legend.append(el("span", {}, el("span", { class: "swatch", style: "border-color:var(--void-edge)" }), "slot voided"));
        }

        function runText(run) {
          const reward = run.human_reward ? " · reward " + str(run.human_reward.reward) + (run.human_reward.lesson ? " (lesson)" : "") : "";
          const gate = run.operator_gate ? " · operator gate " + str(run.operator_gate.decision) : "";
          return timeLabel(Date.parse(run.generated_at)) + " · " + label(run.classification) + " · " +
            label(run.delivery_outcome || "none") + " · " + label(run.delivery_batch_scale || "unknown") + reward + gate;
        }

        function showRun(box, goalID, run) {
          const parts = [el("div", {}, el("strong", { text: goalID }), " · ", runText(run))];
          parts.push(el("div", {}, "→ ", markdown(str(run.recommended_action) || "no recommended action")));
          if (run.human_reward) {
            parts.push(el("div", { class: "muted", text: "reward " + str(run.human_reward.reward) + " for " + label(run.human_reward.decision) +
              (run.human_reward.reason_summary ? ": " + str(run.human_reward.reason_summary) : "") }));
          }
          box.replaceChildren(...parts);
        }

        /// One goal's lane: the axis with its runs, the spend lane and the tick labels.
        function timelineLane(goal, since, until, detailBox) {
          const span = Math.max(1, until - since);
          const pct = (t) => (Math.min(Math.max(t - since, 0), span) / span * 100).toFixed(3) + "%";
          const ticks = axisTicks(since, until);
          const axis = el("div", { class: "axis", role: "group", "aria-label": "runs of " + goal.id + " by time" });
          for (const tick of ticks) axis.append(el("span", { class: "gridline", style: "left:" + pct(tick.t) }));
          const runs = (goal.runs || []).map((run) => ({ run, t: Date.parse(run.generated_at) })).filter((r) => !Number.isNaN(r.t));
          runs.sort((a, b) => a.t - b.t);
          const buttons = runs.map(({ run, t }, index) => {
            const outcome = OUTCOMES.includes(run.delivery_outcome) ? run.delivery_outcome : "none";
            const scale = SCALES.includes(run.delivery_batch_scale) ? run.delivery_batch_scale : "unknown";
            const classes = ["run", "o-" + outcome, "s-" + scale];
            if (run.human_reward) classes.push("rewarded");
            if (run.human_reward && run.human_reward.lesson) classes.push("lesson");
            if (run.operator_gate) classes.push("gate");
            const button = el("button", { type: "button", class: classes.join(" "), style: "left:" + pct(t), "data-t": String(t),
              "data-generated-at": str(run.generated_at), tabindex: index === runs.length - 1 ? "0" : "-1",
              "aria-label": runText(run), title: runText(run) });
            if (run.human_reward && run.human_reward.lesson) button.append(el("span", { class: "mark lesson", "aria-hidden": "true", text: "L" }));
            else if (run.operator_gate) button.append(el("span", { class: "mark gate", "aria-hidden": "true", text: "◆" }));
            const show = () => showRun(detailBox, goal.id, run);
            button.addEventListener("mouseenter", show);
            button.addEventListener("focus", show);
            button.addEventListener("keydown", (e) => {
              const step = e.key === "ArrowRight" ? 1 : (e.key === "ArrowLeft" ? -1 : 0);
              if (!step) return;
              const next = buttons[index + step];
              if (!next) return;
              e.preventDefault();
              button.tabIndex = -1; next.tabIndex = 0; next.focus();
            });
            return button;
          });
          axis.append(...buttons);
          if (!runs.length) axis.append(el("span", { class: "muted", style: "position:absolute;left:0;bottom:4px;font-size:.8rem", text: "no runs in this window" }));
          const lane = el("div", { class: "spend-lane", "aria-label": "quota spends and voids" });
          for (const spend of goal.spends || []) {
            const t = Date.parse(spend.generated_at);
            if (Number.isNaN(t)) continue;
            const voided = spend.kind === "quota_slot_voided";
            const text = (voided ? "voided " : "spent ") + str(spend.slots) + " slot(s) at " + timeLabel(t);
            lane.append(el("span", { class: "spend" + (voided ? " voided" : ""), style: "left:" + pct(t), title: text, role: "img", "aria-label": text }));
          }
          const labels = el("div", { class: "ticks", "aria-hidden": "true" },
            ...ticks.map((tick) => el("span", { class: "tick" + (tick.major ? " major" : "") + (tick.alt ? " alt" : ""), style: "left:" + pct(tick.t), "data-t": String(tick.t), text: tick.text })));
          return el("div", { class: "lane" }, axis, lane, labels);
        }

        function renderHistory() {
          renderLegend();
          const history = state.history || { goals: [] };
          const since = Date.parse(history.since), until = Date.parse(history.now);
          const rows = (history.goals || []).map((goal) => {
            const count = (goal.runs || []).length;
            return el("div", { class: "lane-row", "data-goal": str(goal.id) },
              el("div", { class: "lane-name" }, goalLink(str(goal.id)),
                el("div", { class: "muted", text: count + " run" + (count === 1 ? "" : "s") + (goal.truncated ? " (newest " + count + " shown)" : "") })),
              timelineLane(goal, since, until, $("run-detail")));
          });
          $("timeline-goals").replaceChildren(...rows);
          if (!rows.length) $("timeline-goals").append(el("p", { class: "empty", text: "no goals" }));
          $("timeline-title").textContent = "Run history · last " + windowLabel(history.window || state.window);
        }
        """#
}
