extension Dashboard {
    /// The reward form: dry run (`POST /reward/dry-run`) shows the preview; "Append" confirms
    /// exactly that preview (`POST /reward/append`, write API only; 409 means stale).
    /// `preview=1` with `goal`, `decision`, `reward`, `reason` fills the form and runs the dry
    /// run after the first load.
    static let rewardScript = #"""
        let pendingPreview = null, autoPreviewDone = false;

        function rewardGoals() { return ((state.status && state.status.run_history) || {}).goals || []; }
        function renderRewardChoices() {
          const goals = rewardGoals();
          const goalSelect = $("reward-goal"), chosen = goalSelect.value || state.goal;
          goalSelect.replaceChildren(...goals.map((g) => el("option", { value: str(g.id), text: str(g.id) })));
          if (chosen && goals.some((g) => g.id === chosen)) goalSelect.value = chosen;
          renderRunChoices();
          $("write-mode").textContent = state.api.reward_write_enabled
            ? "The write API is on: a confirmed preview can be appended to the run history."
            : "The write API is off (start serve-status with --enable-reward-write-api to append); dry runs still work.";
        }
        function renderRunChoices() {
          const goal = rewardGoals().find((g) => g.id === $("reward-goal").value);
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
          const { status, data } = await post(state.api.reward_dry_run_url || "/reward/dry-run", body);
          const box = $("reward-result");
          if (status !== 200) { box.replaceChildren(el("p", { class: "error", id: "reward-error", text: str(data.error) + (data.hint ? " (" + data.hint + ")" : "") })); return; }
          pendingPreview = { body, data };
          const run = data.selected_run || {}, reward = data.human_reward || {};
          box.replaceChildren(el("div", { class: "preview", id: "reward-preview-box", "data-preview-id": str(data.preview_id) },
            el("div", {}, "preview ", el("code", { id: "preview-id", text: str(data.preview_id) })),
            el("div", { text: "run " + str(run.generated_at) + " · " + str(run.classification) }),
            el("div", { text: "reward " + str(reward.reward) + " · decision " + str(reward.decision) + " · recorded " + str(reward.recorded_at) }),
            el("div", { text: "index rows before: " + str(data.raw_index_records_before) }),
            el("p", { class: "muted", text: str(data.active_state_summary) })));
          $("reward-append").disabled = !(state.api.reward_write_enabled && state.api.reward_append_url);
        }

        async function append() {
          if (!pendingPreview) return;
          const { body, data } = pendingPreview;
          const confirmBody = Object.assign({}, body, { preview_id: data.preview_id,
            run_generated_at: (data.selected_run || {}).generated_at, recorded_at: (data.human_reward || {}).recorded_at });
          $("reward-append").disabled = true;
          const res = await post(state.api.reward_append_url, confirmBody);
          const text = res.status === 200 ? (res.data.appended ? "appended to the run history" : "already recorded; nothing appended")
            : (res.status === 409 ? "the preview is stale; preview again" : str(res.data.error));
          $("reward-result").append(el("p", { id: "append-result", class: res.status === 200 ? "" : "error", text }));
          pendingPreview = null;
          load();
        }

        function afterLoad() {
          if (autoPreviewDone || params.get("preview") !== "1") return;
          autoPreviewDone = true;
          if (params.get("goal")) { $("reward-goal").value = params.get("goal"); renderRunChoices(); }
          $("reward-decision").value = params.get("decision") || "continue_route";
          $("reward-value").value = params.get("reward") || "positive";
          $("reward-reason").value = params.get("reason") || "dashboard preview check";
          preview();
        }

        function bindReward() {
          $("reward-goal").addEventListener("change", renderRunChoices);
          $("reward-form").addEventListener("submit", (e) => { e.preventDefault(); preview(); });
          $("reward-append").addEventListener("click", append);
        }
        """#
}
