// Pending items for the card tests: one per due group on 15 March 2021, one discussed again, and an undated one
// from two years before (folded away under "Oudere punten").
import type { PendingItem } from '../../bot/pending/pendingItem';

/** One item per group on 15 March 2021, and an undated one from two years before. */
export const sample: PendingItem[] = [
  { id: 'overdue', date: '2021-02-08', section: 'Roosterdruk', title: 'De korpschef zal een overzicht van de roosterbezetting per eenheid aanleveren.', text: 'De korpschef zal een overzicht van de roosterbezetting per eenheid aanleveren.', owner: 'korpschef', due: '2021-02', status: 'open' },
  { id: 'soon', date: '2021-02-08', section: 'Avondklok', title: 'De minister zegt toe de Kamer uiterlijk 1 april per brief te informeren.', text: 'De minister zegt toe de Kamer uiterlijk 1 april per brief te informeren.', owner: 'minister', due: '2021-04-01', status: 'open' },
  { id: 'later', date: '2021-02-08', section: 'Roosterdruk', title: 'In september komt het plan terug in het LOVP.', text: 'Het landelijke plan wordt besproken. In september komt het plan terug in het LOVP.', owner: null, due: '2021-09', status: 'discussed', discussedOn: '2021-04-12', discussedIn: 'Roosterdruk', discussedQuote: 'Het plan is gepresenteerd; de vakbonden zijn akkoord.' },
  { id: 'recent', date: '2021-02-08', section: 'TOOI', title: 'Besloten is een werkgroep in te stellen die de kaders uitwerkt.', text: 'Besloten is een werkgroep in te stellen die de kaders uitwerkt.', owner: 'werkgroep', due: null, status: 'open' },
  { id: 'old', date: '2019-04-15', section: 'Diversiteit', title: 'Het onderwerp komt terug op de agenda.', text: 'Het onderwerp komt terug op de agenda.', owner: null, due: null, status: 'open' },
];

