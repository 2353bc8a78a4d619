import type { JSX } from "solid-js";
import { t } from "../i18n/index.ts";
import { CheckIcon } from "./Icons.tsx";

/** Sign-in and sign-up: the form first, then (beside it on wide screens) what the product is for. */
export function AuthLayout(props: { children: JSX.Element }) {
  return (
    <div class="auth container">
      <div class="auth__card card">{props.children}</div>
      <aside class="auth__aside" aria-labelledby="auth-aside-title">
        <h2 id="auth-aside-title" class="auth__aside-title">
          {t("auth.asideTitle")}
        </h2>
        <p class="auth__aside-body">{t("auth.asideBody")}</p>
        <ul class="auth__points">
          <li>
            <CheckIcon />
            <span>{t("auth.pointGuided")}</span>
          </li>
          <li>
            <CheckIcon />
            <span>{t("auth.pointPrivate")}</span>
          </li>
          <li>
            <CheckIcon />
            <span>{t("auth.pointSafe")}</span>
          </li>
        </ul>
      </aside>
    </div>
  );
}
