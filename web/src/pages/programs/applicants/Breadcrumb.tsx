import { A } from "@solidjs/router";
import { t } from "../../../i18n/index.ts";

/** Group › program, above a program page's title: the way back up. */
export function Breadcrumb(props: { group: { id: string; name: string }; program: { id: string; title: string } }) {
  return (
    <nav class="breadcrumb" aria-label={t("applicants.breadcrumb")}>
      <ol>
        <li>
          <A href={`/groups/${encodeURIComponent(props.group.id)}`}>{props.group.name}</A>
        </li>
        <li>
          <A href={`/programs/${encodeURIComponent(props.program.id)}`}>{props.program.title}</A>
        </li>
      </ol>
    </nav>
  );
}
