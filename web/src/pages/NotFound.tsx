import { ButtonLink } from "../components/Button.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { t } from "../i18n/index.ts";
import { usePageTitle } from "../lib/page.ts";

export default function NotFound() {
  usePageTitle(() => t("notFound.title"));
  return (
    <div class="container narrow not-found">
      <p class="not-found__code" aria-hidden="true">
        404
      </p>
      <PageHeading>{t("notFound.title")}</PageHeading>
      <p class="lead">{t("notFound.body")}</p>
      <ButtonLink href="/">{t("notFound.home")}</ButtonLink>
    </div>
  );
}
