extension Dashboard {
    /// The goal view (`#goal=ID`): `GET /goals/{id}/decision` read as a person reads it — the
    /// decision, recommended action, heartbeat mode, obligation and its status, the quota as a
    /// bar, the delivery contract and outcome-floor streaks — then the decision trace (per
    /// stage the deciding rule with its description and prompt, and the near misses: rules
    /// that would have decided, with the false condition and the fact values), the goal's
    /// runs on the time axis, and the rule layers in force.
    static let goalViewScript = #"""
        async function loadGoal() {
          const goal = state.goal;
          if (!goal) return;
          const { status, data } = await getJSON("/goals/" + encodeURIComponent(goal) + "/decision");
          if (goal !== state.goal) return;
          state.decision = data;
          state.decisionError = status === 200 ? null : (str(data.error) || ("HTTP " + status));
          renderGoalView();
        }

        function fact(term, ...value) { return [el("dt", { text: term }), el("dd", {}, ...value)]; }
        function quotaBar(quota) {
          const spent = Number(quota.spent_slots) || 0, allowed = Number(quota.allowed_slots) || 0;
          const share = allowed > 0 ? Math.min(1, spent / allowed) : (spent > 0 ? 1 : 0);
          return el("span", {},
            el("span", { class: "bar", role: "img", "aria-label": spent + " of " + allowed + " slots spent" },
              el("span", { style: "width:" + (share * 100).toFixed(1) + "%" })),
            spent + " / " + allowed + " slots in " + str(quota.window_hours ?? 24) + " h");
        }

        /// The near misses of a stage: for first-match, the rules before the decider that did
        /// not fire (any of them would have decided); for all-matches, every rule that did not.
        /// Each carries the engine's why: the first false conjunct and the facts it read.
        function nearMisses(stage) {
          const evaluated = stage.evaluated || [];
          const decided = new Set((stage.rules || []).map((r) => r.id));
          let candidates = evaluated;
          if (stage.mode === "first_match" && decided.size) {
            const at = evaluated.findIndex((r) => decided.has(r.id));
            candidates = at >= 0 ? evaluated.slice(0, at) : evaluated;
          }
          // Nearest first: the rules evaluated just before the decider.
          return candidates.filter((r) => r.outcome === "not_fired" && r.why && r.why.conjunct).reverse();
        }

        function factList(facts) {
          const entries = Object.entries(facts || {});
          if (!entries.length) return null;
          return el("ul", { class: "fact-values" }, ...entries.map(([path, value]) =>
            el("li", {}, el("code", { text: path }), " = ", el("code", { class: "fact-value", text: JSON.stringify(value) }))));
        }

        function ruleBlock(kind, ref, details, extra) {
          const d = details.get(ref.id) || {};
          const block = el("div", { class: kind === "fired" ? "fired" : "miss", "data-rule": ref.id, "data-kind": kind },
            el("div", {}, el("span", { class: "rule-id", text: ref.id }), " ",
              el("span", { class: "muted", text: label(ref.layer) + " · " + str(ref.source) })));
          if (d.name) block.append(el("div", { text: d.name }));
          if (d.description) block.append(el("div", { class: "muted" }, markdown(str(d.description))));
          if (kind === "fired" && d.prompt) block.append(el("div", { class: "prompt" }, "prompt: ", markdown(str(d.prompt))));
          if (extra) block.append(...extra);
          return block;
        }

        function traceSection(data, details) {
          const wrap = el("div", { id: "decision-trace" }, el("h3", { text: "Why: the decision trace" }));
          for (const stage of data.rule_trace || []) {
            const decided = stage.rules || [];
            const misses = nearMisses(stage);
            const head = el("div", { class: "stage-head" },
              el("span", { class: "stage-name", text: label(stage.stage) }),
              el("span", { class: "muted", text: label(stage.mode) }),
              el("span", { class: "muted", text: decided.length ? "decided by " + decided.map((r) => r.id).join(", ")
                : (stage.mode === "first_match" ? "defaults applied" : "no rule matched") }));
            const box = el("div", { class: "stage", "data-stage": str(stage.stage) }, head);
            for (const ref of decided) box.append(ruleBlock("fired", ref, details));
            const missBlocks = misses.map((miss) => ruleBlock("near-miss", miss, details,
              [el("div", {}, "false: ", el("code", { class: "conjunct", text: str(miss.why.conjunct) })), factList(miss.why.facts)]));
            const shown = missBlocks.slice(0, 2), rest = missBlocks.slice(2);
            if (shown.length) box.append(el("div", { class: "muted misses-label", text: "near misses (" + missBlocks.length + "), nearest first:" }), ...shown);
            if (rest.length) box.append(el("details", {}, el("summary", { text: rest.length + " more near misses" }), ...rest));
            for (const error of stage.rule_errors || []) box.append(el("div", { class: "error", text: "rule error " + str(error.id) + ": " + str(error.error) }));
            wrap.append(box);
          }
          return wrap;
        }

        function layersSection(panel) {
          const wrap = el("div", { id: "rule-layers" }, el("h3", { text: "Rule layers in force" }));
          if (!panel) return wrap;
          if (panel.error) wrap.append(el("p", { class: "error", text: str(panel.error) }));
          for (const layer of panel.layers || []) {
            const broken = (layer.errors || []).length > 0;
            const row = el("div", { class: "layer" + (broken ? " broken" : ""), "data-layer": str(layer.kind) },
              el("div", {}, el("strong", { text: layer.kind === "cli" ? "--rules" : str(layer.kind) }), " ",
                el("code", { title: "digest of the layer's files", text: str(layer.digest) }), " ",
                el("span", { class: "muted", text: (layer.files || []).length + " file(s)" })));
            if (broken) row.append(el("div", { class: "error", text: "this layer does not load:" }),
              ...layer.errors.map((e) => el("div", { class: "error-box", text: str(e) })));
            for (const w of layer.warnings || []) row.append(el("div", { class: "muted", text: "warning: " + str(w) }));
            row.append(el("details", {}, el("summary", { text: "files" }),
              el("ul", { class: "plain" }, ...(layer.files || []).map((f) => el("li", {}, el("code", { text: str(f.path) }), " ", el("span", { class: "muted", text: str(f.digest) }))))));
            wrap.append(row);
          }
          for (const p of panel.other_problems || []) wrap.append(el("div", { class: "error-box", text: str(p) }));
          const waivers = panel.waivers || [];
          wrap.append(el("h3", { text: "Active waivers" }));
          wrap.append(waivers.length
            ? el("ul", { class: "plain" }, ...waivers.map((w) => el("li", {}, el("code", { text: str(w.rule) }), " until " + str(w.expires) + " — " + str(w.reason) + " (" + str(w.source) + ")")))
            : el("p", { class: "muted", text: "none" }));
          return wrap;
        }

        function summarySection(data) {
          const quota = data.quota || {}, hb = data.heartbeat_recommendation || {}, ob = data.execution_obligation || {};
          const recorded = data.recorded_obligation || {};
          const contract = data.handoff_delivery_contract;
          const decision = str(data.decision) || (data.should_run ? "run" : "skip");
          const dl = el("dl", { class: "facts", id: "decision-summary" });
          dl.append(...fact("decision", el("span", { class: "badge " + (data.should_run ? "go" : "stop"), id: "decision-value", text: decision }),
            " ", el("span", { class: "muted", text: "should_run: " + str(data.should_run) })));
          dl.append(...fact("recommended action", el("span", { id: "recommended-action" }, markdown(str(data.recommended_action) || "none"))));
          dl.append(...fact("effective action", el("code", { id: "effective-action", text: str(data.effective_action) || "none" })));
          if (data.reason) dl.append(...fact("why", markdown(str(data.reason))));
          if (data.agent_command) dl.append(...fact("agent command", el("code", { text: str(data.agent_command) })));
          if (data.operator_question) dl.append(...fact("operator question", markdown(str(data.operator_question))));
          dl.append(...fact("heartbeat", el("code", { text: str(hb.recommended_mode) || "?" }), hb.notify ? " · notify " + str(hb.notify) : ""));
          dl.append(...fact("obligation", ob.must_attempt_work ? "must attempt work" : "no work owed",
            ob.kind ? el("span", {}, " · ", el("code", { text: str(ob.kind) })) : "",
            " · recorded: " + (recorded.exists ? str(recorded.status) + " (issued " + str(recorded.issued_at) + ")" : "none")));
          dl.append(...fact("quota", el("span", {}, el("code", { text: str(quota.state) || "?" }), " "), quotaBar(quota)));
          dl.append(...fact("delivery contract", contract ? el("span", {}, el("code", { text: str(contract.mode) }), " ", markdown(str(contract.summary))) : "none"));
          const streak = (value, threshold) => str(value ?? 0) + (threshold !== undefined ? " of " + str(threshold) : "");
          dl.append(...fact("outcome floor", el("span", { id: "outcome-floor" },
            "small-scale streak " + streak(quota.post_handoff_small_scale_streak, quota.small_scale_threshold) +
            " · outcome-gap streak " + streak(quota.post_handoff_outcome_gap_streak, quota.outcome_gap_threshold) +
            (quota.rule_id ? " · " : ""), quota.rule_id ? el("code", { text: str(quota.rule_id) }) : "")));
          if (data.waiting_on) dl.append(...fact("waiting on", str(data.waiting_on)));
          for (const w of data.warnings || []) dl.append(...fact("warning", markdown(str(w.message || w.warning))));
          if (data.error) dl.append(...fact("error", el("span", { class: "error", text: str(data.error) })));
          return dl;
        }

        function renderGoalView() {
          const body = $("goal-body"), title = $("goal-title");
          if (!state.goal) {
            title.textContent = "Goal view";
            const goals = ((state.history || {}).goals || []).map((g) => el("li", {}, goalLink(str(g.id))));
            body.replaceChildren(el("p", { class: "muted", text: "Choose a goal to see why it is in the state it is in." }),
              el("ul", { class: "plain" }, ...goals));
            return;
          }
          title.replaceChildren("Goal ", el("span", { id: "goal-id", text: state.goal }), " ", el("a", { href: "#", class: "count", text: "close" }));
          const data = state.decision;
          if (!data) { body.replaceChildren(el("p", { class: "muted", text: "loading the decision…" })); return; }
          const parts = [];
          if (state.decisionError) parts.push(el("p", { class: "error", id: "decision-error", text: state.decisionError }));
          else {
            const details = new Map((data.rule_details || []).map((d) => [d.id, d]));
            parts.push(el("p", { class: "muted", text: "Decided now from the goal's files, without recording anything." }), summarySection(data));
            const goal = ((state.history || {}).goals || []).find((g) => g.id === state.goal);
            if (goal && state.history) {
              const detail = el("div", { class: "run-detail", "aria-live": "polite", text: "Hover or focus a run to see it here." });
              parts.push(el("h3", { text: "Runs · last " + windowLabel(state.history.window) }),
                el("div", { class: "lane-row", "data-goal": state.goal },
                  timelineLane(goal, Date.parse(state.history.since), Date.parse(state.history.now), detail)), detail);
            }
            parts.push(traceSection(data, details));
          }
          parts.push(layersSection(data.rule_layers));
          body.replaceChildren(...parts);
        }
        """#
}
