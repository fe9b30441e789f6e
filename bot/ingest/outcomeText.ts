// What happened to a report, in a sentence for the CLI, the log and the person who sent the file.
import type { Language } from '../shared/language';
import { meetingLabel } from '../corpus/meeting';
import type { IngestOutcome } from './reportLibrary';

export function outcomeText(outcome: IngestOutcome, language: Language = 'en'): string {
  const nl = language === 'nl';
  const m = outcome.meeting;
  const label = m ? meetingLabel(m, language) : '';
  const sections = m ? (nl ? `${m.sections.length} onderwerpen` : `${m.sections.length} sections`) : '';
  switch (outcome.kind) {
    case 'added':
      return nl ? `Nieuwe terugkoppeling toegevoegd: ${label} (${sections}, ${outcome.file}).` : `Added: ${label} (${sections}, ${outcome.file}).`;
    case 'replaced':
      return nl
        ? `Bijgewerkte versie van ${label} vervangt de vorige (${sections}, ${outcome.file}).`
        : `Replaced: a changed version of ${label} (${sections}, ${outcome.file}) replaces the previous one.`;
    case 'unchanged':
      return nl
        ? `${label} is al bekend met deze inhoud (${outcome.file}); er verandert niets.`
        : `Unchanged: ${label} is already known with this content (${outcome.file}).`;
    case 'removed':
      return nl ? `${label} is verwijderd: ${outcome.file} staat niet meer in de map.` : `Removed: ${label} (${outcome.file} is no longer in the folder).`;
    case 'rejected':
      return outcome.error ? outcome.error.text(language) : nl ? `${outcome.file} is niet ingelezen.` : `${outcome.file} was not taken in.`;
  }
}
