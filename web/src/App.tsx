import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { AppShell } from "./components/AppShell.tsx";
import { GuestOnly, RequireUser } from "./components/RouteGuards.tsx";
import { loadStrings } from "./i18n/index.ts";
import type { SectionGroup } from "./i18n/sections.ts";

/** A page that needs strings beyond the first screens': its code and those strings load in parallel. */
const withStrings =
  <T,>(load: () => Promise<T>, groups: SectionGroup[] = ["rest"]) =>
  () =>
    Promise.all([load(), loadStrings(groups)]).then(([module]) => module);

// Every page is its own chunk; the shell, the router and the session stay in the entry chunk. Sign-in and
// "not found" use only the first screens' strings (i18n/sections.ts); the others wait for all (sign-up
// too: its password strength meter speaks with the account settings' strings).
const Home = lazy(withStrings(() => import("./pages/Home.tsx")));
const Profile = lazy(withStrings(() => import("./pages/Profile.tsx")));
const SignIn = lazy(() => import("./pages/SignIn.tsx"));
const SignUp = lazy(withStrings(() => import("./pages/SignUp.tsx")));
const ProgramDashboard = lazy(withStrings(() => import("./pages/programs/Dashboard.tsx")));
const ProgramReport = lazy(withStrings(() => import("./pages/programs/Report.tsx")));
const GroupReports = lazy(withStrings(() => import("./pages/groups/Reports.tsx")));
const ApplyToProgram = lazy(withStrings(() => import("./pages/programs/Apply.tsx")));
const ProgramApplicants = lazy(withStrings(() => import("./pages/programs/Applicants.tsx")));
const MyApplications = lazy(withStrings(() => import("./pages/MyApplications.tsx")));
const Notifications = lazy(withStrings(() => import("./pages/Notifications.tsx")));
const NewGroup = lazy(withStrings(() => import("./pages/groups/NewGroup.tsx")));
const GroupPage = lazy(withStrings(() => import("./pages/groups/GroupPage.tsx")));
const ProgramPage = lazy(withStrings(() => import("./pages/programs/ProgramPage.tsx")));
const ProgramEditor = lazy(withStrings(() => import("./pages/programs/ProgramEditor.tsx")));
const Invite = lazy(withStrings(() => import("./pages/Invite.tsx")));
const PairPage = lazy(withStrings(() => import("./pages/pair-room/PairPage.tsx"), ["rest", "pair"]));
const Settings = lazy(withStrings(() => import("./pages/settings/Settings.tsx")));
const NotFound = lazy(() => import("./pages/NotFound.tsx"));
// Membership (issue 13)
const Directory = lazy(withStrings(() => import("./pages/membership/Directory.tsx")));
const JoinRequests = lazy(withStrings(() => import("./pages/membership/JoinRequests.tsx")));
const Bans = lazy(withStrings(() => import("./pages/membership/Bans.tsx")));
const AuditLog = lazy(withStrings(() => import("./pages/membership/AuditLog.tsx")));
const Operator = lazy(withStrings(() => import("./pages/operator/Operator.tsx")));
const NotificationSettings = lazy(withStrings(() => import("./pages/email-push/NotificationSettings.tsx")));
const ForgotPassword = lazy(withStrings(() => import("./pages/email-push/ForgotPassword.tsx")));
const ResetPassword = lazy(withStrings(() => import("./pages/email-push/ResetPassword.tsx")));
const VerifyEmail = lazy(withStrings(() => import("./pages/email-push/VerifyEmail.tsx")));
const Unsubscribe = lazy(withStrings(() => import("./pages/email-push/Unsubscribe.tsx")));

export function App() {
  return (
    <Router root={AppShell}>
      <Route
        path="/"
        component={() => (
          <RequireUser>
            <Home />
          </RequireUser>
        )}
      />
      <Route
        path="/profile"
        component={() => (
          <RequireUser>
            <Profile />
          </RequireUser>
        )}
      />
      <Route
        path="/signin"
        component={() => (
          <GuestOnly>
            <SignIn />
          </GuestOnly>
        )}
      />
      <Route
        path="/signup"
        component={() => (
          <GuestOnly>
            <SignUp />
          </GuestOnly>
        )}
      />
      <Route
        path="/programs/:programId/dashboard"
        component={() => (
          <RequireUser>
            <ProgramDashboard />
          </RequireUser>
        )}
      />
      <Route
        path="/programs/:programId/report"
        component={() => (
          <RequireUser>
            <ProgramReport />
          </RequireUser>
        )}
      />
      <Route
        path="/groups/:groupId/reports"
        component={() => (
          <RequireUser>
            <GroupReports />
          </RequireUser>
        )}
      />
      <Route
        path="/programs/:programId/apply"
        component={() => (
          <RequireUser>
            <ApplyToProgram />
          </RequireUser>
        )}
      />
      <Route
        path="/programs/:programId/applicants"
        component={() => (
          <RequireUser>
            <ProgramApplicants />
          </RequireUser>
        )}
      />
      <Route
        path="/applications"
        component={() => (
          <RequireUser>
            <MyApplications />
          </RequireUser>
        )}
      />
      <Route
        path="/notifications"
        component={() => (
          <RequireUser>
            <Notifications />
          </RequireUser>
        )}
      />
      <Route
        path="/groups/new"
        component={() => (
          <RequireUser>
            <NewGroup />
          </RequireUser>
        )}
      />
      <Route
        path="/groups/:groupId"
        component={() => (
          <RequireUser>
            <GroupPage />
          </RequireUser>
        )}
      />
      <Route
        path="/programs/:programId"
        component={() => (
          <RequireUser>
            <ProgramPage />
          </RequireUser>
        )}
      />
      <Route
        path="/programs/:programId/edit"
        component={() => (
          <RequireUser>
            <ProgramEditor />
          </RequireUser>
        )}
      />
      {/* Public: signed-out people see which group invited them, then sign up and come back here. */}
      <Route path="/invite/:token" component={Invite} />
      <Route
        path="/pairs/:pairId"
        component={() => (
          <RequireUser>
            <PairPage />
          </RequireUser>
        )}
      />
      <Route
        path="/settings"
        component={() => (
          <RequireUser>
            <Settings />
          </RequireUser>
        )}
      />
      <Route
        path="/directory"
        component={() => (
          <RequireUser>
            <Directory />
          </RequireUser>
        )}
      />
      <Route
        path="/groups/:groupId/join-requests"
        component={() => (
          <RequireUser>
            <JoinRequests />
          </RequireUser>
        )}
      />
      <Route
        path="/groups/:groupId/bans"
        component={() => (
          <RequireUser>
            <Bans />
          </RequireUser>
        )}
      />
      <Route
        path="/groups/:groupId/audit"
        component={() => (
          <RequireUser>
            <AuditLog />
          </RequireUser>
        )}
      />
      <Route
        path="/operator"
        component={() => (
          <RequireUser>
            <Operator />
          </RequireUser>
        )}
      />
      <Route
        path="/settings/notifications"
        component={() => (
          <RequireUser>
            <NotificationSettings />
          </RequireUser>
        )}
      />
      <Route path="/forgot-password" component={ForgotPassword} />
      <Route path="/reset-password" component={ResetPassword} />
      <Route path="/verify-email" component={VerifyEmail} />
      <Route path="/unsubscribe" component={Unsubscribe} />
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
