extension Dashboard {
    /// The page's script: loads `/status.json` on an interval, renders it with DOM nodes (never
    /// HTML strings, so payload text cannot inject markup) and runs the reward dry-run/append.
    /// URL parameters: `refresh=SECONDS` (default 15); `preview=1` with `goal`, `decision`,
    /// `reward`, `reason` fills the reward form and runs the dry run after the first load.
    static let script = #"""
        "use strict";
        const params = new URLSearchParams(location.search);
        const refreshSeconds = Math.max(2, Number(params.get("refresh")) || 15);
        const OUTCOMES = ["primary_goal_outcome", "outcome_progress", "surface_only", "outcome_gap"];
        const SCALES = ["test_only", "single_surface", "multi_surface", "implementation"];
        let latest = null, api = { reward_dry_run_url: "/reward/dry-run", reward_append_url: null, reward_write_enabled: false };
        let pendingPreview = null, autoPreviewDone = false;

        const $ = (id) => document.getElementById(id);
        function el(tag, attrs, ...children) {
          const node = document.createElement(tag);
          for (const [k, v] of Object.entries(attrs || {})) {
            if (k === "class") node.className = v; else if (k === "text") node.textContent = v; else node.setAttribute(k, v);
          }
          for (const c of children) if (c != null) node.append(c);
          return node;
        }
        const str = (v) => (v === null || v === undefined) ? "" : (typeof v === "object" ? JSON.stringify(v) : String(v));
        function fill(list, nodes, emptyText) {
          list.replaceChildren(...nodes);
          if (!nodes.length) list.append(el("li", { class: "empty", text: emptyText }));
        }

        async function load() {
          try {
            const res = await fetch("/status.json", { cache: "no-store" });
            const data = await res.json();
            if (!res.ok) throw new Error(data.error || ("HTTP " + res.status));
            latest = data;
            if (data.local_dashboard_api) api = data.local_dashboard_api;
            render(data);
            $("load-error").hidden = true;
            $("refreshed").textContent = "last refreshed " + new Date().toLocaleTimeString() + " · every " + refreshSeconds + " s";
            maybeAutoPreview();
          } catch (err) {
            $("load-error").hidden = false;
            $("load-error").textContent = "Could not load /status.json: " + err.message;
            $("refreshed").textContent = "refresh failed at " + new Date().toLocaleTimeString();
          }
        }

        function render(data) {
          const overall = $("overall");
          overall.textContent = data.ok ? "ok" : "needs attention";
          overall.className = "badge " + (data.ok ? "good" : "bad");
          renderAttention(data.attention_queue || {});
          renderTimeline((data.run_history || {}).goals || []);
          renderList($("waivers"), data.waivers, "no active waivers", (w) =>
            [w.rule || w.rule_id || w.id, w.goal_id && ("goal " + w.goal_id), w.reason, w.expires && ("expires " + w.expires)]);
          renderList($("lapsed"), data.lapsed_obligations, "no lapsed obligations", (o) =>
            [o.goal_id, o.kind || o.obligation, o.issued_at && ("issued " + o.issued_at), o.reason || o.detail]);
          renderRewardChoices((data.run_history || {}).goals || []);
          $("write-mode").textContent = api.reward_write_enabled
            ? "The write API is on: a confirmed preview can be appended to the run history."
            : "The write API is off (start serve-status with --enable-reward-write-api to append); dry runs still work.";
        }

        function renderAttention(queue) {
          const items = queue.items || [];
          $("attention-count").textContent = "(" + items.length + ")";
          const counters = [["needs_user_or_controller", "user/controller"], ["needs_controller", "controller"],
            ["needs_codex", "codex"], ["watching_external_evidence", "external evidence"]]
            .filter(([k]) => queue[k] !== undefined).map(([k, label]) => label + ": " + queue[k]);
          $("counters").textContent = counters.join(" · ");
          fill($("attention-items"), items.map((item) => el("li", { class: "item sev-" + str(item.severity), "data-goal": str(item.goal_id) },
            el("div", {},
              el("span", { class: "badge " + str(item.severity), text: str(item.severity) || "info" }), " ",
              el("span", { class: "goal", text: str(item.goal_id) || "(all goals)" })),
            el("div", { class: "muted", text: str(item.status) + " · waiting on " + (str(item.waiting_on) || "nobody") }),
            el("div", { class: "action", text: "→ " + (str(item.recommended_action) || "no action given") }))),
            "nothing needs attention");
        }

        function renderTimeline(goals) {
          const legend = $("legend");
          if (!legend.childElementCount) {
            for (const o of OUTCOMES) legend.append(el("span", {}, el("span", { class: "swatch run o-" + o }), o.replace(/_/g, " ")));
            legend.append(el("span", { text: "height = scale (" + SCALES.join(" < ").replace(/_/g, " ") + "); outlined = rewarded" }));
          }
          const rows = goals.map((goal) => {
            const runs = (goal.latest_runs || []).slice().reverse();
            const strip = el("div", { class: "runs", role: "list" });
            for (const run of runs) {
              const outcome = run.delivery_outcome || "none", scale = run.delivery_batch_scale || "unknown";
              const reward = run.human_reward ? " · reward " + run.human_reward.reward : "";
              strip.append(el("span", {
                class: "run o-" + outcome + " s-" + scale + (run.human_reward ? " rewarded" : ""), role: "listitem",
                title: str(run.generated_at) + " · " + str(run.classification) + " · " + outcome + " · " + scale + reward,
                "aria-label": str(run.generated_at) + " " + outcome }));
            }
            if (!runs.length) strip.append(el("span", { class: "muted", text: "no runs yet" }));
            return el("div", { class: "goal-row", "data-goal": str(goal.id) },
              el("div", { class: "goal-name", text: str(goal.id) + " (" + (goal.raw_index_records ?? runs.length) + ")" }), strip);
          });
          $("timeline-goals").replaceChildren(...rows);
          if (!rows.length) $("timeline-goals").append(el("p", { class: "empty", text: "no run history" }));
        }

        function renderList(list, entries, emptyText, parts) {
          const arr = Array.isArray(entries) ? entries : (entries && Array.isArray(entries.items) ? entries.items : []);
          fill(list, arr.map((e) => el("li", { text: (typeof e === "object" ? parts(e).filter(Boolean).map(str).join(" · ") : str(e)) || str(e) })), emptyText);
        }

        function renderRewardChoices(goals) {
          const goalSelect = $("reward-goal"), chosen = goalSelect.value;
          goalSelect.replaceChildren(...goals.map((g) => el("option", { value: str(g.id), text: str(g.id) })));
          if (chosen && goals.some((g) => g.id === chosen)) goalSelect.value = chosen;
          renderRunChoices();
        }
        function renderRunChoices() {
          const goal = ((latest && latest.run_history && latest.run_history.goals) || []).find((g) => g.id === $("reward-goal").value);
          const runSelect = $("reward-run"), chosen = runSelect.value;
          runSelect.replaceChildren(el("option", { value: "", text: "newest run" }),
            ...((goal && goal.latest_runs) || []).map((r) => el("option", { value: str(r.generated_at), text: str(r.generated_at) + " " + str(r.classification) })));
          if ([...runSelect.options].some((o) => o.value === chosen)) runSelect.value = chosen;
        }

        function formBody() {
          const body = { goal_id: $("reward-goal").value, reward: $("reward-value").value,
            decision: $("reward-decision").value.trim(), reason_summary: $("reward-reason").value.trim() };
          if ($("reward-run").value) body.run_generated_at = $("reward-run").value;
          if ($("reward-follow").value.trim()) body.follow_up = $("reward-follow").value.trim();
          return body;
        }
        async function post(url, body) {
          const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
          let data = {};
          try { data = await res.json(); } catch (e) { data = { ok: false, error: "HTTP " + res.status }; }
          return { status: res.status, data };
        }

        async function preview() {
          pendingPreview = null;
          $("reward-append").disabled = true;
          const body = formBody();
          const { status, data } = await post(api.reward_dry_run_url || "/reward/dry-run", body);
          const box = $("reward-result");
          if (status !== 200) { box.replaceChildren(el("p", { class: "error", id: "reward-error", text: data.error + (data.hint ? " (" + data.hint + ")" : "") })); return; }
          pendingPreview = { body, data };
          const run = data.selected_run || {}, reward = data.human_reward || {};
          box.replaceChildren(el("div", { class: "preview", id: "reward-preview-box", "data-preview-id": str(data.preview_id) },
            el("div", {}, "preview ", el("code", { id: "preview-id", text: str(data.preview_id) })),
            el("div", { text: "run " + str(run.generated_at) + " · " + str(run.classification) }),
            el("div", { text: "reward " + str(reward.reward) + " · decision " + str(reward.decision) + " · recorded " + str(reward.recorded_at) }),
            el("div", { text: "index rows before: " + str(data.raw_index_records_before) }),
            el("p", { class: "muted", text: str(data.active_state_summary) })));
          $("reward-append").disabled = !(api.reward_write_enabled && api.reward_append_url);
        }

        async function append() {
          if (!pendingPreview) return;
          const { body, data } = pendingPreview;
          const confirmBody = Object.assign({}, body, { preview_id: data.preview_id,
            run_generated_at: (data.selected_run || {}).generated_at, recorded_at: (data.human_reward || {}).recorded_at });
          $("reward-append").disabled = true;
          const res = await post(api.reward_append_url, confirmBody);
          const text = res.status === 200 ? (res.data.appended ? "appended to the run history" : "already recorded; nothing appended")
            : (res.status === 409 ? "the preview is stale; preview again" : res.data.error);
          $("reward-result").append(el("p", { id: "append-result", class: res.status === 200 ? "" : "error", text }));
          pendingPreview = null;
          load();
        }

        function maybeAutoPreview() {
          if (autoPreviewDone || params.get("preview") !== "1") return;
          autoPreviewDone = true;
          if (params.get("goal")) { $("reward-goal").value = params.get("goal"); renderRunChoices(); }
          $("reward-decision").value = params.get("decision") || "continue_route";
          $("reward-value").value = params.get("reward") || "positive";
          $("reward-reason").value = params.get("reason") || "dashboard preview check";
          preview();
        }

        $("reward-goal").addEventListener("change", renderRunChoices);
        $("reward-form").addEventListener("submit", (e) => { e.preventDefault(); preview(); });
        $("reward-append").addEventListener("click", append);
        $("refresh-now").addEventListener("click", load);
        load();
        setInterval(load, refreshSeconds * 1000);
        """#
}
