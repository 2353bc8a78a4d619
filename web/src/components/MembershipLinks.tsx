// On the home page: the directory of listed groups, and for operators (OPERATOR_EMAILS) their view.
// Operator status is asked once per signed-in person; any failure simply hides that link. (Not in the
// main navigation: a fourth header link does not fit 390 px.)
import { createResource, Show } from "solid-js";
import { t } from "../i18n/index.ts";
import { api } from "../lib/api.ts";
import { ButtonLink } from "./Button.tsx";
import "./membership-links.css";

export function MembershipLinks(props: { userId: string }) {
  const [status] = createResource(
    () => props.userId,
    () =>
      api.get<{ operator: boolean }>("/operator/status").then(
        (r) => r.operator,
        () => false,
      ),
  );
  return (
    <div class="membership-links">
      <ButtonLink href="/directory" variant="secondary">
        {t("membership.nav.directory")}
      </ButtonLink>
      <Show when={status()}>
        <ButtonLink href="/operator" variant="secondary">
          {t("membership.nav.operator")}
        </ButtonLink>
      </Show>
    </div>
  );
}
