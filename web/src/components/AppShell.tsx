import { A, type RouteSectionProps } from "@solidjs/router";
import { createSignal, lazy, Show, Suspense } from "solid-js";
import { loadStrings, t } from "../i18n/index.ts";
import { errorMessage } from "../lib/errors.ts";
import { session, signOut } from "../lib/session.ts";
import { Alert } from "./Alert.tsx";
import { Avatar } from "./Avatar.tsx";
import { Button } from "./Button.tsx";
import { BrandMark } from "./Icons.tsx";
import { LanguageSwitcher } from "./LanguageSwitcher.tsx";

// Only signed-in people have a bell: its code, its polling and its strings stay out of the sign-in page.
const NotificationBell = lazy(() =>
  Promise.all([import("./NotificationBell.tsx"), loadStrings(["home"])]).then(([module]) => ({ default: module.NotificationBell })),
);

/** The frame around every page: skip link, header with navigation, main landmark and footer. */
export function AppShell(props: RouteSectionProps) {
  let main!: HTMLElement;
  const [signingOut, setSigningOut] = createSignal(false);
  const [signOutError, setSignOutError] = createSignal<string | null>(null);

  async function handleSignOut() {
    setSigningOut(true);
    setSignOutError(null);
    try {
      // The route guards notice the signed-out session and send the person to /signin.
      await signOut();
    } catch (error) {
      setSignOutError(errorMessage(error));
    } finally {
      setSigningOut(false);
    }
  }

  function skipToMain(event: MouseEvent) {
    // The router would treat "#main" as a navigation; move focus ourselves (focus scrolls as needed).
    event.preventDefault();
    main.focus();
  }

  return (
    <div class="app">
      <a class="skip-link" href="#main" on:click={skipToMain}>
        {t("app.skipToContent")}
      </a>
      <header class="site-header" classList={{ "site-header--signed-in": !!session.user }}>
        <div class="site-header__inner container">
          <A href="/" class="brand" end>
            <BrandMark />
            <span class="brand__name">{t("app.name")}</span>
          </A>
          <Show when={session.user}>
            <nav class="site-nav" aria-label={t("nav.label")}>
              <A href="/" end class="site-nav__link" activeClass="is-active">
                {t("nav.home")}
              </A>
              <A href="/profile" class="site-nav__link" activeClass="is-active">
                {t("nav.profile")}
              </A>
              <A href="/settings" class="site-nav__link" activeClass="is-active">
                {t("nav.settings")}
              </A>
            </nav>
          </Show>
          <div class="site-header__tools">
            <Show when={session.user}>
              <Suspense>
                <NotificationBell />
              </Suspense>
            </Show>
            <LanguageSwitcher />
            <Show when={session.user}>
              {(user) => (
                <div class="user-menu">
                  <Avatar name={user().displayName} class="user-menu__avatar" />
                  <span class="user-menu__name">{user().displayName}</span>
                  <Button variant="ghost" class="user-menu__signout" loading={signingOut()} loadingText={t("nav.signingOut")} onClick={handleSignOut}>
                    {t("nav.signOut")}
                  </Button>
                </div>
              )}
            </Show>
          </div>
        </div>
      </header>
      <Show when={signOutError()}>
        <div class="container">
          <Alert tone="error" class="shell-alert">
            {signOutError()}
          </Alert>
        </div>
      </Show>
      <main id="main" class="site-main" tabindex="-1" ref={main}>
        <Suspense fallback={<PageLoading />}>{props.children}</Suspense>
      </main>
      <footer class="site-footer">
        <div class="container site-footer__inner">
          <p>{t("app.footer")}</p>
        </div>
      </footer>
    </div>
  );
}

/** Shown while a page's code or the session is loading. */
export function PageLoading() {
  return (
    <div class="page-loading container" role="status">
      <span class="spinner spinner--large" aria-hidden="true" />
      <span class="visually-hidden">{t("app.loading")}</span>
    </div>
  );
}
