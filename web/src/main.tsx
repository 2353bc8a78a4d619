import "./styles.css";
import { render } from "solid-js/web";
import { App } from "./App.tsx";
import { initLanguage } from "./lib/language.ts";
import { registerServiceWorker } from "./lib/service-worker.ts";
import { loadSession } from "./lib/session.ts";

const root = document.getElementById("app");
if (!root) throw new Error("index.html has no #app element");

// The session check and the language's dictionary load in parallel; the first render waits for the
// language so the page never flashes in the wrong one.
const sessionLoaded = loadSession();
await initLanguage(sessionLoaded);

root.replaceChildren();
render(() => <App />, root);

// The service worker shows push notifications and is the installed app's worker. The app works without it.
registerServiceWorker().catch(() => undefined);
