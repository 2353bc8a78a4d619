import { availability, contact } from "./common-questions.ts";
import type { LocalizedText, ProgramTemplate } from "./types.ts";

const topicChoices: { id: string; label: LocalizedText }[] = [
  { id: "stress", label: { en: "Stress and feeling overwhelmed", fr: "Stress et surcharge", de: "Stress und Überforderung" } },
  { id: "motivation", label: { en: "Motivation and routines", fr: "Motivation et routines", de: "Motivation und Routinen" } },
  { id: "confidence", label: { en: "Self-confidence", fr: "Confiance en soi", de: "Selbstvertrauen" } },
  { id: "loneliness", label: { en: "Loneliness and connection", fr: "Solitude et lien social", de: "Einsamkeit und Verbundenheit" } },
  { id: "life-changes", label: { en: "Life changes and transitions", fr: "Changements et transitions de vie", de: "Lebensveränderungen und Übergänge" } },
  {
    id: "work-study-pressure",
    label: { en: "Pressure at work or in studies", fr: "Pression au travail ou dans les études", de: "Druck im Job oder im Studium" },
  },
  { id: "caring", label: { en: "Parenting and caring for others", fr: "Parentalité et rôle d’aidant", de: "Elternsein und Pflege von Angehörigen" } },
  { id: "healthy-habits", label: { en: "Sleep, movement and rest", fr: "Sommeil, activité physique et repos", de: "Schlaf, Bewegung und Erholung" } },
  { id: "setbacks", label: { en: "Setbacks and disappointment", fr: "Revers et déceptions", de: "Rückschläge und Enttäuschungen" } },
];

const supportStyleChoices: { id: string; label: LocalizedText }[] = [
  { id: "listening", label: { en: "Someone who listens", fr: "Une écoute attentive", de: "Jemand, der zuhört" } },
  { id: "encouragement", label: { en: "Encouragement and cheering on", fr: "Des encouragements", de: "Ermutigung und Zuspruch" } },
  {
    id: "practical",
    label: { en: "Practical ideas and next steps", fr: "Des idées concrètes et des prochaines étapes", de: "Praktische Ideen und nächste Schritte" },
  },
  { id: "accountability", label: { en: "Gentle accountability", fr: "Un suivi bienveillant", de: "Jemand, der freundlich nachhakt" } },
];

export const encouragementSupport: ProgramTemplate = {
  id: "encouragement-support",
  name: {
    en: "Encouragement and support",
    fr: "Encouragement et soutien",
    de: "Ermutigung und Unterstützung",
  },
  summary: {
    en: "Seven weeks of one-on-one peer support to get through a hard stretch and build habits that help.",
    fr: "Sept semaines de soutien entre pairs, en tête-à-tête, pour traverser une période difficile et prendre des habitudes qui font du bien.",
    de: "Sieben Wochen Unterstützung auf Augenhöhe, eins zu eins, um durch eine schwere Zeit zu kommen und hilfreiche Gewohnheiten aufzubauen.",
  },
  description: {
    en: "Pair up with a kind, experienced member of your community who will listen and cheer you on. Over seven weeks you will talk about what weighs on you, rediscover your strengths, build small habits and a wider support network, and learn to be gentler with yourself after setbacks. This is peer support, not therapy: mentors are not a substitute for professional help. If you are in crisis, contact your local emergency services or a health professional right away.",
    fr: "Un membre bienveillant et expérimenté de votre communauté vous écoute et vous encourage, en tête-à-tête. En sept semaines, vous parlerez de ce qui vous pèse, retrouverez vos forces, prendrez de petites habitudes, élargirez votre cercle de soutien et apprendrez à vous traiter avec plus de bienveillance après un revers. Il s’agit d’un soutien entre pairs, pas d’une thérapie : les mentors ne remplacent pas un professionnel. En cas de crise, contactez immédiatement les services d’urgence de votre pays ou un professionnel de santé.",
    de: "Ein freundliches, erfahrenes Mitglied deiner Community hört dir zu und feuert dich an. In sieben Wochen sprecht ihr darüber, was dich belastet. Du entdeckst deine Stärken neu, baust kleine Gewohnheiten und ein größeres Unterstützungsnetz auf und lernst, nach Rückschlägen freundlicher mit dir umzugehen. Das ist Unterstützung auf Augenhöhe, keine Therapie: Mentorinnen und Mentoren ersetzen keine professionelle Hilfe. Wenn du in einer akuten Krise bist, wende dich sofort an den Notruf in deinem Land oder an eine medizinische Fachperson.",
  },
  durationWeeks: 7,
  steps: [
    {
      week: 1,
      title: {
        en: "Get to know each other",
        fr: "Faire connaissance",
        de: "Einander kennenlernen",
      },
      guidance: {
        en: "Welcome! This program is peer support: someone in your corner for a few weeks. Start simply: introduce yourselves, what your days look like and what you enjoy. Mentee, share what made you sign up and what you hope will feel different by the end. Mentor, say what you can offer and what is beyond your role. A mentor listens and encourages, but is not a substitute for a therapist or doctor: if either of you is ever in crisis, contact local emergency services or a professional right away. Agree how and when you will talk, and how to say “not this week”. Before next week, each of you notices one moment that gave you energy.",
        fr: "Bienvenue ! Ce programme repose sur le soutien entre pairs : quelqu’un à vos côtés pendant quelques semaines. Commencez simplement : présentez-vous, racontez à quoi ressemblent vos journées et ce que vous aimez faire. La personne mentorée explique ce qui l’a poussée à s’inscrire et ce qu’elle espère voir changer d’ici la fin. Le mentor précise ce qu’il peut apporter et ce qui dépasse son rôle. Un mentor écoute et encourage, mais ne remplace pas un thérapeute ou un médecin : si l’un de vous traverse une crise, contactez sans attendre les services d’urgence locaux ou un professionnel. Convenez de quand et comment vous échangez, et de la façon de dire « pas cette semaine ». D’ici la semaine prochaine, repérez chacun un moment qui vous a donné de l’énergie.",
        de: "Willkommen! In diesem Programm geht es um Unterstützung auf Augenhöhe: Jemand steht ein paar Wochen lang an deiner Seite. Fangt einfach an: Stellt euch vor, erzählt, wie eure Tage aussehen und was euch Freude macht. Als Mentee erzählst du, warum du dich angemeldet hast und was sich bis zum Ende anders anfühlen soll. Als Mentor oder Mentorin sagst du, was du geben kannst und was über deine Rolle hinausgeht. Eine Mentorin oder ein Mentor hört zu und ermutigt, ersetzt aber keine Therapie und keine ärztliche Behandlung: Wenn jemand von euch in einer akuten Krise ist, wendet euch sofort an den örtlichen Notruf oder an eine Fachperson. Vereinbart, wie und wann ihr sprecht und wie man „diese Woche nicht“ sagt. Bis nächste Woche achtet ihr beide auf einen Moment, der euch Energie gegeben hat.",
      },
      activities: [
        {
          id: "introduce-yourselves",
          label: {
            en: "Introduce yourselves",
            fr: "Vous présenter mutuellement",
            de: "Euch gegenseitig vorstellen",
          },
        },
        {
          id: "share-goals",
          label: {
            en: "Share your goals for the program",
            fr: "Partager vos objectifs pour le programme",
            de: "Eure Ziele für das Programm besprechen",
          },
        },
        {
          id: "agree-how-and-when",
          label: {
            en: "Agree on how and when you will talk",
            fr: "Convenir de quand et comment vous échangerez",
            de: "Vereinbaren, wie und wann ihr miteinander sprecht",
          },
        },
        {
          id: "talk-about-limits",
          label: {
            en: "Talk about what this program can and cannot offer",
            fr: "Parler de ce que ce programme peut et ne peut pas offrir",
            de: "Besprechen, was dieses Programm leisten kann und was nicht",
          },
        },
      ],
    },
    {
      week: 2,
      title: {
        en: "What weighs on you, and what helps",
        fr: "Ce qui vous pèse, et ce qui vous aide",
        de: "Was belastet und was hilft",
      },
      guidance: {
        en: "This week, make room for what is hard right now. Mentee, share what is weighing on you, only as much as feels comfortable. Mentor, mostly listen: reflect back what you hear, and ask before offering advice. Then turn to what already helps, even a little: a walk, a person, a routine, a song. Ask each other: when did you last feel a bit lighter, and what was different then? Sort the worries into what you can influence and what you cannot. If something feels too big for the two of you, look for professional support together. Before next week, the mentee does one helpful thing on purpose.",
        fr: "Cette semaine, faites de la place à ce qui est difficile en ce moment. La personne mentorée partage ce qui lui pèse, seulement dans la mesure où elle s’y sent à l’aise. Le mentor écoute avant tout, reformule ce qu’il entend et demande avant de donner un conseil. Tournez-vous ensuite vers ce qui aide déjà, même un peu : une promenade, une personne, une routine, une chanson. Demandez-vous : quand avez-vous eu, pour la dernière fois, l’impression de respirer un peu mieux, et qu’est-ce qui était différent ? Triez les soucis entre ce sur quoi vous avez prise et ce qui vous échappe. Si quelque chose semble trop lourd pour vous deux, cherchez ensemble un soutien professionnel. D’ici la semaine prochaine, la personne mentorée fait délibérément une chose qui l’aide.",
        de: "Diese Woche gebt ihr dem Raum, was gerade schwer ist. Als Mentee erzählst du, was dich belastet, aber nur so viel, wie sich gut anfühlt. Als Mentor oder Mentorin hörst du vor allem zu: Gib wieder, was du hörst, und frag nach, bevor du Ratschläge gibst. Wendet euch dann dem zu, was schon hilft, und sei es nur ein wenig: ein Spaziergang, ein Mensch, eine Routine, ein Lied. Fragt euch gegenseitig: Wann habt ihr euch zuletzt etwas leichter gefühlt, und was war da anders? Sortiert die Sorgen danach, was sich beeinflussen lässt und was nicht. Wenn sich etwas zu groß für euch beide anfühlt, sucht gemeinsam nach professioneller Unterstützung. Bis nächste Woche tust du als Mentee ganz bewusst eine Sache, die dir guttut.",
      },
      activities: [
        {
          id: "name-what-weighs",
          label: {
            en: "Name what is weighing on you right now",
            fr: "Nommer ce qui vous pèse en ce moment",
            de: "Benennen, was dich gerade belastet",
          },
        },
        {
          id: "list-what-helps",
          label: {
            en: "List three things that already help, even a little",
            fr: "Lister trois choses qui aident déjà, même un peu",
            de: "Drei Dinge aufschreiben, die schon ein wenig helfen",
          },
        },
        {
          id: "sort-worries",
          label: {
            en: "Sort worries into what you can and cannot influence",
            fr: "Trier les soucis : ce sur quoi vous avez prise, et le reste",
            de: "Sorgen sortieren: beeinflussbar oder nicht",
          },
        },
        {
          id: "do-one-helpful-thing",
          label: {
            en: "Do one helpful thing on purpose",
            fr: "Faire délibérément une chose qui vous aide",
            de: "Bewusst eine Sache tun, die dir guttut",
          },
        },
      ],
    },
    {
      week: 3,
      title: {
        en: "Strengths and past wins",
        fr: "Forces et réussites passées",
        de: "Stärken und frühere Erfolge",
      },
      guidance: {
        en: "When things are hard, it is easy to forget everything you have already got through. This week, look back on purpose. Mentee, tell your mentor about a difficult time you handled and what got you through it: a skill, a habit, a person, plain stubbornness. Mentor, listen for strengths and say them out loud; hearing them from someone else often lands differently. Then write a short list of wins from the past year, including small ones like asking for help or keeping a promise to yourself. Before next week, put the list somewhere you will see it, and add one new thing to it.",
        fr: "Quand tout est difficile, on oublie facilement tout ce qu’on a déjà traversé. Cette semaine, regardez en arrière volontairement. La personne mentorée raconte une période difficile qu’elle a surmontée et ce qui l’a aidée à tenir : une compétence, une habitude, une personne, ou simplement de l’obstination. Le mentor repère les forces dans ce récit et les nomme à voix haute : les entendre dans la bouche de quelqu’un d’autre fait souvent un effet différent. Écrivez ensuite une courte liste des réussites de l’année passée, y compris les petites, comme demander de l’aide ou tenir une promesse faite à soi-même. D’ici la semaine prochaine, placez la liste là où vous la verrez, et ajoutez-y une nouvelle réussite.",
        de: "Wenn es schwer ist, vergisst man leicht, was man schon alles geschafft hat. Diese Woche schaut ihr bewusst zurück. Als Mentee erzählst du von einer schwierigen Zeit, die du gemeistert hast, und was dir dabei geholfen hat: eine Fähigkeit, eine Gewohnheit, ein Mensch oder schlicht Sturheit. Dein Gegenüber achtet auf Stärken und spricht sie aus; von jemand anderem gehört, wirken sie oft anders. Schreibt dann eine kurze Liste mit Erfolgen aus dem letzten Jahr, auch kleinen, etwa um Hilfe gebeten oder ein Versprechen an dich selbst gehalten zu haben. Bis nächste Woche legst du die Liste dorthin, wo du sie siehst, und ergänzt einen neuen Punkt.",
      },
      activities: [
        {
          id: "tell-hard-time",
          label: {
            en: "Tell the story of a hard time you got through",
            fr: "Raconter une période difficile que vous avez traversée",
            de: "Von einer schweren Zeit erzählen, die du gemeistert hast",
          },
        },
        {
          id: "name-strengths",
          label: {
            en: "Name three strengths you heard in that story",
            fr: "Nommer trois forces entendues dans ce récit",
            de: "Drei Stärken benennen, die in dieser Geschichte stecken",
          },
        },
        {
          id: "write-wins",
          label: {
            en: "Write a list of wins from the past year",
            fr: "Écrire la liste des réussites de l’année passée",
            de: "Eine Liste mit Erfolgen aus dem letzten Jahr schreiben",
          },
        },
        {
          id: "add-one-win",
          label: {
            en: "Add one new win before next week",
            fr: "Ajouter une nouvelle réussite d’ici la semaine prochaine",
            de: "Bis nächste Woche einen neuen Erfolg ergänzen",
          },
        },
      ],
    },
    {
      week: 4,
      title: {
        en: "Small habits that last",
        fr: "De petites habitudes qui durent",
        de: "Kleine Gewohnheiten, die bleiben",
      },
      guidance: {
        en: "Big resolutions rarely survive a busy week; small habits often do. Together, choose one habit that would support the mentee’s wellbeing, such as a short walk, a regular bedtime, a few quiet minutes or a message to someone they like. Make it so small it feels almost too easy, and attach it to something that already happens every day, like the morning coffee. Mentor, share a habit of your own that stuck and one that did not. Agree how the mentee will keep track, and decide now what “good enough” looks like on a bad day. Before next week, try the habit on at least four days.",
        fr: "Les grandes résolutions survivent rarement à une semaine chargée ; les petites habitudes, souvent. Ensemble, choisissez une habitude qui soutiendrait le bien-être de la personne mentorée : une courte marche, une heure de coucher régulière, quelques minutes au calme ou un message à un proche. Rendez-la si petite qu’elle paraît presque trop facile, et accrochez-la à quelque chose qui a déjà lieu chaque jour, comme le café du matin. Le mentor partage une de ses habitudes qui a tenu, et une autre qui n’a pas tenu. Convenez de la façon dont la personne mentorée en gardera la trace, et décidez dès maintenant de la version minimale qui compte quand même un mauvais jour. D’ici la semaine prochaine, essayez l’habitude au moins quatre jours.",
        de: "Große Vorsätze überstehen selten eine volle Woche, kleine Gewohnheiten oft schon. Wählt gemeinsam eine Gewohnheit, die dein Wohlbefinden als Mentee stärkt, etwa ein kurzer Spaziergang, eine feste Schlafenszeit, ein paar ruhige Minuten oder eine Nachricht an einen lieben Menschen. Macht sie so klein, dass sie sich fast zu leicht anfühlt, und knüpft sie an etwas, das ohnehin jeden Tag passiert, zum Beispiel an den Morgenkaffee. Als Mentor oder Mentorin erzählst du von einer eigenen Gewohnheit, die geblieben ist, und von einer, die es nicht geschafft hat. Vereinbart, wie du sie abhakst, und legt jetzt schon fest, was an einem schlechten Tag „gut genug“ ist. Bis nächste Woche probierst du die Gewohnheit an mindestens vier Tagen aus.",
      },
      activities: [
        {
          id: "choose-habit",
          label: {
            en: "Choose one small habit that supports your wellbeing",
            fr: "Choisir une petite habitude bonne pour votre bien-être",
            de: "Eine kleine Gewohnheit wählen, die dir guttut",
          },
        },
        {
          id: "anchor-habit",
          label: {
            en: "Attach it to something you already do every day",
            fr: "L’accrocher à quelque chose que vous faites déjà chaque jour",
            de: "Sie an etwas knüpfen, das du ohnehin täglich tust",
          },
        },
        {
          id: "define-minimum",
          label: {
            en: "Decide the minimum version for a bad day",
            fr: "Définir la version minimale pour un mauvais jour",
            de: "Die Minimalversion für schlechte Tage festlegen",
          },
        },
        {
          id: "try-four-days",
          label: {
            en: "Try it on at least four days and note how it went",
            fr: "L’essayer au moins quatre jours et noter comment ça s’est passé",
            de: "Sie an mindestens vier Tagen ausprobieren und notieren, wie es lief",
          },
        },
      ],
    },
    {
      week: 5,
      title: {
        en: "Build your support network",
        fr: "Construire votre réseau de soutien",
        de: "Ein Unterstützungsnetz aufbauen",
      },
      guidance: {
        en: "No one should have to lean on a single person, so this week is about the wider circle. Draw a simple map with the mentee in the middle and the people around them: family, friends, neighbors, colleagues, groups and local services. Who do you turn to for a laugh, for practical help, for a hard conversation? Notice where the map feels thin, without judging it. Mentor, share how you built or rebuilt your own circle. Then pick one connection to nurture: a message to someone you miss, a group to try, or a local service to look up. Before next week, take that one step.",
        fr: "Nul ne devrait tout faire reposer sur une seule personne : cette semaine porte sur le cercle plus large. Dessinez une carte simple avec la personne mentorée au centre et, autour, les gens de sa vie : famille, amis, voisins, collègues, groupes et services de proximité. Vers qui vous tournez-vous pour rire, pour un coup de main, pour une conversation difficile ? Remarquez où la carte paraît clairsemée, sans jugement. Le mentor raconte comment il a construit, ou reconstruit, son propre cercle. Choisissez ensuite un lien à entretenir : un message à quelqu’un qui vous manque, un groupe à essayer ou un service local à découvrir. D’ici la semaine prochaine, faites ce pas.",
        de: "Niemand sollte sich nur auf einen einzigen Menschen stützen müssen, deshalb geht es diese Woche um den größeren Kreis. Zeichnet eine einfache Karte: du als Mentee in der Mitte, drumherum die Menschen in deinem Leben, also Familie, Freundeskreis, Nachbarschaft, Kolleginnen und Kollegen, Gruppen und Anlaufstellen vor Ort. An wen wendest du dich, um zu lachen, für praktische Hilfe, für ein schwieriges Gespräch? Schaut ohne Wertung, wo die Karte dünn wirkt. Als Mentor oder Mentorin erzählst du, wie du deinen eigenen Kreis aufgebaut oder neu aufgebaut hast. Wählt dann eine Verbindung, die du pflegen willst: eine Nachricht an jemanden, den du vermisst, eine Gruppe zum Ausprobieren oder ein Angebot vor Ort, über das du dich informierst. Bis nächste Woche gehst du diesen einen Schritt.",
      },
      activities: [
        {
          id: "draw-support-map",
          label: {
            en: "Draw a map of the people who support you",
            fr: "Dessiner la carte des personnes qui vous soutiennent",
            de: "Eine Karte der Menschen zeichnen, die dich unterstützen",
          },
        },
        {
          id: "spot-gaps",
          label: {
            en: "Notice where support feels thin",
            fr: "Repérer où le soutien manque",
            de: "Erkennen, wo Unterstützung fehlt",
          },
        },
        {
          id: "pick-connection",
          label: {
            en: "Pick one relationship or group to invest in",
            fr: "Choisir un lien ou un groupe à entretenir",
            de: "Eine Beziehung oder Gruppe wählen, die du pflegen willst",
          },
        },
        {
          id: "reach-out",
          label: {
            en: "Reach out to one person or group",
            fr: "Contacter une personne ou un groupe",
            de: "Eine Person oder Gruppe kontaktieren",
          },
        },
      ],
    },
    {
      week: 6,
      title: {
        en: "Setbacks and self-compassion",
        fr: "Revers et bienveillance envers soi",
        de: "Rückschläge und Selbstmitgefühl",
      },
      guidance: {
        en: "By now something has probably not gone to plan: a skipped habit, a hard day, a week that fell apart. That is normal, and this week is about how to respond to it. Talk about how the mentee speaks to themselves after a setback, then ask: what would you say to a good friend in the same spot? Write that kinder version down. Mentor, share a setback of your own and what helped you get going again. Together, make a simple plan for bad days: one thing to do, one person to contact and one thing to let go of. Before next week, use the kinder sentence at least once.",
        fr: "À ce stade, quelque chose ne s’est sans doute pas passé comme prévu : une habitude sautée, une journée difficile, une semaine qui a déraillé. C’est normal, et cette semaine porte sur la façon d’y réagir. Parlez de la manière dont la personne mentorée se parle à elle-même après un revers, puis demandez : que diriez-vous à une personne qui vous est chère, dans la même situation ? Écrivez cette version plus bienveillante. Le mentor raconte un revers vécu et ce qui l’a aidé à repartir. Ensemble, préparez un plan simple pour les mauvais jours : une chose à faire, une personne à contacter et une chose à laisser tomber. D’ici la semaine prochaine, utilisez la phrase bienveillante au moins une fois.",
        de: "Inzwischen ist vermutlich etwas nicht nach Plan gelaufen: eine ausgelassene Gewohnheit, ein schwerer Tag, eine Woche, die aus dem Ruder lief. Das ist normal, und diese Woche geht es darum, wie ihr damit umgeht. Sprecht darüber, wie du als Mentee nach einem Rückschlag mit dir selbst redest, und fragt dann: Was würdest du einem Menschen, der dir wichtig ist, in derselben Lage sagen? Schreibt diese freundlichere Version auf. Als Mentor oder Mentorin erzählst du von einem eigenen Rückschlag und davon, was dir geholfen hat, wieder in Gang zu kommen. Macht gemeinsam einen einfachen Plan für schlechte Tage: eine Sache, die du tust, ein Mensch, den du kontaktierst, und eine Sache, die du loslässt. Bis nächste Woche nutzt du den freundlicheren Satz mindestens einmal.",
      },
      activities: [
        {
          id: "talk-about-setback",
          label: {
            en: "Talk about a recent setback without judging it",
            fr: "Parler d’un revers récent sans le juger",
            de: "Ohne Urteil über einen aktuellen Rückschlag sprechen",
          },
        },
        {
          id: "write-kinder-words",
          label: {
            en: "Write what you would say to a friend in your place",
            fr: "Écrire ce que vous diriez à un proche à votre place",
            de: "Aufschreiben, was du einem lieben Menschen an deiner Stelle sagen würdest",
          },
        },
        {
          id: "bad-day-plan",
          label: {
            en: "Make a bad-day plan: one thing to do, one person, one thing to let go",
            fr: "Préparer un plan pour les mauvais jours : une chose à faire, une personne, une chose à lâcher",
            de: "Einen Plan für schlechte Tage machen: eine Sache tun, einen Menschen kontaktieren, eine Sache loslassen",
          },
        },
        {
          id: "use-kinder-sentence",
          label: {
            en: "Use the kinder sentence at least once",
            fr: "Utiliser la phrase bienveillante au moins une fois",
            de: "Den freundlicheren Satz mindestens einmal nutzen",
          },
        },
      ],
    },
    {
      week: 7,
      title: {
        en: "Celebrate progress and say goodbye",
        fr: "Célébrer vos progrès et vous dire au revoir",
        de: "Fortschritte feiern und Abschied nehmen",
      },
      guidance: {
        en: "You made it to the last step. Look back together at what the mentee shared in week 1 and at the list of wins: what feels different now, even slightly? Name the habits, people and strengths that helped, and celebrate them properly. Talk about what the mentee wants to keep doing on their own, and write it down in a few lines to come back to. Mentor, tell your mentee what you noticed and admired over these weeks. Then decide together how to end: stay in touch, check in once more in a month, or simply part warmly. Thank each other, and when you are both ready, mark the mentorship completed.",
        fr: "Vous voici à la dernière étape. Relisez ensemble ce que la personne mentorée avait partagé en semaine 1, ainsi que la liste des réussites : qu’est-ce qui est différent aujourd’hui, même un peu ? Nommez les habitudes, les personnes et les forces qui ont aidé, et célébrez-les comme il se doit. Parlez de ce que la personne mentorée veut continuer seule, et écrivez-le en quelques lignes à relire plus tard. Le mentor dit ce qu’il a remarqué et admiré au fil de ces semaines. Décidez ensuite ensemble comment conclure : rester en contact, prendre des nouvelles dans un mois, ou simplement vous quitter chaleureusement. Remerciez-vous mutuellement et, quand vous êtes tous deux prêts, marquez le mentorat comme terminé.",
        de: "Ihr seid beim letzten Schritt angekommen. Schaut gemeinsam zurück auf das, was du als Mentee in Woche 1 erzählt hast, und auf die Liste deiner Erfolge: Was fühlt sich heute anders an, und sei es nur ein bisschen? Benennt die Gewohnheiten, Menschen und Stärken, die geholfen haben, und feiert sie richtig. Sprecht darüber, was du allein weiterführen möchtest, und schreibt es in ein paar Zeilen auf, zu denen du zurückkehren kannst. Als Mentor oder Mentorin sagst du deinem Gegenüber, was dir in diesen Wochen aufgefallen ist und was du bewundert hast. Entscheidet dann gemeinsam, wie ihr auseinandergeht: in Kontakt bleiben, euch in einem Monat noch einmal melden oder euch einfach herzlich verabschieden. Bedankt euch gegenseitig, und wenn ihr beide so weit seid, markiert das Mentoring als abgeschlossen.",
      },
      activities: [
        {
          id: "look-back",
          label: {
            en: "Compare today with what you shared in week 1",
            fr: "Comparer aujourd’hui avec ce que vous aviez partagé en semaine 1",
            de: "Heute mit dem vergleichen, was ihr in Woche 1 erzählt habt",
          },
        },
        {
          id: "celebrate-changes",
          label: {
            en: "Celebrate three things that changed",
            fr: "Célébrer trois choses qui ont changé",
            de: "Drei Dinge feiern, die sich verändert haben",
          },
        },
        {
          id: "keep-going-note",
          label: {
            en: "Write a short note on what you will keep doing",
            fr: "Écrire une courte note sur ce que vous allez continuer",
            de: "Kurz aufschreiben, was du beibehalten willst",
          },
        },
        {
          id: "say-goodbye",
          label: {
            en: "Decide how to stay in touch, and thank each other",
            fr: "Décider comment rester en contact, et vous remercier",
            de: "Entscheiden, wie ihr in Kontakt bleibt, und euch bedanken",
          },
        },
      ],
    },
  ],
  questions: {
    mentor: [
      {
        id: "help_with",
        kind: "long_text",
        label: {
          en: "What can you help with?",
          fr: "Sur quoi pouvez-vous apporter votre aide ?",
          de: "Wobei kannst du unterstützen?",
        },
        help: {
          en: "For example: a listening ear, experience with a big life change, or routines that helped you through a hard time.",
          fr: "Par exemple : une oreille attentive, l’expérience d’un grand changement de vie ou des routines qui vous ont été utiles dans une période difficile.",
          de: "Zum Beispiel: ein offenes Ohr, Erfahrung mit einer großen Veränderung im Leben oder Routinen, die dir durch eine schwere Zeit geholfen haben.",
        },
        required: true,
      },
      {
        id: "why_help",
        kind: "long_text",
        label: {
          en: "Why do you want to support someone?",
          fr: "Pourquoi souhaitez-vous soutenir quelqu’un ?",
          de: "Warum möchtest du jemanden unterstützen?",
        },
        help: {
          en: "A sentence or two is enough.",
          fr: "Une ou deux phrases suffisent.",
          de: "Ein, zwei Sätze reichen.",
        },
        required: true,
      },
      {
        id: "topics",
        kind: "multiple_choice",
        label: {
          en: "Which topics are you comfortable talking about?",
          fr: "Sur quels sujets êtes-vous à l’aise pour échanger ?",
          de: "Über welche Themen kannst du gut sprechen?",
        },
        help: {
          en: "Pick only what you feel able to support as a peer, not as a professional.",
          fr: "Ne cochez que ce que vous vous sentez capable d’accompagner en tant que pair, et non en tant que professionnel.",
          de: "Wähle nur, wobei du dir Unterstützung auf Augenhöhe zutraust, nicht als Fachperson.",
        },
        required: true,
        choices: topicChoices,
      },
      {
        id: "support_styles",
        kind: "multiple_choice",
        label: {
          en: "What kind of support do you give best?",
          fr: "Quel type de soutien apportez-vous le mieux ?",
          de: "Welche Art von Unterstützung liegt dir am meisten?",
        },
        required: false,
        choices: supportStyleChoices,
      },
      availability,
      contact,
    ],
    mentee: [
      {
        id: "need_help_with",
        kind: "long_text",
        label: {
          en: "What would you like support with?",
          fr: "Dans quel domaine souhaitez-vous du soutien ?",
          de: "Wobei wünschst du dir Unterstützung?",
        },
        help: {
          en: "Share only what you are comfortable sharing. This is peer support, not therapy or crisis help.",
          fr: "Ne partagez que ce que vous souhaitez partager. Il s’agit d’un soutien entre pairs, pas d’une thérapie ni d’une aide en cas de crise.",
          de: "Teile nur, was du teilen möchtest. Das hier ist Unterstützung auf Augenhöhe, keine Therapie und keine Krisenhilfe.",
        },
        required: true,
      },
      {
        id: "mentor_wanted",
        kind: "long_text",
        label: {
          en: "What kind of mentor would feel right for you?",
          fr: "Quel type de mentor vous conviendrait ?",
          de: "Was für ein Mentor oder eine Mentorin würde zu dir passen?",
        },
        help: {
          en: "For example: someone who has been through something similar, someone calm and patient, or someone who helps you get moving.",
          fr: "Par exemple : quelqu’un qui a vécu quelque chose de semblable, quelqu’un de calme et patient, ou quelqu’un qui aide à se remettre en mouvement.",
          de: "Zum Beispiel: jemand, der Ähnliches erlebt hat, jemand Ruhiges und Geduldiges oder jemand, der dir hilft, in Bewegung zu kommen.",
        },
        required: true,
      },
      {
        id: "support_style",
        kind: "single_choice",
        label: {
          en: "What kind of support helps you most?",
          fr: "Quel type de soutien vous aide le plus ?",
          de: "Welche Art von Unterstützung hilft dir am meisten?",
        },
        required: false,
        choices: supportStyleChoices,
      },
      {
        id: "topics",
        kind: "multiple_choice",
        label: {
          en: "Which topics would you like to talk about?",
          fr: "De quels sujets aimeriez-vous parler ?",
          de: "Über welche Themen möchtest du sprechen?",
        },
        help: {
          en: "Pick all that apply.",
          fr: "Plusieurs réponses possibles.",
          de: "Wähle alles aus, was zutrifft.",
        },
        required: true,
        choices: topicChoices,
      },
      availability,
      contact,
    ],
  },
};
