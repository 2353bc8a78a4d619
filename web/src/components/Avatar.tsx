import { initials } from "../lib/initials.ts";

/**
 * A person's initials in a circle: the one avatar of the app (header, home, members, pair space). It is
 * decoration next to a name that is always written out, so screen readers skip it. `class` sizes it.
 */
export function Avatar(props: { name: string; class?: string; online?: boolean }) {
  return (
    <span class={`avatar ${props.class ?? ""}`} classList={{ "avatar--online": !!props.online }} aria-hidden="true">
      {initials(props.name)}
    </span>
  );
}
