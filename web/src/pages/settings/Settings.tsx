import { t } from "../../i18n/index.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { usePageTitle } from "../../lib/page.ts";
import { DeleteSection, ExportSection } from "./DataSection.tsx";
import { NotificationsSlot } from "./NotificationsSlot.tsx";
import { PasswordSection } from "./PasswordSection.tsx";
import { SessionsSection } from "./SessionsSection.tsx";
import "./settings.css";

/** /settings: sessions, password, notification preferences (slot), download my data, delete my account. */
export default function Settings() {
  usePageTitle(() => t("accounts.title"));
  return (
    <div class="container narrow settings">
      <div class="page-intro">
        <PageHeading>{t("accounts.title")}</PageHeading>
        <p class="lead">{t("accounts.intro")}</p>
      </div>
      <SessionsSection />
      <PasswordSection />
      <NotificationsSlot />
      <ExportSection />
      <DeleteSection />
    </div>
  );
}
