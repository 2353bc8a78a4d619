import { For } from "solid-js";
import { splitLinks } from "../lib/linkify.ts";

/** User text with its http(s) URLs as links that open in a new tab and pass nothing to the site they open. */
export function Linkified(props: { text: string }) {
  return (
    <For each={splitLinks(props.text)}>
      {(part) =>
        part.kind === "link" ? (
          <a href={part.href} target="_blank" rel="noopener noreferrer" class="user-link">
            {part.text}
          </a>
        ) : (
          part.text
        )
      }
    </For>
  );
}
