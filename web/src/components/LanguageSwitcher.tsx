import { createUniqueId, For } from "solid-js";
import { language, languages, t } from "../i18n/index.ts";
import { chooseLanguage } from "../lib/language.ts";
import { GlobeIcon } from "./Icons.tsx";

/** A native <select> of every available language, each named in its own language. */
export function LanguageSwitcher(props: { class?: string }) {
  const id = createUniqueId();
  return (
    <div class={`language-switcher ${props.class ?? ""}`}>
      <label for={id} class="visually-hidden">
        {t("language.label")}
      </label>
      <GlobeIcon class="language-switcher__icon" />
      <select id={id} class="language-switcher__select" value={language()} onChange={(event) => void chooseLanguage(event.currentTarget.value)}>
        <For each={languages}>
          {(option) => (
            <option value={option.code} lang={option.code} selected={option.code === language()}>
              {option.name}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
