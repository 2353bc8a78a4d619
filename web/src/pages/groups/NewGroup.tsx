import { useNavigate } from "@solidjs/router";
import { Button, ButtonLink } from "../../components/Button.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { createGroup } from "../../lib/groups.ts";
import { usePageTitle } from "../../lib/page.ts";
import { GroupForm } from "./GroupForm.tsx";
import "./groups.css";

export default function NewGroup() {
  usePageTitle(() => t("groups.new.title"));
  const navigate = useNavigate();
  return (
    <div class="container narrow new-group">
      <div class="page-intro">
        <PageHeading>{t("groups.new.title")}</PageHeading>
        <p class="lead">{t("groups.new.intro")}</p>
      </div>
      <GroupForm
        class="form card groups-form"
        nameHint={t("groups.form.nameHint")}
        save={async (values) => {
          const group = await createGroup(values);
          navigate(`/groups/${encodeURIComponent(group.id)}`);
        }}
        footer={(saving) => (
          <>
            <Button type="submit" loading={saving()} loadingText={t("groups.new.creating")}>
              {t("groups.new.submit")}
            </Button>
            <ButtonLink href="/" variant="secondary">
              {t("groups.new.cancel")}
            </ButtonLink>
          </>
        )}
      />
    </div>
  );
}
