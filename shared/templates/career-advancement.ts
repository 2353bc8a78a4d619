import { availability, contact } from "./common-questions.ts";
import type { LocalizedText, ProgramTemplate } from "./types.ts";

const topicChoices: { id: string; label: LocalizedText }[] = [
  { id: "career-direction", label: { en: "Finding your direction", fr: "Trouver sa voie", de: "Die eigene Richtung finden" } },
  { id: "promotion", label: { en: "Getting promoted", fr: "Obtenir une promotion", de: "Befördert werden" } },
  { id: "job-search", label: { en: "Job search and applications", fr: "Recherche d’emploi et candidatures", de: "Jobsuche und Bewerbungen" } },
  { id: "cv-interviews", label: { en: "CV and interviews", fr: "CV et entretiens", de: "Lebenslauf und Vorstellungsgespräche" } },
  { id: "networking", label: { en: "Networking", fr: "Réseautage", de: "Netzwerken" } },
  { id: "visibility", label: { en: "Visibility and personal brand", fr: "Visibilité et image professionnelle", de: "Sichtbarkeit und persönliche Marke" } },
  { id: "negotiation", label: { en: "Salary and negotiation", fr: "Salaire et négociation", de: "Gehalt und Verhandlung" } },
  { id: "leadership", label: { en: "Moving into leadership", fr: "Passer à un poste de management", de: "Der Schritt in die Führung" } },
  { id: "career-change", label: { en: "Changing careers or industries", fr: "Reconversion ou changement de secteur", de: "Berufs- oder Branchenwechsel" } },
  { id: "work-life", label: { en: "Balancing work and life", fr: "Équilibre entre vie pro et vie perso", de: "Beruf und Privatleben vereinbaren" } },
];

const careerStageChoices: { id: string; label: LocalizedText }[] = [
  { id: "early", label: { en: "Early career (0–3 years)", fr: "Début de carrière (0 à 3 ans)", de: "Berufseinstieg (0–3 Jahre)" } },
  { id: "mid", label: { en: "Mid-career", fr: "Milieu de carrière", de: "Mittlere Karrierephase" } },
  { id: "senior", label: { en: "Senior or leadership role", fr: "Poste senior ou de direction", de: "Senior- oder Führungsposition" } },
  { id: "changing", label: { en: "Changing careers", fr: "En reconversion", de: "Beruflicher Umstieg" } },
  { id: "returning", label: { en: "Returning after a break", fr: "Retour après une pause", de: "Wiedereinstieg nach einer Pause" } },
];

export const careerAdvancement: ProgramTemplate = {
  id: "career-advancement",
  name: {
    en: "Career advancement",
    fr: "Évolution de carrière",
    de: "Karriereentwicklung",
  },
  summary: {
    en: "Eight weeks to clarify a career goal and take the next step: a promotion, a new role or a new direction.",
    fr: "Huit semaines pour clarifier un objectif professionnel et franchir la prochaine étape : une promotion, un nouveau poste ou une nouvelle orientation.",
    de: "Acht Wochen, um ein berufliches Ziel zu klären und den nächsten Schritt zu gehen: eine Beförderung, eine neue Stelle oder eine neue Richtung.",
  },
  description: {
    en: "Pair up with someone a few steps ahead of you in your field. Over eight weeks you will clarify what you want, take stock of your strengths, become more visible, grow your network, prepare for a promotion talk or a job move, practice negotiating, and finish with a plan for the next 90 days. Expect about an hour a week together, plus a small task between meetings.",
    fr: "Faites équipe avec une personne qui a quelques longueurs d’avance dans votre domaine. En huit semaines, vous clarifierez ce que vous voulez, ferez le point sur vos forces, gagnerez en visibilité, développerez votre réseau, préparerez une demande de promotion ou un changement de poste, vous entraînerez à négocier et repartirez avec un plan pour les 90 jours suivants. Comptez environ une heure par semaine ensemble, plus une petite tâche entre deux rencontres.",
    de: "Du arbeitest mit einer erfahrenen Person zusammen, die in deinem Bereich schon ein paar Schritte weiter ist. In acht Wochen klärst du, was du willst, ziehst Bilanz deiner Stärken, wirst sichtbarer, baust dein Netzwerk aus, bereitest ein Beförderungsgespräch oder einen Jobwechsel vor, übst das Verhandeln und gehst mit einem Plan für die nächsten 90 Tage aus dem Programm. Rechne mit etwa einer Stunde pro Woche zu zweit und einer kleinen Aufgabe zwischen den Treffen.",
  },
  durationWeeks: 8,
  steps: [
    {
      week: 1,
      title: {
        en: "Get to know each other",
        fr: "Faire connaissance",
        de: "Einander kennenlernen",
      },
      guidance: {
        en: "Welcome! This first week is about getting comfortable with each other. Mentee, share where you are in your career today and what made you sign up. Mentor, tell the story of your own path, including a turn that did not go to plan. Then talk about what each of you hopes to get from these weeks, and be honest about how much time you can give. Settle the practical side too: how often you will meet, whether by video, phone or chat, which times work, and how quickly you usually reply. Before next week, the mentee writes down one thing they would love to have changed by the end of the program.",
        fr: "Bienvenue ! Cette première semaine sert à faire connaissance en toute simplicité. La personne mentorée explique où elle en est dans sa carrière et ce qui l’a poussée à s’inscrire. Le mentor raconte son propre parcours, y compris un virage qui ne s’est pas passé comme prévu. Parlez ensuite de ce que chacun espère retirer de ces semaines, et soyez honnêtes sur le temps que vous pouvez y consacrer. Réglez aussi les questions pratiques : à quelle fréquence vous vous retrouvez, en visio, par téléphone ou par écrit, quels créneaux vous conviennent et en combien de temps vous répondez en général. D’ici la semaine prochaine, la personne mentorée note une chose qu’elle aimerait avoir changée à la fin du programme.",
        de: "Willkommen! In dieser ersten Woche geht es darum, miteinander warm zu werden. Als Mentee erzählst du, wo du beruflich gerade stehst und warum du dich angemeldet hast. Als Mentor oder Mentorin erzählst du von deinem eigenen Weg, auch von einer Wendung, die nicht nach Plan lief. Sprecht dann darüber, was ihr euch beide von diesen Wochen erhofft, und seid ehrlich, wie viel Zeit ihr investieren könnt. Klärt auch das Praktische: wie oft ihr euch trefft, ob per Video, Telefon oder Chat, welche Zeiten passen und wie schnell ihr normalerweise antwortet. Bis nächste Woche schreibst du als Mentee eine Sache auf, die sich bis zum Ende des Programms verändert haben soll.",
      },
      activities: [
        {
          id: "introduce-yourselves",
          label: {
            en: "Introduce yourselves and your career paths so far",
            fr: "Vous présenter et raconter votre parcours professionnel",
            de: "Euch vorstellen und vom bisherigen Berufsweg erzählen",
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
          id: "book-first-meetings",
          label: {
            en: "Put your first two meetings in your calendars",
            fr: "Inscrire vos deux premières rencontres dans vos agendas",
            de: "Eure ersten beiden Treffen in den Kalender eintragen",
          },
        },
      ],
    },
    {
      week: 2,
      title: {
        en: "Clarify your goals and values",
        fr: "Clarifier vos objectifs et vos valeurs",
        de: "Ziele und Werte klären",
      },
      guidance: {
        en: "Before planning a next move, it helps to know what you are moving toward. Mentee, describe a good working week two years from now: what you are doing, with whom, and what you no longer do. Mentor, ask “why?” a few times to get past job titles to what really matters, such as autonomy, learning, income, impact or flexibility. Pick the top three values together and notice where the current role honors them or works against them. Then turn the picture into one goal for the next twelve months that fits in a single sentence. Before next week, the mentee posts that sentence in your chat.",
        fr: "Avant de planifier la suite, mieux vaut savoir vers quoi vous allez. La personne mentorée décrit une bonne semaine de travail dans deux ans : ce qu’elle fait, avec qui, et ce qu’elle ne fait plus. Le mentor demande « pourquoi ? » plusieurs fois pour dépasser les intitulés de poste et aller vers ce qui compte vraiment : autonomie, apprentissage, revenu, impact ou flexibilité. Choisissez ensemble les trois valeurs essentielles et repérez où le poste actuel les respecte ou les contrarie. Transformez ensuite ce tableau en un objectif pour les douze prochains mois, qui tienne en une seule phrase. D’ici la semaine prochaine, la personne mentorée publie cette phrase dans votre chat.",
        de: "Bevor ihr den nächsten Schritt plant, hilft es zu wissen, wohin es gehen soll. Als Mentee beschreibst du eine gute Arbeitswoche in zwei Jahren: was du machst, mit wem und was du nicht mehr machst. Dein Gegenüber fragt ein paarmal „Warum?“, um hinter Jobtitel zu schauen und zu dem zu kommen, was wirklich zählt, etwa Selbstbestimmung, Lernen, Einkommen, Wirkung oder Flexibilität. Wählt gemeinsam die drei wichtigsten Werte aus und schaut, wo die aktuelle Stelle sie stärkt oder ihnen im Weg steht. Macht aus diesem Bild dann ein Ziel für die nächsten zwölf Monate, das in einen einzigen Satz passt. Bis nächste Woche schreibst du als Mentee diesen Satz in euren Chat.",
      },
      activities: [
        {
          id: "describe-future-week",
          label: {
            en: "Describe a good working week two years from now",
            fr: "Décrire une bonne semaine de travail dans deux ans",
            de: "Eine gute Arbeitswoche in zwei Jahren beschreiben",
          },
        },
        {
          id: "pick-top-values",
          label: {
            en: "Pick your top three work values",
            fr: "Choisir vos trois valeurs professionnelles essentielles",
            de: "Die drei wichtigsten Werte im Beruf auswählen",
          },
        },
        {
          id: "write-goal",
          label: {
            en: "Write a one-sentence goal for the next twelve months",
            fr: "Formuler en une phrase un objectif pour les douze prochains mois",
            de: "Ein Ziel für die nächsten zwölf Monate in einem Satz formulieren",
          },
        },
      ],
    },
    {
      week: 3,
      title: {
        en: "Take stock of your strengths",
        fr: "Faire le point sur vos forces",
        de: "Stärken-Inventur",
      },
      guidance: {
        en: "This week you build an honest inventory of what the mentee brings. Mentee, come with three accomplishments from the last year, big or small, and walk your mentor through each one: the situation, what you did and what changed because of it. Mentor, listen for the skills behind the stories and name them out loud; people often underrate what comes easily to them. Then look at the gap between these strengths and last week’s goal. Which one or two skills would make the biggest difference? Before next week, the mentee asks two colleagues or friends “What do you come to me for?” and brings back their answers.",
        fr: "Cette semaine, vous dressez un inventaire honnête de ce que la personne mentorée apporte. Elle arrive avec trois réussites de l’année écoulée, grandes ou petites, et les raconte une par une : la situation, ce qu’elle a fait et ce qui a changé grâce à son action. Le mentor repère les compétences derrière chaque récit et les nomme à voix haute : on sous-estime souvent ce qui nous vient facilement. Regardez ensuite l’écart entre ces forces et l’objectif de la semaine dernière. Quelles compétences, une ou deux au maximum, feraient la plus grande différence ? D’ici la semaine prochaine, la personne mentorée demande à deux collègues ou amis : « Pour quoi faites-vous appel à moi ? », et rapporte leurs réponses.",
        de: "Diese Woche macht ihr eine ehrliche Bestandsaufnahme dessen, was du als Mentee mitbringst. Bring drei Erfolge aus dem letzten Jahr mit, ob groß oder klein, und erzähl zu jedem: die Situation, was du getan hast und was sich dadurch verändert hat. Dein Gegenüber achtet auf die Fähigkeiten hinter den Geschichten und spricht sie aus; was uns leichtfällt, unterschätzen wir oft. Schaut dann auf die Lücke zwischen diesen Stärken und dem Ziel aus der letzten Woche. Welche ein oder zwei Fähigkeiten würden den größten Unterschied machen? Bis nächste Woche fragst du zwei Leute aus deinem Job oder Freundeskreis: „Wofür kommst du zu mir?“, und bringst ihre Antworten mit.",
      },
      activities: [
        {
          id: "write-accomplishments",
          label: {
            en: "Write down three accomplishments from the last year",
            fr: "Noter trois réussites de l’année écoulée",
            de: "Drei Erfolge aus dem letzten Jahr aufschreiben",
          },
        },
        {
          id: "name-strengths",
          label: {
            en: "Name the skills behind each accomplishment",
            fr: "Nommer les compétences derrière chaque réussite",
            de: "Die Fähigkeiten hinter jedem Erfolg benennen",
          },
        },
        {
          id: "ask-two-people",
          label: {
            en: "Ask two people what they come to you for",
            fr: "Demander à deux personnes pour quoi elles font appel à vous",
            de: "Zwei Leute fragen, wofür sie zu dir kommen",
          },
        },
        {
          id: "pick-skills-to-grow",
          label: {
            en: "Pick one or two skills to grow toward your goal",
            fr: "Choisir une ou deux compétences à développer pour atteindre votre objectif",
            de: "Ein oder zwei Fähigkeiten wählen, die dich deinem Ziel näherbringen",
          },
        },
      ],
    },
    {
      week: 4,
      title: {
        en: "Be visible for the right things",
        fr: "Gagner en visibilité sur ce qui compte",
        de: "Mit den richtigen Dingen sichtbar werden",
      },
      guidance: {
        en: "Good work does not always speak for itself, so this week is about making sure the right people know what the mentee does well. Start from last week’s feedback: what do people already associate you with, and what would you like them to? Mentor, share how people in your field get noticed without bragging, for example by sharing results in team updates, writing a short post or offering to present. Review the mentee’s online profile or CV summary together: does it tell the story of the goal, or of the past? Before next week, the mentee makes one small visible move, such as sharing a recent result with their manager.",
        fr: "Un bon travail ne parle pas toujours de lui-même : cette semaine, assurez-vous que les bonnes personnes savent ce que la personne mentorée fait bien. Partez des retours recueillis la semaine dernière : à quoi vous associe-t-on déjà, et à quoi aimeriez-vous qu’on vous associe ? Le mentor explique comment on se fait remarquer dans son domaine sans se vanter : partager ses résultats dans les points d’équipe, écrire un court billet, se proposer pour présenter. Relisez ensemble le profil en ligne ou le résumé du CV : raconte-t-il l’histoire de l’objectif, ou celle du passé ? D’ici la semaine prochaine, la personne mentorée fait un petit geste visible, par exemple partager un résultat récent avec son manager.",
        de: "Gute Arbeit spricht nicht immer für sich. Diese Woche sorgt ihr dafür, dass die richtigen Leute wissen, was du als Mentee gut kannst. Startet mit dem Feedback aus der letzten Woche: Womit verbinden dich andere schon heute, und womit möchtest du verbunden werden? Dein Gegenüber erzählt, wie man im eigenen Fachgebiet auffällt, ohne anzugeben, etwa indem man Ergebnisse im Team-Update teilt, einen kurzen Beitrag schreibt oder anbietet, etwas vorzustellen. Schaut euch gemeinsam dein Online-Profil oder das Kurzprofil im Lebenslauf an: Erzählt es die Geschichte deines Ziels oder die deiner Vergangenheit? Bis nächste Woche machst du einen kleinen sichtbaren Schritt: Teil zum Beispiel ein aktuelles Ergebnis mit deiner Führungskraft.",
      },
      activities: [
        {
          id: "compare-reputation",
          label: {
            en: "Compare how others see you with how you want to be seen",
            fr: "Comparer l’image que les autres ont de vous et celle que vous souhaitez donner",
            de: "Vergleichen, wie andere dich sehen und wie du gesehen werden willst",
          },
        },
        {
          id: "review-profile",
          label: {
            en: "Review your online profile or CV summary together",
            fr: "Relire ensemble votre profil en ligne ou le résumé de votre CV",
            de: "Online-Profil oder Kurzprofil im Lebenslauf gemeinsam durchgehen",
          },
        },
        {
          id: "rewrite-summary",
          label: {
            en: "Rewrite your headline or summary in two sentences",
            fr: "Réécrire votre accroche en deux phrases",
            de: "Überschrift oder Kurzprofil in zwei Sätzen neu schreiben",
          },
        },
        {
          id: "visible-move",
          label: {
            en: "Make one small visible move and report back",
            fr: "Faire un petit geste visible et en rendre compte",
            de: "Einen kleinen sichtbaren Schritt machen und davon berichten",
          },
        },
      ],
    },
    {
      week: 5,
      title: {
        en: "Grow your network",
        fr: "Développer votre réseau",
        de: "Das Netzwerk ausbauen",
      },
      guidance: {
        en: "Careers move through people, and networking works best as curiosity rather than selling. Together, map the mentee’s current network: who do you know in the role, team or company you are aiming for, and who could introduce you? Mentor, think about whether you can make one or two introductions yourself. Draft a short, friendly message asking someone for a twenty-minute conversation about their work, and prepare three good questions to ask. Talk about how to follow up afterwards and how to give something back. Before next week, the mentee sends at least one of those messages.",
        fr: "Une carrière avance grâce aux gens, et le réseautage fonctionne mieux quand il relève de la curiosité plutôt que de la vente. Ensemble, cartographiez le réseau actuel de la personne mentorée : qui connaissez-vous dans le métier, l’équipe ou l’entreprise visés, et qui pourrait vous présenter ? Côté mentor, voyez si vous pouvez faire vous-même une ou deux mises en relation. Rédigez un message court et chaleureux pour demander à quelqu’un vingt minutes d’échange sur son travail, et préparez trois bonnes questions. Parlez de la manière de relancer ensuite et de rendre la pareille. D’ici la semaine prochaine, la personne mentorée envoie au moins un de ces messages.",
        de: "Karrieren entwickeln sich über Menschen, und Netzwerken funktioniert am besten aus Neugier, nicht als Verkaufsgespräch. Zeichnet gemeinsam dein bisheriges Netzwerk auf: Wen kennst du in der Rolle, dem Team oder dem Unternehmen, das du anpeilst, und wer könnte dich vorstellen? Als Mentor oder Mentorin überlegst du, ob du selbst ein oder zwei Kontakte vermitteln kannst. Entwerft eine kurze, freundliche Nachricht, in der du eine Person um ein zwanzigminütiges Gespräch über ihre Arbeit bittest, und bereitet drei gute Fragen vor. Sprecht darüber, wie du danach nachfasst und wie du etwas zurückgeben kannst. Bis nächste Woche schickst du als Mentee mindestens eine dieser Nachrichten ab.",
      },
      activities: [
        {
          id: "map-network",
          label: {
            en: "Map who you already know near your goal",
            fr: "Lister les personnes que vous connaissez déjà autour de votre objectif",
            de: "Aufschreiben, wen du im Umfeld deines Ziels schon kennst",
          },
        },
        {
          id: "draft-outreach",
          label: {
            en: "Draft a short message asking for a conversation",
            fr: "Rédiger un court message pour demander un échange",
            de: "Eine kurze Nachricht mit der Bitte um ein Gespräch entwerfen",
          },
        },
        {
          id: "prepare-questions",
          label: {
            en: "Prepare three questions for that conversation",
            fr: "Préparer trois questions pour cet échange",
            de: "Drei Fragen für dieses Gespräch vorbereiten",
          },
        },
        {
          id: "send-message",
          label: {
            en: "Send at least one message",
            fr: "Envoyer au moins un message",
            de: "Mindestens eine Nachricht abschicken",
          },
        },
      ],
    },
    {
      week: 6,
      title: {
        en: "Prepare your next move",
        fr: "Préparer votre prochaine étape",
        de: "Den nächsten Schritt vorbereiten",
      },
      guidance: {
        en: "Now put the pieces together for the concrete next step, whether that is a promotion where you are or a new job elsewhere. For a promotion, sketch the case: what the next level expects, the evidence that the mentee already works at it, and who decides. For a job move, pick two or three roles worth applying for and tailor the CV to one of them. Either way, rehearse: the mentor asks the questions a manager or interviewer would ask, including one hard one, and the mentee answers out loud. Then give each other specific feedback on what landed. Before next week, polish the case or the CV once more.",
        fr: "Rassemblez maintenant les pièces pour l’étape concrète suivante, qu’il s’agisse d’une promotion sur place ou d’un nouveau poste ailleurs. Pour une promotion, esquissez l’argumentaire : ce qu’on attend au niveau supérieur, les preuves que la personne mentorée y travaille déjà, et qui décide. Pour un changement de poste, choisissez deux ou trois offres qui valent la peine et adaptez le CV à l’une d’elles. Dans les deux cas, entraînez-vous : le mentor pose les questions d’un manager ou d’un recruteur, dont une difficile, et la personne mentorée répond à voix haute. Faites-vous ensuite des retours précis sur ce qui a convaincu. D’ici la semaine prochaine, peaufinez encore une fois l’argumentaire ou le CV.",
        de: "Jetzt fügt ihr die Teile für den konkreten nächsten Schritt zusammen, egal ob Beförderung im jetzigen Job oder neue Stelle anderswo. Für eine Beförderung skizziert ihr die Argumente: was die nächste Stufe erwartet, welche Belege zeigen, dass du schon auf diesem Niveau arbeitest, und wer entscheidet. Für einen Jobwechsel wählt ihr zwei oder drei passende Stellen aus und passt den Lebenslauf an eine davon an. In beiden Fällen wird geübt: Dein Gegenüber stellt die Fragen, die eine Führungskraft oder jemand aus dem Recruiting stellen würde, auch eine unbequeme, und du antwortest laut. Gebt euch danach konkretes Feedback, was überzeugt hat. Bis nächste Woche feilst du noch einmal an den Argumenten oder am Lebenslauf.",
      },
      activities: [
        {
          id: "choose-path",
          label: {
            en: "Decide: promotion case or job applications",
            fr: "Trancher : demande de promotion ou candidatures",
            de: "Entscheiden: Beförderung anstreben oder bewerben",
          },
        },
        {
          id: "build-evidence",
          label: {
            en: "List the evidence for your next level, or tailor your CV",
            fr: "Rassembler les preuves pour le niveau suivant, ou adapter votre CV",
            de: "Belege für die nächste Stufe sammeln oder den Lebenslauf anpassen",
          },
        },
        {
          id: "rehearse-out-loud",
          label: {
            en: "Rehearse the promotion talk or interview out loud",
            fr: "Répéter à voix haute l’entretien de promotion ou d’embauche",
            de: "Beförderungs- oder Vorstellungsgespräch laut durchspielen",
          },
        },
        {
          id: "give-feedback",
          label: {
            en: "Give each other specific feedback on the rehearsal",
            fr: "Vous faire des retours précis sur la répétition",
            de: "Euch konkretes Feedback zur Probe geben",
          },
        },
      ],
    },
    {
      week: 7,
      title: {
        en: "Negotiate with confidence",
        fr: "Négocier avec assurance",
        de: "Selbstbewusst verhandeln",
      },
      guidance: {
        en: "Many people accept the first offer, or never ask at all. This week you prepare to ask well, whether for a raise, the terms of a promotion or a new job offer. Research what the role is worth using salary surveys, job ads or trusted contacts, and agree on a target, an opening ask and a walk-away point. Remember that pay is only one lever: title, scope, training budget, flexible hours and a review date can all be negotiated. Mentor, share a negotiation you learned from. Then role-play it: the mentee asks, the mentor pushes back politely, and you swap roles once. Before next week, write down the exact opening sentence the mentee will use.",
        fr: "Beaucoup de gens acceptent la première offre, ou ne demandent jamais rien. Cette semaine, vous vous préparez à bien demander, qu’il s’agisse d’une augmentation, des conditions d’une promotion ou d’une nouvelle offre d’emploi. Renseignez-vous sur ce que vaut le poste grâce aux études de salaires, aux offres d’emploi ou à des contacts de confiance, puis fixez une cible, une première demande et un seuil en dessous duquel vous refusez. Le salaire n’est qu’un levier parmi d’autres : intitulé, périmètre, budget formation, horaires flexibles et date de révision se négocient aussi. Le mentor raconte une négociation qui lui a appris quelque chose. Puis jouez la scène : la personne mentorée demande, le mentor objecte poliment, et vous inversez les rôles une fois. D’ici la semaine prochaine, écrivez mot pour mot la phrase d’ouverture que la personne mentorée utilisera.",
        de: "Viele nehmen das erste Angebot an oder fragen gar nicht erst. Diese Woche bereitet ihr euch darauf vor, gut zu verhandeln, ob um eine Gehaltserhöhung, die Bedingungen einer Beförderung oder ein neues Jobangebot. Recherchiert über Gehaltsstudien, Stellenanzeigen oder vertraute Kontakte, was die Stelle wert ist, und legt ein Ziel, eine Einstiegsforderung und eine Schmerzgrenze fest. Denkt daran: Gehalt ist nur ein Hebel. Titel, Verantwortungsbereich, Weiterbildungsbudget, flexible Arbeitszeiten und ein Termin für die nächste Gehaltsrunde lassen sich ebenfalls verhandeln. Als Mentor oder Mentorin erzählst du von einer Verhandlung, aus der du gelernt hast. Dann spielt ihr das Gespräch durch: Du als Mentee forderst, dein Gegenüber hält höflich dagegen, und einmal tauscht ihr die Rollen. Bis nächste Woche schreibt ihr den genauen ersten Satz auf, mit dem du die Verhandlung eröffnest.",
      },
      activities: [
        {
          id: "research-range",
          label: {
            en: "Research a fair pay range for the role",
            fr: "Estimer une fourchette de salaire juste pour le poste",
            de: "Eine faire Gehaltsspanne für die Stelle recherchieren",
          },
        },
        {
          id: "set-numbers",
          label: {
            en: "Set your target, opening ask and walk-away point",
            fr: "Fixer votre cible, votre première demande et votre seuil de refus",
            de: "Ziel, Einstiegsforderung und Schmerzgrenze festlegen",
          },
        },
        {
          id: "list-levers",
          label: {
            en: "List what else you could negotiate besides pay",
            fr: "Lister ce que vous pourriez négocier en plus du salaire",
            de: "Auflisten, was sich außer dem Gehalt verhandeln lässt",
          },
        },
        {
          id: "role-play",
          label: {
            en: "Role-play the negotiation, then swap roles",
            fr: "Jouer la négociation, puis inverser les rôles",
            de: "Die Verhandlung durchspielen, dann die Rollen tauschen",
          },
        },
      ],
    },
    {
      week: 8,
      title: {
        en: "Plan the next 90 days and look back",
        fr: "Planifier les 90 prochains jours et faire le bilan",
        de: "Die nächsten 90 Tage planen und zurückblicken",
      },
      guidance: {
        en: "In this last step, turn what you have learned into a plan the mentee can carry on alone. Write three goals for the next 90 days, each with a first action and a date, and decide how you will know each one worked. Then look back together: reread the goal sentence from week 2, and talk about what changed, what surprised you and what you would do differently. Mentor, share what you are taking away too; mentoring teaches both sides. Finally, decide whether and how you will stay in touch, and thank each other. When you are both ready, mark the mentorship completed.",
        fr: "Pour cette dernière étape, transformez ce que vous avez appris en un plan que la personne mentorée pourra suivre seule. Écrivez trois objectifs pour les 90 prochains jours, chacun avec une première action et une date, et décidez comment vous saurez que chacun est atteint. Puis faites le bilan ensemble : relisez la phrase-objectif de la semaine 2 et parlez de ce qui a changé, de ce qui vous a surpris et de ce que vous feriez autrement. Côté mentor, partagez aussi ce que vous retenez : le mentorat fait grandir les deux côtés. Enfin, décidez si et comment vous resterez en contact, et remerciez-vous mutuellement. Quand vous êtes tous deux prêts, marquez le mentorat comme terminé.",
        de: "In diesem letzten Schritt macht ihr aus dem Gelernten einen Plan, den du als Mentee allein weiterverfolgen kannst. Schreibt drei Ziele für die nächsten 90 Tage auf, jedes mit einem ersten Schritt und einem Datum, und legt fest, woran du merkst, dass es geklappt hat. Blickt dann gemeinsam zurück: Lest den Zielsatz aus Woche 2 noch einmal und sprecht darüber, was sich verändert hat, was euch überrascht hat und was ihr anders machen würdet. Als Mentor oder Mentorin erzählst du, was du selbst mitnimmst; beim Mentoring lernen beide Seiten. Entscheidet zum Schluss, ob und wie ihr in Kontakt bleibt, und bedankt euch gegenseitig. Wenn ihr beide so weit seid, markiert das Mentoring als abgeschlossen.",
      },
      activities: [
        {
          id: "write-90-day-plan",
          label: {
            en: "Write three 90-day goals, each with a first action and a date",
            fr: "Écrire trois objectifs à 90 jours, chacun avec une première action et une date",
            de: "Drei 90-Tage-Ziele mit erstem Schritt und Datum aufschreiben",
          },
        },
        {
          id: "reread-goal",
          label: {
            en: "Reread your week 2 goal and discuss what changed",
            fr: "Relire votre objectif de la semaine 2 et parler de ce qui a changé",
            de: "Das Ziel aus Woche 2 noch einmal lesen und besprechen, was sich verändert hat",
          },
        },
        {
          id: "share-takeaways",
          label: {
            en: "Share one takeaway each",
            fr: "Partager chacun ce que vous retenez",
            de: "Jeweils eine wichtige Erkenntnis teilen",
          },
        },
        {
          id: "agree-keep-in-touch",
          label: {
            en: "Decide whether and how to keep in touch",
            fr: "Décider si et comment vous restez en contact",
            de: "Entscheiden, ob und wie ihr in Kontakt bleibt",
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
          fr: "Sur quels sujets pouvez-vous aider ?",
          de: "Wobei kannst du helfen?",
        },
        help: {
          en: "For example: moving into management, changing industries, preparing for interviews or asking for a raise.",
          fr: "Par exemple : devenir manager, changer de secteur, préparer des entretiens ou demander une augmentation.",
          de: "Zum Beispiel: in eine Führungsrolle wechseln, die Branche wechseln, Vorstellungsgespräche vorbereiten oder um eine Gehaltserhöhung bitten.",
        },
        required: true,
      },
      {
        id: "why_help",
        kind: "long_text",
        label: {
          en: "Why do you want to mentor someone?",
          fr: "Pourquoi souhaitez-vous accompagner quelqu’un ?",
          de: "Warum möchtest du jemanden begleiten?",
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
          en: "Which topics can you mentor on?",
          fr: "Sur quels thèmes pouvez-vous accompagner quelqu’un ?",
          de: "Zu welchen Themen kannst du jemanden begleiten?",
        },
        help: {
          en: "Pick all that apply.",
          fr: "Plusieurs réponses possibles.",
          de: "Wähle alles aus, was zutrifft.",
        },
        required: true,
        choices: topicChoices,
      },
      {
        id: "career_stages",
        kind: "multiple_choice",
        label: {
          en: "Which career stages can you support best?",
          fr: "Quelles étapes de carrière pouvez-vous le mieux accompagner ?",
          de: "Welche Karrierephasen kannst du am besten begleiten?",
        },
        required: false,
        choices: careerStageChoices,
      },
      availability,
      contact,
    ],
    mentee: [
      {
        id: "need_help_with",
        kind: "long_text",
        label: {
          en: "What would you like help with?",
          fr: "Sur quoi souhaitez-vous de l’aide ?",
          de: "Wobei wünschst du dir Unterstützung?",
        },
        help: {
          en: "For example: choosing between two paths, preparing for a promotion, or getting back into work after a break.",
          fr: "Par exemple : choisir entre deux voies, préparer une promotion ou reprendre le travail après une pause.",
          de: "Zum Beispiel: dich zwischen zwei Wegen entscheiden, eine Beförderung vorbereiten oder nach einer Pause wieder einsteigen.",
        },
        required: true,
      },
      {
        id: "mentor_wanted",
        kind: "long_text",
        label: {
          en: "What kind of mentor are you looking for?",
          fr: "Quel type de mentor recherchez-vous ?",
          de: "Was für einen Mentor oder eine Mentorin suchst du?",
        },
        help: {
          en: "For example: someone in your industry, someone who has led a team, or someone who has changed careers.",
          fr: "Par exemple : quelqu’un de votre secteur, quelqu’un qui a déjà encadré une équipe ou qui s’est reconverti.",
          de: "Zum Beispiel: jemanden aus deiner Branche, jemanden mit Führungserfahrung oder jemanden, der selbst den Beruf gewechselt hat.",
        },
        required: true,
      },
      {
        id: "career_stage",
        kind: "single_choice",
        label: {
          en: "Where are you in your career?",
          fr: "Où en êtes-vous dans votre carrière ?",
          de: "Wo stehst du beruflich gerade?",
        },
        required: false,
        choices: careerStageChoices,
      },
      {
        id: "topics",
        kind: "multiple_choice",
        label: {
          en: "Which topics matter most to you?",
          fr: "Quels thèmes comptent le plus pour vous ?",
          de: "Welche Themen sind dir am wichtigsten?",
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
