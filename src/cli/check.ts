import { loadConfig } from "../config.js";
import { loadSources } from "../runtime/core.js";
import { vietnamDay } from "../knowledge/dated.js";
import { bareStrictWarnings, gapStopWarnings, ignoreWarnings, slashSplitWarnings, unusedListWarnings, vetoedPhraseWarnings } from "../engine/intents-check.js";
import { languageWarnings } from "../knowledge/language-check.js";
import { keywordClashWarnings, notWhenWarnings, onlyWhenWarnings, reviewWarnings } from "../knowledge/review.js";
import { CHECK } from "../knowledge/staff-messages.js";
import { formatProblem } from "../source/yaml-source.js";

/**
 * `dvc-bot check`: every problem in knowledge and flows as `path:line: message`, then the review
 * warnings for today (DVC_TODAY or the day in Vietnam), the word-role warnings of the staff
 * word lists, keywords that name another entry or miss their entry's `only_when` situation, names that say a situation of
 * its `not_when` and none of its `except_when`, "/" splitting two names in
 * intents.yaml, named lists no phrase uses, `gap_stops` that do nothing and phrases there that their own
 * intent's `unless` always vetoes; exit 1 on any problem, and with `--strict`
 * on any warning too (for the CI of a province's knowledge repository).
 */
export async function runCheck(env: NodeJS.ProcessEnv, opts: { knowledge?: string; flows?: string; strict?: boolean }): Promise<void> {
  const config = loadConfig(env);
  const knowledgeDir = opts.knowledge ?? config.knowledgeDir;
  const flowsDir = opts.flows ?? config.flowsDir;
  const { knowledge, flowIds, intents, intentsSource, problems: all } = loadSources({ knowledgeDir, flowsDir });
  const warnings = [
    ...reviewWarnings(knowledge.reviews, knowledge.superseded, config.today ?? vietnamDay(Date.now())),
    ...languageWarnings(knowledgeDir, knowledge.entries),
    ...keywordClashWarnings(knowledge.entries, knowledge.reviews),
    ...onlyWhenWarnings(knowledge.entries, knowledge.reviews),
    ...notWhenWarnings(knowledge.entries, knowledge.reviews),
    ...slashSplitWarnings(intentsSource, knowledge.entries, knowledge.synonyms.groups),
    ...vetoedPhraseWarnings(intentsSource, intents.data, knowledge.synonyms.abbreviations),
    ...unusedListWarnings(intentsSource),
    ...gapStopWarnings(intentsSource, intents.data, knowledge.synonyms.abbreviations),
    ...ignoreWarnings(intentsSource, intents.data, knowledge.synonyms.abbreviations),
    ...bareStrictWarnings(intentsSource),
  ];
  for (const p of all) console.log(formatProblem(p));
  for (const w of warnings) console.log(formatProblem(w));
  if (all.length > 0 || (opts.strict && warnings.length > 0)) {
    console.error(CHECK.failed(all.length, warnings.length, CHECK.folders(knowledgeDir, flowsDir)));
    process.exitCode = 1;
    return;
  }
  const note = warnings.length > 0 ? CHECK.okWarnings(warnings.length) : "";
  console.log(CHECK.ok(knowledge.entries.length, flowIds.size) + note);
}
