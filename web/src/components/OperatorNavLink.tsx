// The operator's link in the main navigation, shown only to operators (OPERATOR_EMAILS). Asked once
// per signed-in person; any failure simply hides it.
import { A } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { t } from "../i18n/index.ts";
import { api } from "../lib/api.ts";

export function OperatorNavLink(props: { userId: string }) {
  const [status] = createResource(
    () => props.userId,
    () => api.get<{ operator: boolean }>("/operator/status").then((r) => r.operator, () => false),
  );
  return (
    <Show when={status()}>
      <A href="/operator" class="site-nav__link" activeClass="is-active">
        {t("membership.nav.operator")}
      </A>
    </Show>
  );
}
