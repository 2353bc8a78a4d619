import { createEffect } from "solid-js";
import { t } from "../i18n/index.ts";

/** Keeps document.title in step with the page and the current language. */
export function usePageTitle(title: () => string) {
  createEffect(() => {
    document.title = t("app.pageTitle", { page: title() });
  });
}
