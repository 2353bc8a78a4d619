import { Button } from "../../components/Button.tsx";
import { t } from "../../i18n/index.ts";
import { updateGroup, type GroupDetail } from "../../lib/groups.ts";
import { GroupForm } from "./GroupForm.tsx";

type Group = GroupDetail["group"];

/** The group's name, description and focus, edited in place on the group page (admins). */
export function AboutEditor(props: { group: Group; onSaved: (group: Group) => void; onCancel: () => void }) {
  return (
    <GroupForm
      class="form about-editor"
      ariaLabel={t("groups.about.formLabel")}
      initial={props.group}
      autofocus
      errorNamespace="groups.errors"
      onEscape={() => props.onCancel()}
      save={async (values) => props.onSaved(await updateGroup(props.group.id, values))}
      footer={(saving) => (
        <>
          <Button type="submit" loading={saving()} loadingText={t("groups.about.saving")}>
            {t("groups.about.save")}
          </Button>
          <Button variant="secondary" onClick={() => props.onCancel()} disabled={saving()}>
            {t("groups.about.cancel")}
          </Button>
        </>
      )}
    />
  );
}
