extension Dashboard {
    /// The core of the page's script: loads `/status.json` and `/history.json` on an
    /// interval, follows `#goal=ID` in the address, and renders the attention queue, waivers
    /// and obligations. Everything is built as DOM nodes with `textContent` (never an HTML
    /// string), so text from runs and rules cannot inject markup. URL parameters:
    /// `refresh=SECONDS` (default 15), `window=24h|7d|30d` (default 7d).
    static let script = #"""
        "use strict";
        const params = new URLSearchParams(location.search);
        const refreshSeconds = Math.max(2, Number(params.get("refresh")) || 15);
        const OUTCOMES = ["primary_goal_outcome", "outcome_progress", "surface_only", "outcome_gap"];
        const SCALES = ["test_only", "single_surface", "multi_surface", "implementation"];
        const state = { status: null, history: null, window: ["24h", "7d", "30d"].includes(params.get("window")) ? params.get("window") : "7d",
          goal: null, decision: null, decisionError: null,
          api: { reward_dry_run_url: "/reward/dry-run", reward_append_url: null, reward_write_enabled: false } };

        const $ = (id) => document.getElementById(id);
        function el(tag, attrs, ...children) {
          const node = document.createElement(tag);
          for (const [k, v] of Object.entries(attrs || {})) {
            if (v === null || v === undefined || v === false) continue;
            if (k === "class") node.className = v; else if (k === "text") node.textContent = v; else node.setAttribute(k, v === true ? "" : v);
          }
          for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
          return node;
        }
        const str = (v) => (v === null || v === undefined) ? "" : (typeof v === "object" ? JSON.stringify(v) : String(v));
        const label = (v) => str(v).replace(/_/g, " ");
        function fill(list, nodes, emptyText) {
          list.replaceChildren(...nodes);
          if (!nodes.length) list.append(el("li", { class: "empty", text: emptyText }));
        }
        async function getJSON(url) {
          const res = await fetch(url, { cache: "no-store" });
          let data = {};
          try { data = await res.json(); } catch (e) { data = { ok: false, error: "HTTP " + res.status }; }
          return { status: res.status, data };
        }
        /// A button that opens a goal's view (keyboard reachable; the address follows).
        function goalLink(id, text) {
          const a = el("a", { href: "#goal=" + encodeURIComponent(id), class: "goal-link", "data-goal-link": id, text: text || id });
          return a;
        }

        async function load() {
          try {
            const [status, history] = await Promise.all([getJSON("/status.json"), getJSON("/history.json?window=" + state.window)]);
            if (history.status !== 200) throw new Error(history.data.error || ("HTTP " + history.status));
            state.history = history.data;
            if (status.status !== 200) { renderHistory(); throw new Error(status.data.error || ("HTTP " + status.status)); }
            state.status = status.data;
            if (status.data.local_dashboard_api) state.api = status.data.local_dashboard_api;
            renderOverview();
            $("load-error").hidden = true;
            $("refreshed").textContent = "last refreshed " + new Date().toLocaleTimeString() + " · every " + refreshSeconds + " s";
            document.body.dataset.loaded = "true";
            afterLoad();
          } catch (err) {
            $("load-error").hidden = false;
            $("load-error").textContent = "Could not load the status: " + err.message;
            $("refreshed").textContent = "refresh failed at " + new Date().toLocaleTimeString();
          }
          // The goal view loads even when the status does not (a broken rule layer fails the
          // status; the goal view then shows which layer and why).
          if (state.goal) await loadGoal(); else renderGoalView();
        }

        function renderOverview() {
          const data = state.status;
          const overall = $("overall");
          overall.textContent = data.ok ? "ok" : "needs attention";
          overall.className = "badge " + (data.ok ? "good" : "bad");
          renderAttention(data.attention_queue || {});
          renderHistory();
          renderList($("waivers"), data.waivers, "no active waivers", (w) =>
            [w.rule || w.rule_id || w.id, w.goal_id && ("goal " + w.goal_id), w.reason, w.expires && ("expires " + w.expires)]);
          renderList($("lapsed"), data.lapsed_obligations, "no lapsed obligations", (o) =>
            [o.goal_id, o.kind || o.obligation, o.issued_at && ("issued " + o.issued_at), o.reason || o.detail]);
          renderRewardChoices();
        }

        function renderAttention(queue) {
          const items = queue.items || [];
          $("attention-count").textContent = "(" + items.length + ")";
          const counters = [["needs_user_or_controller", "user/controller"], ["needs_controller", "controller"],
            ["needs_codex", "codex"], ["watching_external_evidence", "external evidence"]]
            .filter(([k]) => queue[k] !== undefined).map(([k, name]) => name + ": " + queue[k]);
          $("counters").textContent = counters.join(" · ");
          fill($("attention-items"), items.map((item) => el("li", { class: "item sev-" + str(item.severity), "data-goal": str(item.goal_id) },
            el("div", {},
              el("span", { class: "badge " + str(item.severity), text: str(item.severity) || "info" }), " ",
              item.goal_id ? goalLink(str(item.goal_id)) : el("strong", { text: "(all goals)" })),
            el("div", { class: "muted", text: label(item.status) + " · waiting on " + (str(item.waiting_on) || "nobody") }),
            el("div", { class: "action" }, "→ ", markdown(str(item.recommended_action) || "no action given")))),
            "nothing needs attention");
        }

        function renderList(list, entries, emptyText, parts) {
          const arr = Array.isArray(entries) ? entries : (entries && Array.isArray(entries.items) ? entries.items : []);
          fill(list, arr.map((e) => el("li", { text: (typeof e === "object" ? parts(e).filter(Boolean).map(str).join(" · ") : str(e)) || str(e) })), emptyText);
        }

        function goalFromHash() {
          const match = /^#goal=(.+)$/.exec(location.hash);
          return match ? decodeURIComponent(match[1]) : null;
        }
        async function followHash() {
          const goal = goalFromHash();
          if (goal === state.goal) return;
          state.goal = goal;
          state.decision = null;
          document.body.classList.toggle("has-goal", !!goal);
          if (!goal) { renderGoalView(); return; }
          renderGoalView();
          await loadGoal();
          $("goal-view").focus({ preventScroll: window.innerWidth >= 1200 });
        }

        function setWindow(name) {
          state.window = name;
          for (const b of $("window-buttons").querySelectorAll("button")) b.setAttribute("aria-pressed", String(b.dataset.window === name));
          load();
        }

        function start() {
          for (const b of $("window-buttons").querySelectorAll("button")) {
            b.setAttribute("aria-pressed", String(b.dataset.window === state.window));
            b.addEventListener("click", () => setWindow(b.dataset.window));
          }
          $("refresh-now").addEventListener("click", load);
          window.addEventListener("hashchange", followHash);
          bindReward();
          state.goal = goalFromHash();
          document.body.classList.toggle("has-goal", !!state.goal);
          renderGoalView();
          load();
          setInterval(load, refreshSeconds * 1000);
        }
        """#
}
