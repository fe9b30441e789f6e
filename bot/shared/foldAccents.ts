/** The text with its accents folded ("geïnformeerd" -> "geinformeerd", "één" -> "een"), as the index and anchors compare words. */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}
