// The way to the operator's view, on the home page, shown only to operators (OPERATOR_EMAILS). Asked
// once per signed-in person; any failure simply hides it. (Not in the main navigation: a fourth link
// does not fit a 390 px header.)
import { createResource, Show } from "solid-js";
import { t } from "../i18n/index.ts";
import { api } from "../lib/api.ts";
import { ButtonLink } from "./Button.tsx";

export function OperatorLink(props: { userId: string }) {
  const [status] = createResource(
    () => props.userId,
    () => api.get<{ operator: boolean }>("/operator/status").then((r) => r.operator, () => false),
  );
  return (
    <Show when={status()}>
      <ButtonLink href="/operator" variant="secondary" class="operator-link">
        {t("membership.nav.operator")}
      </ButtonLink>
    </Show>
  );
}
