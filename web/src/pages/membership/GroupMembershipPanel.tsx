// On the group page, for admins: how people join (invite only, or by request), whether the group is
// listed in the directory, and the way to the requests, bans and audit log pages.
import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import type { Group } from "../../../../shared/api/groups.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { t } from "../../i18n/index.ts";
import { updateGroup } from "../../lib/groups.ts";
import { actionError } from "./AdminFrame.tsx";
import type { JoinPolicy } from "./membership-api.ts";
import "./membership.css";

export function GroupMembershipPanel(props: { group: Group; onSaved: (group: Group) => void }) {
  const [policy, setPolicy] = createSignal<JoinPolicy>(props.group.joinPolicy);
  const [listed, setListed] = createSignal(props.group.listed);
  const [saving, setSaving] = createSignal(false);
  const [notice, setNotice] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);
  const base = () => `/groups/${encodeURIComponent(props.group.id)}`;
  const changed = () => policy() !== props.group.joinPolicy || listed() !== props.group.listed;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setSaving(true);
    setNotice(null);
    try {
      const group = await updateGroup(props.group.id, { joinPolicy: policy(), listed: listed() });
      props.onSaved(group);
      setNotice({ tone: "success", text: t("membership.settings.saved") });
    } catch (error) {
      setNotice({ tone: "error", text: actionError(error, "membership.settings.errors", "membership.settings.error") });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="group-section card membership-panel" aria-labelledby="membership-panel-title">
      <h2 id="membership-panel-title" class="group-section__title">
        {t("membership.settings.title")}
      </h2>
      <form onSubmit={save} class="membership-panel__form">
        <fieldset class="membership-panel__policy">
          <legend class="field__label">{t("membership.settings.joinPolicy")}</legend>
          <label class="membership-panel__choice">
            <input type="radio" name="join-policy" value="invite" checked={policy() === "invite"} onChange={() => setPolicy("invite")} />
            <span>{t("membership.settings.invite")}</span>
          </label>
          <label class="membership-panel__choice">
            <input type="radio" name="join-policy" value="request" checked={policy() === "request"} onChange={() => setPolicy("request")} />
            <span>{t("membership.settings.request")}</span>
          </label>
        </fieldset>
        <label class="membership-panel__choice membership-panel__listed">
          <input type="checkbox" name="listed" checked={listed()} onChange={(event) => setListed(event.currentTarget.checked)} />
          <span>
            {t("membership.settings.listed")}
            <span class="field__hint">{t("membership.settings.listedHint")}</span>
          </span>
        </label>
        <Button type="submit" variant="secondary" loading={saving()} loadingText={t("membership.settings.saving")} disabled={!changed()}>
          {t("membership.settings.save")}
        </Button>
        <Show when={notice()}>
          {(shown) => (
            <Alert tone={shown().tone}>
              <p>{shown().text}</p>
            </Alert>
          )}
        </Show>
      </form>
      <ul class="membership-panel__links" role="list">
        <li>
          <A href={`${base()}/join-requests`}>{t("membership.admin.links.joinRequests")}</A>
        </li>
        <li>
          <A href={`${base()}/bans`}>{t("membership.admin.links.bans")}</A>
        </li>
        <li>
          <A href={`${base()}/audit`}>{t("membership.admin.links.audit")}</A>
        </li>
      </ul>
    </section>
  );
}
