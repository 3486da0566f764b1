import { likeEscape, type SqlParams } from '@crm/platform';

/**
 * Free-text search over a record's normalised name (`<alias>.search_text`),
 * decision 051. The text is split into terms. A term of 3 characters or more
 * is looked up in the dictionary of the table's words (`search_word`): it
 * stands for the words that contain it (up to 50, exact word first) and the 5
 * words of 3 characters or more closest in spelling (pg_trgm `%`, nearest first:
 * "ali" is not a misspelt "al"), so "nguyn" means
 * "nguyen" and "mohamed" "mohammed" or "mohamud". A record matches when, for
 * every term, one of its words is among the term's words. Shorter terms are
 * substrings of the name. A text with "@" also matches that exact e-mail.
 */
export interface TextSearch {
  /** The condition over the alias: the one definition of a match, for lists, exports and search. */
  condition: string;
  /** Higher first: per term, 3 for the exact word, 2 for a word containing it, else the closest spelling (0–1). */
  score: string;
  /**
   * When the text has one term of 3 characters or more (and no e-mail): `lookup`, a
   * SELECT of `(word, score)`, the words that term stands for, and `others`, the
   * condition of the other (short) terms. A record has a match when it has one of
   * those words and meets `others`: matches can be read word by word from indexes
   * in list order.
   */
  words: { lookup: string; others: string } | null;
  /** Some term (of 3 characters or more) has a score: false when the text is only short fragments. */
  ranked: boolean;
  /**
   * When the text has short terms (1–2 characters): each is a whole word of the name
   * ("Wu", "Li": a family name, before the names that merely contain it). Index-backed
   * (the name's word array), for ranking only: `condition` stays the definition of a match.
   * A function: its parameters are added only when the statement uses it.
   */
  wholeWords: (() => string) | null;
}

export interface TextSearchOptions {
  kind: 'person' | 'organization';
  alias: string;
  /** An array column of exact e-mails (lower case), matched when the text has an "@". */
  emails?: string;
}

/** Terms as the dictionary splits words: on spaces, punctuation and symbols. */
export function searchTerms(text: string): string[] {
  return text.split(/[\s\p{P}\p{S}]+/u).filter((term) => term.length > 0);
}

/**
 * The least similarity of a close spelling: "nguyn" is "nguyen" (0.44), "rimouksi"
 * "rimouski" (0.38) and "mohamed" "mohammed" (0.7), but "côté" is not "comité" (0.33,
 * over pg_trgm's own threshold of 0.3: a search for Côté was padded with Comités).
 */
const closeSpelling = 0.35;

const folded = (term: string) => term.normalize('NFD').replace(/\p{M}/gu, '');

export function textSearch(params: SqlParams, text: string, options: TextSearchOptions): TextSearch {
  const { kind, alias } = options;
  const name = `${alias}.search_text`;
  const words = `f_search_words(${name})`;
  const terms = searchTerms(text);
  const conditions: string[] = [];
  const shortConditions: string[] = [];
  const scores: string[] = [];
  const lookups: string[] = [];
  const shortWords: string[] = [];
  for (const term of terms) {
    const like = `f_search_norm(${params.add(`%${likeEscape(term)}%`)})`;
    if (folded(term).length < 3) {
      conditions.push(`${name} LIKE ${like}`);
      shortConditions.push(`${name} LIKE ${like}`);
      shortWords.push(term);
      continue;
    }
    const norm = `f_search_norm(${params.add(term)})`;
    const lookup = `(SELECT d.word, CASE WHEN d.word = ${norm} THEN 3 ELSE 2 END AS score FROM search_word d
                       WHERE d.kind = '${kind}' AND d.word LIKE ${like}
                       ORDER BY d.word = ${norm} DESC, length(d.word), d.word LIMIT 50)
                     UNION ALL
                     (SELECT d.word, similarity(d.word, ${norm}) FROM search_word d
                       WHERE d.kind = '${kind}' AND d.word % ${norm} AND d.word NOT LIKE ${like} AND length(d.word) >= 3
                         AND similarity(d.word, ${norm}) >= ${closeSpelling}
                       ORDER BY d.word <-> ${norm}, d.word LIMIT 5)`;
    lookups.push(lookup);
    conditions.push(`${words} && ARRAY(SELECT m.word FROM (${lookup}) m)`);
    scores.push(
      `CASE WHEN ${words} @> ARRAY[${norm}] THEN 3 WHEN ${name} LIKE ${like} THEN 2
            ELSE (SELECT max(similarity(w, ${norm})) FROM unnest(${words}) AS w) END`,
    );
  }
  // Only punctuation: the text as a substring, as typed.
  if (conditions.length === 0) conditions.push(`${name} LIKE f_search_norm(${params.add(`%${likeEscape(text)}%`)})`);
  let condition = conditions.join(' AND ');
  const email = options.emails && text.includes('@');
  if (email) condition = `${condition} OR ${options.emails} @> ARRAY[lower(${params.add(text.trim())})]`;
  return {
    condition: `(${condition})`,
    // Never a bare number: ORDER BY 0 would name a select-list position (a 500 on "%").
    score: scores.length ? `(${scores.join(' + ')})` : '0::real',
    words: lookups.length === 1 && !email ? { lookup: lookups[0], others: shortConditions.length ? shortConditions.join(' AND ') : 'TRUE' } : null,
    ranked: lookups.length > 0,
    wholeWords: shortWords.length ? () => `${words} @> ARRAY[${shortWords.map((term) => `f_search_norm(${params.add(term)})`).join(', ')}]` : null,
  };
}
