import { Route, Router } from "@solidjs/router";
import { type Component, lazy } from "solid-js";
import { AppShell } from "./components/AppShell.tsx";
import { GuestOnly, RequireUser } from "./components/RouteGuards.tsx";
import { loadStrings } from "./i18n/index.ts";
import type { SectionGroup } from "./i18n/sections.ts";

type PageModule = Promise<{ default: Component }>;

/**
 * A page as its own chunk. Sign-in and "not found" use only the first screens' strings
 * (i18n/sections.ts), home only its own group; the others wait for every group but the pair page's
 * (sign-up too: its password strength meter speaks with the account settings' strings). A page's code
 * and its strings load in parallel.
 */
const page = (load: () => PageModule, groups: SectionGroup[] = ["home", "rest"]) =>
  lazy(groups.length === 0 ? load : () => Promise.all([load(), loadStrings(groups)]).then(([module]) => module));

/** A page for signed-in people only (RouteGuards.tsx). */
function signedIn(load: () => PageModule, groups?: SectionGroup[]) {
  const Page = page(load, groups);
  return () => (
    <RequireUser>
      <Page />
    </RequireUser>
  );
}

/** Sign-in and sign-up: a signed-in person is sent on. */
function guestOnly(load: () => PageModule, groups?: SectionGroup[]) {
  const Page = page(load, groups);
  return () => (
    <GuestOnly>
      <Page />
    </GuestOnly>
  );
}

// The shell, the router and the session are in the entry chunk (the "app" group in vite.config.ts).
export function App() {
  return (
    <Router root={AppShell}>
      <Route path="/" component={signedIn(() => import("./pages/Home.tsx"), ["home"])} />
      <Route path="/profile" component={signedIn(() => import("./pages/Profile.tsx"))} />
      <Route path="/signin" component={guestOnly(() => import("./pages/SignIn.tsx"), [])} />
      <Route path="/signup" component={guestOnly(() => import("./pages/SignUp.tsx"))} />
      <Route path="/programs/:programId/dashboard" component={signedIn(() => import("./pages/programs/Dashboard.tsx"))} />
      <Route path="/programs/:programId/report" component={signedIn(() => import("./pages/programs/Report.tsx"))} />
      <Route path="/groups/:groupId/reports" component={signedIn(() => import("./pages/groups/Reports.tsx"))} />
      <Route path="/programs/:programId/apply" component={signedIn(() => import("./pages/programs/Apply.tsx"))} />
      <Route path="/programs/:programId/applicants" component={signedIn(() => import("./pages/programs/Applicants.tsx"))} />
      <Route path="/applications" component={signedIn(() => import("./pages/MyApplications.tsx"))} />
      <Route path="/notifications" component={signedIn(() => import("./pages/Notifications.tsx"))} />
      <Route path="/groups/new" component={signedIn(() => import("./pages/groups/NewGroup.tsx"))} />
      <Route path="/groups/:groupId" component={signedIn(() => import("./pages/groups/GroupPage.tsx"))} />
      <Route path="/programs/:programId" component={signedIn(() => import("./pages/programs/ProgramPage.tsx"))} />
      <Route path="/programs/:programId/edit" component={signedIn(() => import("./pages/programs/ProgramEditor.tsx"))} />
      {/* Public: signed-out people see which group invited them, then sign up and come back here. */}
      <Route path="/invite/:token" component={page(() => import("./pages/Invite.tsx"))} />
      <Route path="/pairs/:pairId" component={signedIn(() => import("./pages/pair-room/PairPage.tsx"), ["home", "rest", "pair"])} />
      <Route path="/settings" component={signedIn(() => import("./pages/settings/Settings.tsx"))} />
      {/* Membership (issue 13) */}
      <Route path="/directory" component={signedIn(() => import("./pages/membership/Directory.tsx"))} />
      <Route path="/groups/:groupId/join-requests" component={signedIn(() => import("./pages/membership/JoinRequests.tsx"))} />
      <Route path="/groups/:groupId/bans" component={signedIn(() => import("./pages/membership/Bans.tsx"))} />
      <Route path="/groups/:groupId/audit" component={signedIn(() => import("./pages/membership/AuditLog.tsx"))} />
      <Route path="/operator" component={signedIn(() => import("./pages/operator/Operator.tsx"))} />
      <Route path="/settings/notifications" component={signedIn(() => import("./pages/email-push/NotificationSettings.tsx"))} />
      <Route path="/forgot-password" component={page(() => import("./pages/email-push/ForgotPassword.tsx"))} />
      <Route path="/reset-password" component={page(() => import("./pages/email-push/ResetPassword.tsx"))} />
      <Route path="/verify-email" component={page(() => import("./pages/email-push/VerifyEmail.tsx"))} />
      <Route path="/unsubscribe" component={page(() => import("./pages/email-push/Unsubscribe.tsx"))} />
      <Route path="*404" component={page(() => import("./pages/NotFound.tsx"), [])} />
    </Router>
  );
}
