import { readFileSync } from 'node:fs';

/**
 * Turns what people type ("cara bikin e-KTP", "pasport hilang", "driving license") into search
 * terms, using the linguistic table in data/catalogue/search-terms.json. Pure TypeScript: the
 * database only ever sees the normalized words this produces (a-z, 0-9 and single spaces).
 */

interface TermsFile {
  stopwords: string[];
  common?: string[];
  complaints?: string[];
  fillers: Record<string, string[]>;
  intents: Record<string, string[]>;
  spellings: Record<string, string>;
  synonyms: Record<string, string[]>;
  abbreviations: Record<string, string[]>;
  phrases: Record<string, string[]>;
}

/** One word (or phrase) of the query with the alternatives any of which may match it. */
export interface Term {
  /** Normalized alternatives, the typed word or phrase first. Multi-word alternatives match as phrases. */
  alts: string[];
  /** Optional: ranks matching services higher but excludes none. */
  soft: boolean;
  /** A word of intent ("bikin", "urus") or a single letter: a query of only these is no search. */
  filler: boolean;
  /** A problem to report, not a service ("lampu jalan", "sampah"): when no service names it, nothing matches. */
  complaint?: true;
}

export interface ParsedQuery {
  terms: Term[];
  /** The query names a complaint topic: with no service for it, the answer is the complaint route. */
  complaint: boolean;
  /** Normalized forms of the whole query, compared with the names and aliases for an exact hit. */
  keys: string[];
}

/** Raw input beyond this is ignored (the API already caps `q` at 200 characters). */
export const MAX_INPUT_CHARS = 1000;
const MAX_TOKEN_CHARS = 40;
const MAX_TOKENS = 24;
const MAX_TERMS = 12;
const MAX_ALTS = 8;
const MAX_KEY_CHARS = 200;
const REGION_CODE = /^[0-9]{2}(\.[0-9]{2})?$/;

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

/**
 * Lower case, accents removed, every run of characters other than a-z and 0-9 as one space.
 * Matches loket_search_norm() in migrations/002_search.sql ("KTP-el" -> "ktp el").
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđðłıþ]/g, (c) => SPECIAL_LETTERS[c] ?? ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export class Lexicon {
  readonly stopwords: Set<string>;
  /** Everyday words ("mati", "anak"): optional next to other words. */
  readonly common: Set<string>;
  /** Complaint topics, words and phrases ("sampah", "lampu jalan"). */
  readonly complaints: Set<string>;
  readonly fillers = new Map<string, string[]>();
  readonly intents = new Map<string, string[]>();
  readonly synonyms = new Map<string, string[]>();
  /** Misspelling or variant -> usual spelling ("akte" -> "akta"). */
  readonly spellings = new Map<string, string>();
  readonly phrases = new Map<string, string[]>();
  readonly maxPhraseWords: number;

  constructor(file: TermsFile) {
    const list = (values: string[]) => [...new Set(values.map(normalize).filter((v) => v !== ''))];
    const map = (target: Map<string, string[]>, entries: Record<string, string[]>) => {
      for (const [key, values] of Object.entries(entries)) {
        const k = normalize(key);
        if (k !== '') target.set(k, list([...(target.get(k) ?? []), ...values]));
      }
    };
    this.stopwords = new Set(list(file.stopwords));
    this.common = new Set(list(file.common ?? []));
    this.complaints = new Set(list(file.complaints ?? []));
    map(this.fillers, file.fillers);
    map(this.intents, file.intents);
    for (const [word, usual] of Object.entries(file.spellings)) {
      const w = normalize(word);
      const u = normalize(usual);
      if (w !== '' && u !== '') this.spellings.set(w, u);
    }
    map(this.synonyms, file.synonyms);
    map(this.synonyms, file.abbreviations);
    // A typed-out expansion ("kartu keluarga") also finds its abbreviation ("kk").
    for (const [abbr, expansions] of Object.entries(file.abbreviations)) {
      for (const expansion of expansions) {
        const e = normalize(expansion);
        if (e.includes(' ')) map(this.phrases, { [e]: [abbr] });
      }
    }
    map(this.phrases, file.phrases);
    for (const word of [...this.synonyms.keys(), ...this.spellings.keys()]) {
      if (word.includes(' ')) throw new Error(`search-terms.json: "${word}" belongs under phrases`);
    }
    this.maxPhraseWords = Math.max(
      1,
      ...[...this.phrases.keys(), ...this.complaints].map((p) => p.split(' ').length),
    );
  }

  static load(url = new URL('../../../data/catalogue/search-terms.json', import.meta.url)): Lexicon {
    return new Lexicon(JSON.parse(readFileSync(url, 'utf8')) as TermsFile);
  }
}

let defaultLexicon: Lexicon | undefined;

function lexicon(): Lexicon {
  defaultLexicon ??= Lexicon.load();
  return defaultLexicon;
}

const unique = (values: string[]) => [...new Set(values)].slice(0, MAX_ALTS);

/** The terms of a query, or null when nothing in it is worth searching for. */
export function parseQuery(q: string, lex: Lexicon = lexicon()): ParsedQuery | null {
  const tokens = normalize(String(q ?? '').slice(0, MAX_INPUT_CHARS))
    .split(' ')
    .filter((t) => t !== '' && t.length <= MAX_TOKEN_CHARS)
    .slice(0, MAX_TOKENS);
  const terms: Term[] = [];
  const common = new Set<Term>();
  const meaningful: string[] = [];
  const canonical: string[] = [];
  const withoutStopwords: string[] = [];
  let i = 0;
  next: while (i < tokens.length && terms.length < MAX_TERMS) {
    for (let n = Math.min(lex.maxPhraseWords, tokens.length - i); n >= 1; n--) {
      const phrase = tokens.slice(i, i + n).join(' ');
      if (lex.complaints.has(phrase)) {
        terms.push({ alts: [phrase], soft: false, filler: false, complaint: true });
        meaningful.push(phrase);
        canonical.push(phrase);
        withoutStopwords.push(phrase);
        i += n;
        continue next;
      }
      const alts = n > 1 ? lex.phrases.get(phrase) : undefined;
      if (alts) {
        terms.push({ alts: unique([phrase, ...alts]), soft: false, filler: false });
        meaningful.push(phrase);
        canonical.push(phrase);
        withoutStopwords.push(phrase);
        i += n;
        continue next;
      }
    }
    const token = tokens[i++] as string;
    if (lex.stopwords.has(token)) continue;
    withoutStopwords.push(token);
    const filler = lex.fillers.get(token);
    if (filler) {
      if (filler.length > 0) terms.push({ alts: unique([token, ...filler]), soft: true, filler: true });
      continue;
    }
    meaningful.push(token);
    const intent = lex.intents.get(token);
    const usual = lex.spellings.get(token);
    const synonyms = [
      ...(usual ? [usual] : []),
      ...(lex.synonyms.get(token) ?? []),
      ...(usual ? (lex.synonyms.get(usual) ?? []) : []),
    ];
    if (intent) {
      terms.push({ alts: unique([token, ...intent]), soft: true, filler: false });
      canonical.push(token);
    } else if (token.length === 1) {
      // "sim a", "e ktp": a letter refines the ranking but never excludes.
      terms.push({ alts: [token], soft: true, filler: true });
      canonical.push(token);
    } else {
      terms.push({ alts: unique([token, ...synonyms]), soft: false, filler: false });
      if (lex.common.has(token)) common.add(terms[terms.length - 1] as Term);
      // "akte" -> "akta", "pasport" -> "paspor"
      canonical.push(usual ?? token);
    }
  }
  // "lampu jalan mati", "akta lahir anak": an everyday word next to words that say more only ranks.
  if (terms.some((t) => !t.soft && !common.has(t))) for (const t of common) t.soft = true;
  const distinct = terms.filter(
    (term, index) => terms.findIndex((t) => t.alts.join('|') === term.alts.join('|')) === index,
  );
  if (distinct.every((t) => t.filler)) return null;
  const keys = [tokens.join(' '), withoutStopwords.join(' '), meaningful.join(' '), canonical.join(' ')]
    .filter((k) => k !== '' && k.length <= MAX_KEY_CHARS)
    .filter((k, index, all) => all.indexOf(k) === index);
  return { terms: distinct, complaint: distinct.some((t) => t.complaint), keys };
}

/**
 * The one text[] parameter the SQL functions of 002_search.sql read: 'h:' required term,
 * 's:' optional term (alternatives separated by '|'), 'c:' complaint topic (013_search_relevance.sql),
 * 'k:' exact key, 'r:' region code.
 */
export function encodeQuery(parsed: ParsedQuery, regionCodes?: readonly string[] | null): string[] {
  const spec = [
    ...parsed.terms.map((t) => `${t.complaint ? 'c' : t.soft ? 's' : 'h'}:${t.alts.join('|')}`),
    ...parsed.keys.map((k) => `k:${k}`),
  ];
  if (regionCodes != null) {
    // Only well-formed codes (others match no service); 'r:' alone means national services only.
    const codes = regionCodes.filter((r) => REGION_CODE.test(r));
    spec.push(...(codes.length > 0 ? codes.map((r) => `r:${r}`) : ['r:']));
  }
  return spec;
}
