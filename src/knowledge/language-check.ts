import { basename } from "node:path";
import { accentKey, hasDiacritics, rawWords, tokens } from "../text/normalize.js";
import { FACETS, SEED_LANGUAGE } from "./language.js";
import type { Entry } from "./schema.js";
import { displayPath, listYamlFiles, parseYamlItems, type Problem, type YamlItem } from "../source/yaml-source.js";
import { SYNONYMS_FILE } from "./loader.js";
import { LANGUAGE } from "./staff-messages.js";

/** A role a word can have in a question, as staff name the lists. */
type Role = "stopwords" | "function_words" | "places" | "place_markers" | `facets.${string}`;

const roleName = (role: Role) => LANGUAGE.roleName[role.startsWith("facets.") ? "facets" : role] ?? role;

/** Lists whose words are ignored for matching: a name word put there stops matching. */
const IGNORED: ReadonlySet<string> = new Set(["stopwords", "function_words", "places", "place_markers"]);

/**
 * Warnings for staff word lists that change a built-in word's role: a word the seed has in one
 * list put in another ("từ" as a stopword, where the built-in function word still counts inside
 * "tư pháp"), a new one-syllable filler word that is part of entries' names (longer phrases
 * are taken as meant), or a built-in word left out of its list. Each names the file and line and the entries whose names contain the word, since
 * those are the questions that change. Warnings, not errors: the staff may mean it.
 */
export function languageWarnings(knowledgeDir: string, entries: readonly Entry[]): Problem[] {
  const seed = seedRoles();
  const names = entries.map((e) => ({ e, names: [e.title, ...e.aliases].map((n) => ` ${tokens(n).join(" ")} `) }));
  const inNames = (key: string) => names.filter((x) => x.names.some((n) => n.includes(` ${key} `))).map((x) => x.e);
  const out: Problem[] = [];
  for (const file of listYamlFiles(knowledgeDir).filter((f) => basename(f) === SYNONYMS_FILE)) {
    const shown = displayPath(file);
    const item = parseYamlItems(file, shown).items[0];
    if (!item || typeof item.value !== "object" || item.value === null) continue;
    out.push(...dialectWarnings(item, shown, entries));
    for (const { role, words, path } of staffLists(item)) {
      const listed = new Set<string>();
      words.forEach((word, i) => {
        const key = tokens(word).join(" ");
        listed.add(key);
        const builtIn = seed.get(key);
        const hits = inNames(key);
        const line = item.lineOf([...path, i]);
        // Only where names hold the word does its role change any answer.
        if (hits.length === 0) return;
        if (builtIn && !builtIn.has(role)) {
          const was = [...builtIn].map(roleName).join(", ");
          out.push({ file: shown, line, message: LANGUAGE.roleChanged(word, was, roleName(role), hasDiacritics(word), affected(hits)) });
        } else if (!builtIn && IGNORED.has(role) && !key.includes(" ")) {
          out.push({ file: shown, line, message: LANGUAGE.nameWordIgnored(word, roleName(role), affected(hits)) });
        }
      });
      // A built-in word left out of a list the staff replaced no longer has that role.
      if (role === "stopwords") continue;
      const line = item.lineOf(path);
      for (const [key, roles] of seed) {
        if (roles.has(role) && !listed.has(key)) {
          out.push({ file: shown, line, message: LANGUAGE.builtInDropped(roles.spelling ?? key, roleName(role)) });
        }
      }
    }
  }
  return out;
}

/** The entries whose names hold the word: the first three named, the rest counted. */
function affected(hits: Entry[]): string {
  return LANGUAGE.affected(hits.slice(0, 3).map((e) => `"${e.title}" (${e.id})`), hits.length);
}

/** Folded phrase → the built-in lists it is in (`spelling`: as the seed writes it). */
function seedRoles(): Map<string, Set<Role> & { spelling?: string }> {
  const roles = new Map<string, Set<Role> & { spelling?: string }>();
  const add = (words: readonly string[], role: Role) => {
    for (const w of words) {
      const key = tokens(w).join(" ");
      const set: Set<Role> & { spelling?: string } = roles.get(key) ?? Object.assign(new Set<Role>(), { spelling: w });
      set.add(role);
      roles.set(key, set);
    }
  };
  add(SEED_LANGUAGE.functionWords, "function_words");
  add(SEED_LANGUAGE.places, "places");
  add(SEED_LANGUAGE.placeMarkers, "place_markers");
  for (const f of FACETS) add(SEED_LANGUAGE.facets[f], `facets.${f}`);
  return roles;
}

/** The word lists of a synonyms file, with their YAML paths (for lines). */
function staffLists(item: YamlItem): Array<{ role: Role; words: string[]; path: Array<string | number> }> {
  const value = item.value as Record<string, unknown>;
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((w): w is string => typeof w === "string") : null);
  const out: Array<{ role: Role; words: string[]; path: Array<string | number> }> = [];
  for (const role of ["stopwords", "function_words", "places", "place_markers"] as const) {
    const words = strings(value[role]);
    if (words) out.push({ role, words, path: [role] });
  }
  const facets = value.facets;
  if (facets && typeof facets === "object") {
    for (const f of FACETS) {
      const words = strings((facets as Record<string, unknown>)[f]);
      if (words) out.push({ role: `facets.${f}`, words, path: ["facets", f] });
    }
  }
  return out;
}

/**
 * `dialect` words that would never apply (typed without accents: only a word typed with its accents is read as the
 * common word), that change other phrases (a word of a title, alias, keyword or synonym group, typed with those accents,
 * would be read as another word everywhere: "mô" of "xe mô tô"), or built-in ones left out of a list staff gave.
 */
function dialectWarnings(item: YamlItem, shown: string, entries: readonly Entry[]): Problem[] {
  const value = item.value as Record<string, unknown>;
  const dialect = value.dialect;
  if (!dialect || typeof dialect !== "object" || Array.isArray(dialect)) return [];
  const phrases = [
    ...entries.flatMap((e) => [e.title, ...e.aliases, ...e.keywords]),
    ...(Array.isArray(value.groups) ? value.groups.flat().filter((p): p is string => typeof p === "string") : []),
  ].map((p) => ({ p, words: ` ${rawWords(p).map((w) => accentKey(w.raw)).join(" ")} ` }));
  const out: Problem[] = [];
  for (const [word, meant] of Object.entries(dialect as Record<string, unknown>)) {
    const line = item.lineOf(["dialect", word]);
    if (!hasDiacritics(word)) {
      out.push({ file: shown, line, message: LANGUAGE.dialectBare(word) });
      continue;
    }
    const key = ` ${accentKey(word.trim())} `;
    const hits = [...new Set(phrases.filter((x) => x.words.includes(key)).map((x) => x.p))];
    if (hits.length > 0) out.push({ file: shown, line, message: LANGUAGE.dialectNameWord(word, String(meant), LANGUAGE.phrases(hits.slice(0, 3), hits.length)) });
  }
  const given = new Set(Object.keys(dialect).map((w) => accentKey(w.trim())));
  for (const builtIn of Object.keys(SEED_LANGUAGE.dialect)) {
    if (!given.has(accentKey(builtIn))) out.push({ file: shown, line: item.lineOf(["dialect"]), message: LANGUAGE.dialectDropped(builtIn) });
  }
  return out;
}
