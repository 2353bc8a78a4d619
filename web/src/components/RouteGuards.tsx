import { Navigate, useLocation, useSearchParams } from "@solidjs/router";
import { Match, Switch, type JSX } from "solid-js";
import { t } from "../i18n/index.ts";
import { safeNextPath, withNext } from "../lib/next.ts";
import { loadSession, session } from "../lib/session.ts";
import { Alert } from "./Alert.tsx";
import { PageLoading } from "./AppShell.tsx";
import { Button } from "./Button.tsx";

/** When the API could not be reached to check the session: say so and offer a retry. */
function SessionError() {
  return (
    <div class="container narrow session-error">
      <Alert tone="error" title={t("session.loadError")}>
        <p>{t("errors.network")}</p>
        <Button variant="secondary" onClick={() => void loadSession()}>
          {t("session.retry")}
        </Button>
      </Alert>
    </div>
  );
}

/** Pages for signed-in people. Anyone else goes to /signin, with `next` to come back here afterwards. */
export function RequireUser(props: { children: JSX.Element }) {
  const location = useLocation();
  const signInHref = () => (session.signedOut ? "/signin" : withNext("/signin", location.pathname + location.search));
  return (
    <Switch>
      <Match when={session.status === "error"}>
        <SessionError />
      </Match>
      <Match when={session.status === "loading"}>
        <PageLoading />
      </Match>
      <Match when={!session.user}>
        <Navigate href={signInHref()} />
      </Match>
      <Match when={session.user}>{props.children}</Match>
    </Switch>
  );
}

/**
 * Sign-in and sign-up. A signed-in person is sent on to `next` (or home): this is also what moves
 * someone along right after they sign in or sign up.
 */
export function GuestOnly(props: { children: JSX.Element }) {
  const [params] = useSearchParams();
  return (
    <Switch fallback={props.children}>
      <Match when={session.status === "loading"}>
        <PageLoading />
      </Match>
      <Match when={session.user}>
        <Navigate href={safeNextPath(params.next)} />
      </Match>
    </Switch>
  );
}
