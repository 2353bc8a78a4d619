import type { Templates } from "./types.ts";

export const de: Templates = {
  greeting: (name) => `Hallo ${name},`,
  footerWhy: "Du bekommst diese E-Mail wegen deiner Benachrichtigungseinstellungen in Mentorship.",
  unsubscribe: (kind) => `Keine E-Mails mehr zu „${kind}“`,
  settings: "Einstellen, was wir dir schicken",
  securityFooter: "Diese E-Mail schützt dein Konto und wird deshalb auch dann gesendet, wenn andere E-Mails ausgeschaltet sind.",
  kindLabels: {
    paired: "neues Tandem",
    messages_waiting: "wartende Nachrichten",
    checkin_reminder: "Erinnerung an den Wochen-Check-in",
    meeting_reminder: "Terminerinnerung",
    pair_nudge: "Erinnerung bei stillen Tandems",
    feedback_requested: "Bitte um Feedback",
    report_escalated: "weitergegebene Meldung",
    join_request: "Beitrittsanfrage",
    join_request_decided: "Antwort auf eine Beitrittsanfrage",
    report: "Meldungen",
    pair_ended: "Mentoring beendet",
    admin_digest: "tägliche Admin-Übersicht",
  },
  paired: (d) => ({
    subject: `Du bist mit ${d.otherName} in ${d.programTitle} zusammengebracht worden`,
    lines: [
      d.myRole === "mentee"
        ? `${d.otherName} wird deine Mentorin oder dein Mentor in „${d.programTitle}“.`
        : `Du begleitest ${d.otherName} als Mentorin oder Mentor in „${d.programTitle}“.`,
      d.otherAbout ? `Über ${d.otherName}: ${d.otherAbout}` : `${d.otherName} hat noch nichts über sich geschrieben: frag in deiner ersten Nachricht danach.`,
      `Woche 1: ${d.step1Title}.`,
      "So geht es los: Öffne euren privaten Tandem-Bereich, sag Hallo und vereinbart, wie und wann ihr euch austauscht.",
    ],
    list: d.step1Activities,
    action: "Euren Tandem-Bereich öffnen",
  }),
  messages_waiting: (d) => ({
    subject: d.count === 1 ? `1 neue Nachricht von ${d.fromName}` : `${d.count} neue Nachrichten von ${d.fromName}`,
    lines: [
      d.count === 1
        ? `${d.fromName} hat dir in eurem Tandem-Bereich geschrieben, und die Nachricht ist noch ungelesen.`
        : `${d.fromName} hat dir in eurem Tandem-Bereich ${d.count} Nachrichten geschrieben, und sie sind noch ungelesen.`,
    ],
    list: d.previews,
    action: "Lesen und antworten",
  }),
  checkin_reminder: (d) => ({
    subject: `Zeit für euren Wochen-Check-in, du und ${d.otherName}`,
    lines: [`Eine Woche ist in „${d.programTitle}“ ohne Check-in vergangen.`, "Ein Check-in dauert eine Minute: Wie geht es dir, und was kommt als Nächstes?"],
    action: "Jetzt einchecken",
  }),
  meeting_reminder: (d) => ({
    subject: d.hoursBefore >= 24 ? `Morgen: dein Treffen mit ${d.otherName}` : `In 1 Stunde: dein Treffen mit ${d.otherName}`,
    lines: [`Dein Treffen mit ${d.otherName} beginnt ${d.when}.`, "Tagesordnung, Ort oder Link und eine Kalenderdatei findest du in eurem Tandem-Bereich."],
    action: "Treffen ansehen",
  }),
  pair_nudge: (d) => ({
    subject: `Seit ${d.quietDays} Tagen Funkstille mit ${d.otherName}`,
    lines: [
      `In eurem Tandem-Bereich ist seit ${d.quietDays} Tagen nichts passiert. Eine kurze Nachricht genügt, um den Faden wieder aufzunehmen.`,
      ...(d.stepTitle ? [d.week ? `Diese Woche (Woche ${d.week}): ${d.stepTitle}.` : `Diese Woche: ${d.stepTitle}.`] : []),
    ],
    action: "Nachricht schreiben",
  }),
  feedback_requested: (d) => ({
    subject: d.round === "end" ? "Wie war dein Mentoring?" : "Wie läuft dein Mentoring?",
    lines: [
      d.round === "end"
        ? "Dein Mentoring ist beendet. Zwei Minuten: Wie war es, wurde das Ziel erreicht, und würdest du wieder mitmachen?"
        : "Du bist in der Mitte deines Mentorings. Wie läuft es, von 1 bis 5?",
      "Deine Antworten bleiben privat: Die Admins sehen nur Summen, sobald mindestens 3 Personen geantwortet haben, und nie deine Kommentare.",
    ],
    action: "Feedback geben",
  }),
  report_escalated: () => ({
    subject: "Eine Meldung wurde an dich weitergegeben",
    lines: [
      "Die Admins einer Gruppe haben eine Meldung an die Betreiber weitergegeben.",
      "Lies, was die Meldung enthält, und entscheide in der Betreiberansicht.",
    ],
    action: "Betreiberansicht öffnen",
  }),
  join_request: (d) => ({
    subject: `${d.requesterName} möchte ${d.groupName} beitreten`,
    lines: [`${d.requesterName} hat angefragt, ${d.groupName} beizutreten.`, "Lies die Nachricht und nimm die Anfrage an oder lehne sie ab."],
    action: "Beitrittsanfragen ansehen",
  }),
  join_request_decided: (d) => ({
    subject: d.approved ? `Willkommen bei ${d.groupName}` : `Deine Anfrage an ${d.groupName}`,
    lines: d.approved
      ? [`Deine Anfrage, ${d.groupName} beizutreten, wurde angenommen.`, "Du kannst dich jetzt für die offenen Programme als Mentor:in oder Mentee anmelden."]
      : [`Die Admins von ${d.groupName} haben deine Anfrage abgelehnt.`, "Im Verzeichnis findest du weitere Gruppen."],
    action: d.approved ? "Gruppe öffnen" : "Verzeichnis öffnen",
  }),
  report: (d) => ({
    subject: `Neue Meldung in ${d.groupName}`,
    lines: [`Ein Mitglied von ${d.groupName} hat den Admins der Gruppe eine Meldung geschickt.`, "Sieh sie dir in der Meldungsliste der Gruppe an."],
    action: "Meldungen öffnen",
  }),
  pair_ended: (d) => ({
    subject: d.outcome === "completed" ? `Dein Mentoring mit ${d.otherName} ist abgeschlossen` : `Dein Mentoring mit ${d.otherName} wurde beendet`,
    lines: [
      d.outcome === "completed"
        ? `Dein Mentoring mit ${d.otherName} wurde als abgeschlossen markiert. Gut gemacht!`
        : `Dein Mentoring mit ${d.otherName} wurde beendet.`,
      ...(d.reason ? [`Grund: ${d.reason}`] : []),
      "Euer Tandem-Bereich bleibt lesbar; Neues kann nicht mehr hinzugefügt werden.",
    ],
    action: "Tandem-Bereich öffnen",
  }),
  admin_digest: (d) => ({
    subject: "Deine tägliche Mentoring-Übersicht",
    lines: [`Das ist in den Programmen passiert, die du betreust (${d.groups.map((g) => g.groupName).join(", ")}):`],
    action: "Deine Gruppen öffnen",
  }),
  digestProgram: (p) =>
    `${p.programTitle}: ${p.newApplications} neue Bewerbung${p.newApplications === 1 ? "" : "en"}, ${p.needsAttention} Tandem${p.needsAttention === 1 ? "" : "s"} mit Handlungsbedarf`,
  digestQuietPair: (q) => `Handlungsbedarf: ${q.mentorName} und ${q.menteeName}, seit ${q.quietDays} Tagen still`,
  daily_summary: (count) => ({
    subject: count === 1 ? "1 Benachrichtigung von heute" : `${count} Benachrichtigungen von heute`,
    lines: ["Du wolltest diese einmal am Tag bekommen:"],
    action: "Mentorship öffnen",
  }),
  verify_email: () => ({
    subject: "Bestätige deine E-Mail-Adresse",
    lines: [
      "Bestätige, dass dies deine Adresse ist, damit wir dir Benachrichtigungen und Links zum Zurücksetzen des Passworts schicken können.",
      "Der Link funktioniert einmal, 24 Stunden lang.",
    ],
    action: "Meine Adresse bestätigen",
  }),
  email_change: (d) => ({
    subject: "Bestätige deine neue E-Mail-Adresse",
    lines: [
      `Du möchtest ${d.newEmail} für dein Mentorship-Konto verwenden. Sie ersetzt die alte Adresse, sobald du sie bestätigst.`,
      "Der Link funktioniert einmal, 24 Stunden lang. Wenn du das nicht warst, ignoriere diese E-Mail.",
    ],
    action: "Neue Adresse bestätigen",
  }),
  email_changed: (d) => ({
    subject: "Deine E-Mail-Adresse wurde geändert",
    lines: [
      `Dein Mentorship-Konto verwendet jetzt ${d.newEmail}. An diese Adresse schicken wir nichts mehr.`,
      "Wenn du das nicht warst, setze sofort dein Passwort zurück und wende dich an die Admins deiner Gruppe.",
    ],
    action: "Passwort zurücksetzen",
  }),
  password_reset: () => ({
    subject: "Setze dein Passwort zurück",
    lines: [
      "Jemand möchte das Passwort deines Mentorship-Kontos zurücksetzen. Wenn du das warst, wähle ein neues Passwort:",
      "Der Link funktioniert einmal, 1 Stunde lang. Das Zurücksetzen meldet dich überall ab. Wenn du nichts angefordert hast, ignoriere diese E-Mail.",
    ],
    action: "Neues Passwort wählen",
  }),
};
