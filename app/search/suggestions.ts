// "Did you mean …": for a query that finds nothing, the words of the lessons closest to what was typed, put
// back into the query, and kept only when they find something.
import { isLatin, searchWords } from "./folding";
import { mostWords, type Reader } from "./query";
import { stem } from "./stemming";
import { plainTransliteration, transliterates, transliterations } from "./transliteration";

/** At most this many suggestions: a short list a reader can scan on a phone. */
const mostSuggestions = 3;

/** Further than the search's own typo tolerance, since these are offered, not matched. */
function suggestionDistance(word: string): number {
  const letters = [...word].length;
  return letters <= 4 ? 1 : letters <= 7 ? 2 : 3;
}

/** Words of the lessons close to a word, closest and most frequent first. */
function closeWords(word: string, { language, vocabulary }: Reader): string[] {
  const near = vocabulary.closest(word, suggestionDistance(word));
  // A Latin-typed word on the Georgian or Armenian site: the words close to its letter-by-letter reading,
  // which is already a letter or two off wherever a Latin letter stands for several.
  const reading = transliterates(language) && isLatin(word) ? plainTransliteration(word, language) : null;
  if (reading) near.push(...vocabulary.closest(reading, suggestionDistance(reading) - 1));
  near.sort((a, b) => a.distance - b.distance || b.count - a.count);
  // Only the closest: "trafiking" is two edits from trafficking, and three from raising.
  const closest = near.filter((close) => close.word !== word && close.distance === near.find((other) => other.word !== word)?.distance);
  return [...new Set(closest.map((close) => close.word))];
}

type Search = (query: string, options?: { typos?: boolean }) => string[];

/**
 * How a word that finds lessons is offered: as the lessons write it ("tehlukesiz" → təhlükəsiz,
 * "traffick" → trafficking, "ტრეფიკინი" → ტრეფიკინგის), and a Latin-typed one in the site's script
 * ("ufleba" → უფლება).
 */
function offered(word: string, { language, vocabulary }: Reader): string {
  const { whole, partial } = transliterates(language) && isLatin(word)
    ? transliterations(word, language, (text) => vocabulary.begins(text))
    : { whole: [], partial: [] };
  const reading = whole[0] ?? partial[0] ?? word;
  return vocabulary.completion(reading) ?? vocabulary.completion(stem(reading, language)) ?? word;
}

export function suggestionsFor(query: string, reader: Reader, search: Search): string[] {
  const words = searchWords(query, reader.language).slice(0, mostWords);
  if (words.length === 0) return [];
  const finds = (text: string) => search(text).length > 0;
  // A word found only by typo tolerance is offered corrected ("trafiking" → trafficking).
  const findsAsTyped = (text: string) => search(text, { typos: false }).length > 0;
  const suggestions: string[] = [];
  const offer = (candidate: string[]) => {
    const text = candidate.join(" ");
    if (text && text !== words.join(" ") && !suggestions.includes(text) && finds(text)) suggestions.push(text);
  };
  const lost = words.map((word) => !findsAsTyped(word));
  if (!lost.includes(true)) {
    // Every word finds lessons, but no lesson has them all: each word on its own does.
    for (const word of words) offer([offered(word, reader)]);
    return suggestions.slice(0, mostSuggestions);
  }
  const options = words.map((word, index) => (lost[index] ? closeWords(word, reader).filter(finds).slice(0, mostSuggestions) : [offered(word, reader)]));
  // The query with each lost word replaced by its closest words (or left out when none is close) …
  for (let rank = 0; rank < mostSuggestions; rank++) {
    offer(options.flatMap((choices) => (choices.length > 0 ? [choices[Math.min(rank, choices.length - 1)]!] : [])));
  }
  // … and the close words on their own, when together with the rest of the query they find nothing.
  for (const [index, choices] of options.entries()) if (lost[index]) for (const choice of choices) offer([choice]);
  return suggestions.slice(0, mostSuggestions);
}
