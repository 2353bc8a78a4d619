import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { AppShell } from "./components/AppShell.tsx";
import { GuestOnly, RequireUser } from "./components/RouteGuards.tsx";

// Every page is its own chunk; the shell, the router and the session stay in the entry chunk.
const Home = lazy(() => import("./pages/Home.tsx"));
const Profile = lazy(() => import("./pages/Profile.tsx"));
const SignIn = lazy(() => import("./pages/SignIn.tsx"));
const SignUp = lazy(() => import("./pages/SignUp.tsx"));
const NotFound = lazy(() => import("./pages/NotFound.tsx"));

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
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
