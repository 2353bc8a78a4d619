// Home: the next agreed meeting of each of my mentorships, in my time zone. Shows nothing when there is none
// (or when it cannot load: the pair spaces below say the same).
import "./next-meetings.css";
import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { t } from "../../i18n/index.ts";
import { api } from "../../lib/api.ts";
import { myMeetingTime } from "../../lib/meeting-times.ts";

type NextMeeting = { pairId: string; otherName: string; startsAt: number; endsAt: number };

export function NextMeetings() {
  const [meetings] = createResource(() =>
    api
      .get<{ meetings: NextMeeting[] }>("/me/meetings/next")
      .then((r) => r.meetings)
      .catch(() => []),
  );
  return (
    <Show when={meetings()?.length}>
      <section class="home__meetings" aria-labelledby="next-meetings-heading">
        <h2 id="next-meetings-heading" class="section-title">
          {t("rhythm.home.heading")}
        </h2>
        <ul class="next-meetings" role="list">
          <For each={meetings()}>
            {(meeting) => (
              <li class="next-meetings__item card" data-testid="home-next-meeting">
                <A href={`/pairs/${encodeURIComponent(meeting.pairId)}`}>{t("rhythm.home.with", { name: meeting.otherName })}</A>
                <p class="next-meetings__time">{myMeetingTime(meeting.startsAt)}</p>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
