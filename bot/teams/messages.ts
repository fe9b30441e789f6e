// Every fixed text the bot says, in Dutch and English, so both languages stay in step.

import type { Language } from '../shared/language';
import { oneLine, shorten } from '../shared/shorten';

/** What the user typed is echoed back at most this long. */
const MAX_ECHO_CHARS = 60;
/** A reply lists at most this many meeting dates. */
const MAX_KNOWN_DATES = 12;

const COMMANDS: Record<Language, string> = {
  nl: [
    '- **vergaderingen** – alle vergaderingen met datum en aantal onderwerpen',
    '- **samenvatting** [datum] – samenvatting van de laatste of de genoemde vergadering, bijv. *samenvatting 10 februari 2020*',
    '- **tijdlijn** [onderwerp] – alle vergaderingen over een onderwerp, oudste eerst, met de openstaande punten, bijv. *tijdlijn vuurwerk*',
    '- **openstaand** – punten die nog terugkomen',
    '- **abonneer** – dit gesprek krijgt na elke nieuwe terugkoppeling een samenvatting',
    '- **stop** – abonnement opzeggen',
    '- **help** – deze uitleg',
  ].join('\n'),
  en: [
    '- **meetings** – all meetings with their date and number of topics',
    '- **summary** [date] – summary of the latest or the given meeting, e.g. *summary 10 February 2020*',
    '- **timeline** [topic] – every meeting that discussed a topic, oldest first, with its open follow-ups, e.g. *timeline fireworks*',
    '- **pending** – items that are due to come back',
    '- **subscribe** – this conversation gets a summary after each new report',
    '- **unsubscribe** – end the subscription',
    '- **help** – this explanation',
  ].join('\n'),
};

const MENTION_HINT: Record<Language, string> = {
  nl: 'In een kanaal of groepschat noem je mij eerst met @.',
  en: 'In a channel or group chat, @mention me first.',
};

/** What the user typed, without markdown of theirs in our text. */
const plainEcho = (text: string) => text.replace(/[*_`~[\]<>#|\\]/g, ' ');

export const TEXT = {
  help: (l: Language) =>
    l === 'nl'
      ? `**Zo werkt de LOVP-bot**\n\nStel een vraag in gewone taal, bijvoorbeeld *wat is er afgesproken over vuurwerk?* ` +
        `Ik antwoord met de zinnen uit de bestuurlijke terugkoppelingen van het LOVP, met vergaderdatum en onderwerp als bron.\n\n` +
        `Opdrachten:\n\n${COMMANDS.nl}\n\n${MENTION_HINT.nl}`
      : `**How the LOVP bot works**\n\nAsk a question in plain words, for example *what was agreed about fireworks?* ` +
        `I answer with the sentences from the LOVP reports, citing the meeting date and topic.\n\n` +
        `Commands:\n\n${COMMANDS.en}\n\n${MENTION_HINT.en}`,

  welcome: () =>
    `**Welkom bij de LOVP-bot!** Ik beantwoord vragen over de bestuurlijke terugkoppelingen van het ` +
    `Landelijk Overleg Veiligheid en Politie, met de letterlijke zinnen en de vergadering als bron. ` +
    `Vraag bijvoorbeeld: *wat is er afgesproken over vuurwerk?* (English works too.)\n\n` +
    `Opdrachten:\n\n${COMMANDS.nl}\n\n${MENTION_HINT.nl}`,

  didYouMean: (l: Language, words: string[]) => {
    const list = words.map((w) => `*${w}*`).join(', ');
    return l === 'nl' ? `Bedoelde je ${list}? Daarnaar heb ik gezocht.` : `Did you mean ${list}? That is what I searched for.`;
  },

  followUpOf: (l: Language, question: string) => {
    // The question is the user's own text: no markdown of theirs in ours.
    const plain = oneLine(plainEcho(question));
    const q = plain.length > 120 ? `${plain.slice(0, 119)}…` : plain;
    return l === 'nl' ? `Over je eerdere vraag: *${q}*` : `About your earlier question: *${q}*`;
  },

  noAnswer: (l: Language) =>
    l === 'nl'
      ? 'Ik heb hierover niets gevonden in de bestuurlijke terugkoppelingen van het LOVP. Probeer andere woorden, of typ **vergaderingen** om te zien welke vergaderingen ik ken.'
      : 'I found nothing about this in the LOVP reports. Try other words, or type **meetings** to see which meetings I know.',

  empty: (l: Language) =>
    l === 'nl'
      ? 'Ik zie geen vraag. Stel een vraag over het LOVP, bijvoorbeeld *wat is er afgesproken over vuurwerk?*, of typ **help**.'
      : 'I see no question. Ask me about the LOVP, for example *what was agreed about fireworks?*, or type **help**.',

  tooLong: (l: Language, max: number) =>
    l === 'nl'
      ? `Je vraag is te lang (meer dan ${max} tekens). Stel een kortere vraag, bijvoorbeeld *wat is er afgesproken over vuurwerk?*`
      : `Your question is too long (more than ${max} characters). Please ask a shorter question, for example *what was agreed about fireworks?*`,

  attachmentOnly: (l: Language) =>
    l === 'nl'
      ? 'Ik kan alleen tekst lezen. Typ je vraag als bericht, of typ **help**.'
      : 'I can only read text. Type your question as a message, or type **help**.',

  error: (l: Language) =>
    l === 'nl'
      ? 'Sorry, er ging iets mis bij het verwerken van je bericht. Probeer het nog eens.'
      : 'Sorry, something went wrong while handling your message. Please try again.',

  subscribed: (l: Language, channel: boolean) =>
    l === 'nl'
      ? `Geabonneerd: ${channel ? 'dit kanaal' : 'dit gesprek'} krijgt na elke nieuwe terugkoppeling een samenvatting en herinneringen aan openstaande punten. Opzeggen met **stop**.`
      : `Subscribed: ${channel ? 'this channel' : 'this conversation'} gets a summary after each new report and reminders of pending items. Type **unsubscribe** to stop.`,

  alreadySubscribed: (l: Language, channel: boolean) =>
    l === 'nl'
      ? `${channel ? 'Dit kanaal' : 'Dit gesprek'} was al geabonneerd. Opzeggen met **stop**.`
      : `${channel ? 'This channel' : 'This conversation'} was already subscribed. Type **unsubscribe** to stop.`,

  unsubscribed: (l: Language, channel: boolean) =>
    l === 'nl'
      ? `Abonnement opgezegd: ${channel ? 'dit kanaal' : 'dit gesprek'} krijgt geen samenvattingen meer.`
      : `Unsubscribed: ${channel ? 'this channel' : 'this conversation'} gets no more summaries.`,

  notSubscribed: (l: Language, channel: boolean) =>
    l === 'nl'
      ? `${channel ? 'Dit kanaal' : 'Dit gesprek'} had geen abonnement. Aanmelden met **abonneer**.`
      : `${channel ? 'This channel' : 'This conversation'} was not subscribed. Type **subscribe** to subscribe.`,

  loading: (l: Language) =>
    l === 'nl'
      ? 'Ik ben de terugkoppelingen nog aan het inlezen. Probeer het over een minuut nog eens.'
      : 'I am still reading the reports. Please try again in a minute.',

  noMeetings: (l: Language) =>
    l === 'nl' ? 'Er zijn nog geen terugkoppelingen geladen.' : 'No reports have been loaded yet.',

  meetingsHeader: (l: Language, count: number) =>
    l === 'nl' ? `**${count} ${count === 1 ? 'vergadering' : 'vergaderingen'}** (nieuwste eerst):` : `**${count} meeting${count === 1 ? '' : 's'}** (newest first):`,

  topics: (l: Language, count: number) =>
    l === 'nl' ? `${count} ${count === 1 ? 'onderwerp' : 'onderwerpen'}` : `${count} topic${count === 1 ? '' : 's'}`,

  /** `known`: the meetings' dates as shown, oldest first; only the newest few are listed, and a long `asked` is cut. */
  unknownDate: (l: Language, asked: string, known: string[]) => {
    const shown = known.length > MAX_KNOWN_DATES ? [...known.slice(-MAX_KNOWN_DATES), '…'] : known;
    return l === 'nl'
      ? `Ik ken geen vergadering op "${shorten(asked, MAX_ECHO_CHARS)}". Wel deze: ${shown.join(', ')}.`
      : `I know no meeting on "${shorten(asked, MAX_ECHO_CHARS)}". I do know these: ${shown.join(', ')}.`;
  },

  timelineWithoutTopic: (l: Language) =>
    l === 'nl' ? 'Noem een onderwerp na **tijdlijn**, bijvoorbeeld *tijdlijn vuurwerk*.' : 'Name a topic after **timeline**, for example *timeline fireworks*.',

  noTimeline: (l: Language, topic: string) =>
    l === 'nl'
      ? `Ik vond geen vergaderingen over "${shorten(plainEcho(topic), MAX_ECHO_CHARS)}". Probeer andere woorden.`
      : `I found no meetings about "${shorten(plainEcho(topic), MAX_ECHO_CHARS)}". Try other words.`,

  unknownQuote: (l: Language) =>
    l === 'nl' ? 'Dit citaat staat niet (meer) in de terugkoppelingen. Zoek opnieuw.' : 'This quote is no longer in the reports. Please search again.',

  pendingHeader: (l: Language, count: number) =>
    l === 'nl' ? `**${count} openstaande ${count === 1 ? 'punt' : 'punten'}:**` : `**${count} pending item${count === 1 ? '' : 's'}:**`,

  noPending: (l: Language) =>
    l === 'nl' ? 'Er zijn geen openstaande punten gevonden.' : 'No pending items were found.',

  filesOnlyInPersonalChat: (l: Language) =>
    l === 'nl'
      ? 'Bestanden neem ik hier niet in. Stuur een nieuwe terugkoppeling (.txt, .md, .pdf of .docx) in een persoonlijke chat met mij.'
      : 'I do not take in files here. Send a new report (.txt, .md, .pdf or .docx) to me in a personal chat.',

  uploadNotAllowed: (l: Language) =>
    l === 'nl'
      ? 'Alleen beheerders van de LOVP-bot kunnen nieuwe terugkoppelingen toevoegen. Vraag een beheerder om het bestand toe te voegen.'
      : 'Only administrators of the LOVP bot can add new reports. Ask an administrator to add the file.',

  downloadFailed: (l: Language, file: string, reason: 'not-allowed' | 'http' | 'timeout' | 'failed', detail = '') => {
    const nl = l === 'nl';
    switch (reason) {
      case 'not-allowed':
        return nl ? `${file} kan ik niet ophalen: het adres is niet veilig (alleen https).` : `I cannot fetch ${file}: its address is not safe (https only).`;
      case 'timeout':
        return nl ? `Het ophalen van ${file} duurde te lang. Probeer het nog eens.` : `Fetching ${file} took too long. Please try again.`;
      case 'http':
        return nl ? `${file} kon niet worden opgehaald (${detail}). Probeer het nog eens.` : `${file} could not be fetched (${detail}). Please try again.`;
      case 'failed':
        return nl ? `${file} kon niet worden opgehaald. Probeer het nog eens.` : `${file} could not be fetched. Please try again.`;
    }
  },

  markedDone: (l: Language, item: string, meeting: string) =>
    l === 'nl' ? `Afgehandeld: “${item}” (${meeting}).` : `Marked done: “${item}” (${meeting}).`,

  reopened: (l: Language, item: string, meeting: string) =>
    l === 'nl' ? `Heropend: “${item}” (${meeting}) staat weer in de lijst.` : `Reopened: “${item}” (${meeting}) is back in the list.`,

  unknownItem: (l: Language) =>
    l === 'nl' ? 'Dat punt staat niet (meer) in de terugkoppelingen; hieronder de actuele lijst.' : 'That item is no longer in the reports; here is the current list.',

  due: (l: Language, due: string | null | undefined) =>
    due ? (l === 'nl' ? `uiterlijk ${due}` : `due ${due}`) : l === 'nl' ? 'geen datum' : 'no date',
};
