// Pieces shared by the two admin pages (program dashboard and report queue).
import { A } from "@solidjs/router";
import { For, type JSX } from "solid-js";
import { ButtonLink } from "../../../components/Button.tsx";
import "./admin.css";

/** Where this page sits: each crumb but the last is a link; the last is the current page. */
export function Crumbs(props: { label: string; trail: { href: string; label: string }[]; current: string }) {
  return (
    <nav class="admin-crumbs" aria-label={props.label}>
      <ol>
        <For each={props.trail}>
          {(crumb) => (
            <li>
              <A href={crumb.href}>{crumb.label}</A>
            </li>
          )}
        </For>
        <li aria-current="page">{props.current}</li>
      </ol>
    </nav>
  );
}

/** What an admin can and cannot see, said once, plainly, near the top of the page. */
export function PrivacyNote(props: { id: string; title: string; children: JSX.Element }) {
  return (
    <aside class="admin-note" aria-labelledby={props.id}>
      <LockIcon />
      <div class="admin-note__body">
        <h2 id={props.id} class="admin-note__title">
          {props.title}
        </h2>
        {props.children}
      </div>
    </aside>
  );
}

/** For 403 and 404: why this page shows nothing, and a way out. */
export function AccessPanel(props: { title: string; body: string; href: string; link: string }) {
  return (
    <section class="admin-access card" aria-labelledby="admin-access-title">
      <LockIcon />
      <h2 id="admin-access-title" class="admin-access__title">
        {props.title}
      </h2>
      <p>{props.body}</p>
      <ButtonLink href={props.href} variant="secondary">
        {props.link}
      </ButtonLink>
    </section>
  );
}

function LockIcon() {
  return (
    <svg
      class="icon admin-icon"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      <rect x="4.5" y="10.5" width="15" height="10" rx="2.5" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
      <path d="M12 14.5v2.5" />
    </svg>
  );
}
