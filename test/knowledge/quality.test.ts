import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { engineEvalAnswer } from "../../src/engine/eval-answer.js";
import type { Engine } from "../../src/engine/engine.js";
import { readEvalFile, scoreEval } from "../../src/knowledge/eval.js";
import { buildCore } from "../../src/runtime/core.js";

// Answer quality as ../shared/eval/README.md defines it: the shared development set and
// test/fixtures/blind-eval{,-2,…,-12}.jsonl, ~2,000 questions written without looking at the knowledge
// (used since to tune the rules, so no longer blind — keep adding fresh ones). A clarifying
// question is not a top-1 answer; cards offered on an out-of-scope question are a false answer.
const ROOT = join(import.meta.dirname, "../..");
// Every labelled set in test/fixtures is measured (held-out sets live in test/fixtures/held-out/ and are not).
const LABELLED = /^(blind-)?eval.*\.jsonl$/;
const SETS = [
  join(ROOT, "../shared/eval/dev.jsonl"),
  ...readdirSync(join(ROOT, "test/fixtures"))
    .filter((name) => LABELLED.test(name))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((name) => join(ROOT, "test/fixtures", name)),
].filter((f) => existsSync(f));

/** Targets from the content issue; a set still short of them has its measured level as a floor. */
const DEFAULT_FLOOR = { top1: 0.9, falseAnswers: 0.1, wrongCards: 0.03 };
const FLOORS: Record<string, typeof DEFAULT_FLOOR> = {
  // Set A of the understanding issue (written and labelled by others, used for tuning since).
  // Measured through the engine: forged-paper, account and translation requests are refused by
  // intents before any card. Raised after the citizens'-vocabulary keywords of issue #12 (96 %).
  "blind-eval-3.jsonl": { top1: 0.93, falseAnswers: 0.05, wrongCards: 0.02 },
  // Set B, held out until the end of that work and reported once (docs/benchmarks.md); now seen.
  // Raised after the issue #12 keywords (93 %, no wrong card).
  "blind-eval-4.jsonl": { top1: 0.9, falseAnswers: 0.05, wrongCards: 0.02 },
  // Set C (blind-eval-5), written and labelled like B; tuned on since 2026-12-03. Raised after the
  // issue #12 keywords (94 %, wrong cards 1.5 %).
  "blind-eval-5.jsonl": { top1: 0.9, falseAnswers: 0.05, wrongCards: 0.03 },
  // Set D (blind-eval-6), held out until 2026-12-03 and reported once (docs/benchmarks.md): still
  // far from the false-answer target — bare follow-ups and unusual forgery wording get cards. Raised
  // after the issue #12 keywords (88 %, false answers 25 %, wrong cards 4 %). A floor, not a goal.
  // Session 22: four messages labelled "no entry" got the new entries' ids (relabelled from the
  // knowledge only); one of them ("khai sinh cho con lấy họ mẹ") gets the foreign-element card, so
  // wrong cards are 5 of 121 (4.1 %) — the floor holds that, it does not accept more.
  // Session 23: the passport card no longer lists "mất hộ chiếu" (the lost-passport report's name), so
  // it is answered without that rival for "hộ chiếu cũ còn visa Mỹ, làm hộ chiếu mới có giữ lại cuốn
  // cũ" (no entry says): 10 of 49 out-of-scope cards, traded for three right answers on sets 7, J, K.
  "blind-eval-6.jsonl": { top1: 0.87, falseAnswers: 0.205, wrongCards: 0.042 },
  // Set E (blind-eval-7), written on 2026-12-03 from a topic list and labelled from the knowledge
  // only; first measured at 90.2 % top-1, 13.8 % false answers, 4.5 % wrong cards, tuned on since.
  "blind-eval-7.jsonl": { top1: 0.92, falseAnswers: 0.05, wrongCards: 0.02 },
  // Set F (blind-eval-8), written and labelled with E, held out and reported once on 2026-12-03
  // (docs/benchmarks.md): 79.5 % top-1, 5.4 % wrong cards, 5.2 % false answers; tuned on since
  // (83.0 %, 1.8 %, 1.7 % after session 21). A floor, not a goal.
  // Session 22 (gate rules, needed papers, phrase-bound words): 88.4 %, 2.7 %, 3.4 %.
  "blind-eval-8.jsonl": { top1: 0.86, falseAnswers: 0.04, wrongCards: 0.03 },
  // Set G (blind-eval-9), written and labelled with E and F, held out and reported once at the end of
  // session 21 (docs/benchmarks.md): 83.5 % top-1, 6.8 % wrong cards, 20.9 % false answers; its
  // refusal-type misses fixed since (false answers 10.4 %). A floor, not a goal.
  // Session 22: 86.8 % top-1, 4.7 % wrong cards, 7.8 % false answers (five messages relabelled to
  // the new entries by a knowledge-only labeller).
  "blind-eval-9.jsonl": { top1: 0.85, falseAnswers: 0.08, wrongCards: 0.05 },
  // Set H (blind-eval-10), written with the unopened set I, tuning set of session 21: first measured
  // at 86.0 % top-1, 0 wrong cards, 14.8 % false answers; now 91.0 %, 0, 0 — the default floor.
  // Set J (blind-eval-12), written at the end of session 21 and measured once unseen (80.9 % top-1,
  // 3.7 % wrong cards, 14.7 % false answers); a tuning set since. A floor, not a goal.
  // Set I (blind-eval-11), written with H in session 21, held out and reported once at the end of
  // session 22 (docs/benchmarks.md): 74.2 % top-1, 6.8 % wrong cards, 18.4 % false answers;
  // relabelled from that day's knowledge (73.9 %, 6.7 %, 16.7 %). A floor, not a goal.
  "blind-eval-11.jsonl": { top1: 0.73, falseAnswers: 0.17, wrongCards: 0.07 },
  // Session 22: 87.0 %, 9.4 % (two messages relabelled to the new entries), 2.9 %.
  "blind-eval-12.jsonl": { top1: 0.85, falseAnswers: 0.1, wrongCards: 0.03 },
  // Set K (blind-eval-13), written in session 22, held out and reported once at the start of session 23
  // on the commit it was labelled against (docs/benchmarks.md): 74.1 % top-1, 5.9 % wrong cards, 13.3 %
  // false answers. A floor, not a goal.
  "blind-eval-13.jsonl": { top1: 0.74, falseAnswers: 0.14, wrongCards: 0.06 },
  // Set L (blind-eval-14), written and labelled in session 23 from the topic list / the knowledge only,
  // held out and reported once at the session's end (docs/benchmarks.md): 90.2 % top-1, 3.0 % wrong
  // cards, 8.5 % false answers (4 of 47). A floor, not a goal.
  "blind-eval-14.jsonl": { top1: 0.9, falseAnswers: 0.086, wrongCards: 0.031 },
  // Set M (blind-eval-15), written and labelled in session 23, held out and reported once at the start
  // of session 24 on the commit it was labelled against (docs/benchmarks.md): 86.9 % top-1, 5.1 % wrong
  // cards, 9.3 % false answers (4 of 43). A floor, not a goal.
  "blind-eval-15.jsonl": { top1: 0.86, falseAnswers: 0.094, wrongCards: 0.052 },
  // Set N (blind-eval-16), written and labelled in session 24, held out and reported once at its end
  // (docs/benchmarks.md): 88.7 % top-1, 2.1 % wrong cards, 12.2 % false answers (6 of 49). A floor.
  "blind-eval-16.jsonl": { top1: 0.88, falseAnswers: 0.123, wrongCards: 0.022 },
  // Set O (blind-eval-17), written and labelled in session 24, held out and reported once at the
  // start of session 25 (docs/benchmarks.md): 89.7 % top-1, 2.9 % wrong cards, 14.8 % false
  // answers (8 of 54). A floor, not a goal.
  "blind-eval-17.jsonl": { top1: 0.89, falseAnswers: 0.149, wrongCards: 0.03 },
  // Set P (blind-eval-18), written and labelled in session 25, held out and reported once at its end
  // (docs/benchmarks.md): 86.1 % top-1, 2.2 % wrong cards, 22.6 % false answers (12 of 53). A floor.
  // Session 33: "khai sinh của em ghi sai ngày sinh so với cccd" now gets the ID-card card (the birth certificate is
  // what is wrong here): its words are those of "căn cước in sai ngày sinh so với giấy khai sinh", which three other
  // sets ask and which the ID card answers — a word-bag search cannot read which paper is the wrong one. 4 of 139.
  "blind-eval-18.jsonl": { top1: 0.86, falseAnswers: 0.227, wrongCards: 0.029 },
  // Set Q (blind-eval-19), written and labelled at the end of session 25, held out and reported once
  // at the start of session 26 (docs/benchmarks.md): 84.7 % top-1, 2.9 % wrong cards, 13.2 % false
  // answers (7 of 53). A floor, not a goal.
  "blind-eval-19.jsonl": { top1: 0.84, falseAnswers: 0.133, wrongCards: 0.03 },
  // Set R (blind-eval-20), written and labelled in session 26, held out and reported once at its end
  // (docs/benchmarks.md): 89.7 % top-1, 2.9 % wrong cards, 14.8 % false answers (8 of 54). A floor.
  "blind-eval-20.jsonl": { top1: 0.89, falseAnswers: 0.149, wrongCards: 0.03 },
  // Set S (blind-eval-21), written and labelled in session 26, held out and reported once at the start
  // of session 27 (docs/benchmarks.md): 87.1 % top-1, 3.8 % wrong cards, 13.8 % false answers (8 of 58).
  "blind-eval-21.jsonl": { top1: 0.87, falseAnswers: 0.138, wrongCards: 0.038 },
  // Set T (blind-eval-22), written and labelled in session 27, held out and reported once at its end
  // (docs/benchmarks.md): 90.3 % top-1, 3.0 % wrong cards, 5.4 % false answers (3 of 56). A floor.
  "blind-eval-22.jsonl": { top1: 0.9, falseAnswers: 0.054, wrongCards: 0.03 },
  // Set U (blind-eval-23), written and labelled in session 27, held out and reported once at the start
  // of session 28 (docs/benchmarks.md): 86.5 % top-1, 3.0 % wrong cards, 15.8 % false answers (9 of 57).
  "blind-eval-23.jsonl": { top1: 0.86, falseAnswers: 0.158, wrongCards: 0.031 },
  // Set V (blind-eval-24), written by two writers and labelled twice in session 28, held out and reported once at
  // its end (docs/benchmarks.md): 86.9 % top-1, 5.8 % wrong cards, 19.4 % false answers (12 of 62). A floor.
  "blind-eval-24.jsonl": { top1: 0.86, falseAnswers: 0.194, wrongCards: 0.059 },
  // Set W (blind-eval-25), written by two writers and labelled twice in session 28, held out and reported once at
  // the start of session 29 (docs/benchmarks.md): 88.0 % top-1, 2.3 % wrong cards, 13.4 % false answers (9 of 67).
  "blind-eval-25.jsonl": { top1: 0.875, falseAnswers: 0.135, wrongCards: 0.03 },
  // Set X (blind-eval-26), written by two writers and labelled twice in session 29, held out and reported once at
  // its end (docs/benchmarks.md): 92.8 % top-1, 3.6 % wrong cards, 9.8 % false answers (6 of 61). A floor.
  "blind-eval-26.jsonl": { top1: 0.925, falseAnswers: 0.099, wrongCards: 0.037 },
  // Set Y (blind-eval-27), written by two writers and labelled twice in session 29, held out and reported once at
  // its end (docs/benchmarks.md): 90.4 % top-1, 2.2 % wrong cards, 15.6 % false answers (10 of 64). A floor.
  "blind-eval-27.jsonl": { top1: 0.9, falseAnswers: 0.157, wrongCards: 0.023 },
  // Set Z (blind-eval-28), written by two writers and labelled twice in session 28, held out and reported once at
  // the start of session 30 (docs/benchmarks.md): 88.3 % top-1, 2.9 % wrong cards, 8.1 % false answers (5 of 62).
  "blind-eval-28.jsonl": { top1: 0.88, falseAnswers: 0.081, wrongCards: 0.03 },
  // Set AA (blind-eval-29), written by two writers and labelled twice in session 30, held out and reported once at
  // its end (docs/benchmarks.md): 85.2 % top-1, 2.1 % wrong cards, 10.3 % false answers (6 of 58). A floor.
  "blind-eval-29.jsonl": { top1: 0.85, falseAnswers: 0.104, wrongCards: 0.022 },
  // Set AB (blind-eval-30), written by two writers and labelled twice in session 30, held out and reported once at
  // the start of session 31 (docs/benchmarks.md): 88.5 % top-1, 2.9 % wrong cards, 4.9 % false answers (3 of 61).
  "blind-eval-30.jsonl": { top1: 0.9, falseAnswers: 0.051, wrongCards: 0.022 }, // session 38: four new cards, lines relabelled for them
  // Set AC (blind-eval-31), written by two writers and labelled twice in session 31, held out and reported once at
  // its end (docs/benchmarks.md): 87.9 % top-1, 1.4 % wrong cards, 11.9 % false answers (7 of 59). A floor.
  "blind-eval-31.jsonl": { top1: 0.875, falseAnswers: 0.119, wrongCards: 0.015 },
  // Set AD (blind-eval-32), written by two writers and labelled twice in session 31, held out and reported once at
  // the start of session 32 (docs/benchmarks.md): 94.4 % top-1, 1.4 % wrong cards, 16.4 % false answers (9 of 55).
  "blind-eval-32.jsonl": { top1: 0.94, falseAnswers: 0.164, wrongCards: 0.015 },
  // Set AE (blind-eval-33), written by two writers and labelled twice in session 32, held out and reported once at
  // its end (docs/benchmarks.md): 85.6 % top-1, 3.6 % wrong cards, 5.0 % false answers (3 of 60). A floor.
  "blind-eval-33.jsonl": { top1: 0.85, falseAnswers: 0.05, wrongCards: 0.036 },
  // Set AF (blind-eval-34), written by two writers and labelled twice in session 32, held out and reported once at
  // the start of session 33 (docs/benchmarks.md): 92.5 % top-1, 1.4 % wrong cards, 7.8 % false answers (4 of 51).
  "blind-eval-34.jsonl": { top1: 0.92, falseAnswers: 0.079, wrongCards: 0.015 },
  // Set AG (blind-eval-35), written by two writers and labelled twice in session 32, held out and reported once at
  // its end (docs/benchmarks.md): 90.9 % top-1, 2.8 % wrong cards, 8.0 % false answers (4 of 50). A floor.
  "blind-eval-35.jsonl": { top1: 0.9, falseAnswers: 0.08, wrongCards: 0.028 },
  // Set AH (blind-eval-36), written by two writers and labelled twice at the start of session 33, held out and reported
  // once at its end (docs/benchmarks.md): 92.4 % top-1, 4.2 % wrong cards, 5.0 % false answers (2 of 40). A floor.
  "blind-eval-36.jsonl": { top1: 0.92, falseAnswers: 0.05, wrongCards: 0.042 },
  // Set AI (blind-eval-37), written by two writers and labelled twice at the start of session 33, held out and reported
  // once at the start of session 34 (docs/benchmarks.md): 89.8 % top-1, 2.7 % wrong cards, 10.8 % false answers (4 of 37).
  "blind-eval-37.jsonl": { top1: 0.89, falseAnswers: 0.109, wrongCards: 0.028 },
  // Set AJ (blind-eval-38), written by two writers and labelled twice at the start of session 34, held out and reported
  // once at its end (docs/benchmarks.md): 92.6 % top-1, 0.0 % wrong cards, 10.7 % false answers (3 of 28).
  "blind-eval-38.jsonl": { top1: 0.92, falseAnswers: 0.108, wrongCards: 0.03 },
  // Set AK (blind-eval-39), written with set AJ and labelled twice in session 34, held out and reported once at the
  // start of session 35 (docs/benchmarks.md): 87.9 % top-1, 2.1 % wrong cards, 11.4 % false answers (4 of 35).
  "blind-eval-39.jsonl": { top1: 0.87, falseAnswers: 0.115, wrongCards: 0.022 },
  // Set AL (blind-eval-40), written and labelled twice at the start of session 35, held out and reported once at its end
  // (docs/benchmarks.md): 93.1 % top-1, 2.8 % wrong cards, 17.6 % false answers (3 of 17).
  "blind-eval-40.jsonl": { top1: 0.93, falseAnswers: 0.177, wrongCards: 0.028 },
  // Set AM (blind-eval-41), written with set AL and labelled twice in session 35, held out and reported once at the
  // start of session 36 (docs/benchmarks.md): 93.9 % top-1, 1.4 % wrong cards, 4.2 % false answers (1 of 24).
  "blind-eval-41.jsonl": { top1: 0.93, falseAnswers: 0.05, wrongCards: 0.02 },
  // Set AN (blind-eval-42), written blind and labelled twice in session 35 to tune on (docs/benchmarks.md): 89.1 % top-1,
  // 1.8 % wrong cards, 5.0 % false answers before any change from it; 90.3 % / 1.2 % / 0 % after.
  "blind-eval-42.jsonl": { top1: 0.89, falseAnswers: 0.05, wrongCards: 0.02 },
  // Set AO (blind-eval-43), written and labelled twice at the start of session 36, held out and reported once at its end
  // (docs/benchmarks.md): 91.5 % top-1, 1.3 % wrong cards, 14.3 % false answers (3 of 21).
  // Session 47: a keyword of the payment-failure guide moved one tie (0.649 / 0.648) between the two ID-card cards the other
  // way — "căn cước công dân làm hồi 58 tuổi … có phải đổi nữa không" is answered with the first-issue card (3 of 155 wrong).
  "blind-eval-43.jsonl": { top1: 0.92, falseAnswers: 0.158, wrongCards: 0.02 }, // session 38: four new cards, lines relabelled for them
  // Set AP (blind-eval-44), written and labelled twice at the start of session 36, held out and reported once at the
  // start of session 37 (docs/benchmarks.md): 94.7 % top-1, 1.3 % wrong cards, 10.0 % false answers (2 of 20); after
  // the session's work 95.4 % / 0.7 % / 10.0 %.
  // Session 38: the social-allowance card's lines on moving shifted word weights; "lam bang lai xe may ko can thi … tra them
  // tien" now gets the lost-licence card (the licence-without-test requests of session 37).
  "blind-eval-44.jsonl": { top1: 0.95, falseAnswers: 0.1, wrongCards: 0.014 },
  // Set AQ (blind-eval-45), written blind and labelled twice in session 36 to tune on (docs/benchmarks.md): 89.7 % top-1,
  // 2.1 % wrong cards, 15.0 % false answers (3 of 20) before any change from it; 92.4 % / 0.7 % / 15.0 % after (its visa
  // phrase was dropped after a boundary round).
  // Session 38: four new cards and their relabels; then the social-allowance card's lines on moving shifted word weights and
  // "Tôi cho con trai mảnh đất, làm thủ tục tặng cho ở đâu" fell back to a choice.
  "blind-eval-45.jsonl": { top1: 0.92, falseAnswers: 0.15, wrongCards: 0.014 },
  // Set AR (blind-eval-46), written blind and labelled twice in session 36 to tune on (docs/benchmarks.md): 91.3 % top-1,
  // 1.2 % wrong cards, 10.5 % false answers (2 of 19) before any change from it, on session 36's start and its commit then.
  "blind-eval-46.jsonl": { top1: 0.92, falseAnswers: 0.106, wrongCards: 0.019 }, // session 38: four new cards, lines relabelled for them
  // Set AS (blind-eval-47), written blind and labelled twice late in session 36 (docs/benchmarks.md): 91.9 % top-1, 2.5 %
  // wrong cards, 4.3 % false answers (1 of 23) on the commit then, before any change from it (90.1 % on f687f0b).
  "blind-eval-47.jsonl": { top1: 0.91, falseAnswers: 0.05, wrongCards: 0.025 },
  // Set AV (blind-eval-48), written blind and labelled twice at the start of session 37 to tune on (docs/benchmarks.md):
  // 91.1 % top-1, 1.3 % wrong cards, 5.6 % false answers (1 of 18) before any change from it; 91.8 % / 1.3 % / 5.6 % after.
  "blind-eval-48.jsonl": { top1: 0.91, falseAnswers: 0.056, wrongCards: 0.013 },
  // Set AT (blind-eval-49), written blind and labelled twice at the start of session 37 to tune on (docs/benchmarks.md):
  // 88.1 % top-1, 4.0 % wrong cards, 8.3 % false answers (2 of 24) before any change from it; 88.1 % / 3.3 % / 8.3 % after.
  "blind-eval-49.jsonl": { top1: 0.86, falseAnswers: 0.091, wrongCards: 0.033 }, // session 38: four new cards, lines relabelled for them
  // Set AU (blind-eval-50), written and labelled twice at the start of session 37, held out and reported once at its end
  // (docs/benchmarks.md): 92.7 % top-1, 1.2 % wrong cards, 23.8 % false answers (5 of 21), on its start and its end.
  "blind-eval-50.jsonl": { top1: 0.92, falseAnswers: 0.239, wrongCards: 0.013 },
  // Set AX (blind-eval-52), written blind and labelled twice in session 37 to tune on (docs/benchmarks.md): 92.7 % top-1,
  // 1.3 % wrong cards, 17.4 % false answers (4 of 23: two bank-loan questions, a licence without the test, fingerprints)
  // before any change from it; 94.7 % / 0.7 % / 17.4 % after.
  // Set AW (blind-eval-51), written and labelled twice at the start of session 37, held out and reported once at the
  // start of session 38 (docs/benchmarks.md): 92.8 % top-1, 0.7 % wrong cards, 13.0 % false answers (3 of 23) on 4ca544d.
  "blind-eval-51.jsonl": { top1: 0.92, falseAnswers: 0.131, wrongCards: 0.007 },
  "blind-eval-52.jsonl": { top1: 0.94, falseAnswers: 0.191, wrongCards: 0.007 }, // session 38: four new cards, lines relabelled for them
  // Set AY (blind-eval-53), written blind and labelled twice late in session 37 (docs/benchmarks.md): 93.3 % top-1, 0.7 %
  // wrong cards, no false answer (0 of 18) before any change from it, on f883edf and on the commit then; 94.0 % after.
  // Session 48: "đi biển" read as a fisher's story (a stopword) makes "chồng tôi có đóng BHXH tự nguyện …, giờ đi biển mất,
  // … tiền tuất" answer the voluntary-BHXH card it already ranked first (labels: liên thông khai tử) — 2 wrong, not 1; over
  // every seen line the stopwords gained 3 right first cards for 1 wrong.
  // Session 49: the new guide for several lost papers (mat-nhieu-giay-to) shifts every word's weight; one line of each of
  // sets 53, 70, 83 and 87 crossed a threshold the other way (a passport photo question, a forged-residence request, a
  // child's ID card; a newborn's BHYT card and a BHYT question in set 87), while over all seen lines it gained 14 right and
  // 18 fewer wrong cards.
  "blind-eval-53.jsonl": { top1: 0.926, falseAnswers: 0, wrongCards: 0.014 },
  // Set AZ (blind-eval-54), written blind and labelled twice at the start of session 38 to tune on (docs/benchmarks.md):
  // 91.8 % top-1, 1.9 % wrong cards, 5.0 % false answers (1 of 20) before any change from it, on f72c14f.
  "blind-eval-54.jsonl": { top1: 0.91, falseAnswers: 0.053, wrongCards: 0.019 }, // session 38: four new cards, lines relabelled for them
  // Set BA (blind-eval-55), written and labelled twice at the start of session 38 (re-checked for its four new cards),
  // held out and reported once at its end (docs/benchmarks.md): 93.2 % top-1, 4.8 % wrong cards, 5.9 % false answers
  // (1 of 17) on a54926f.
  // After: one label given the voluntary card too (a voluntary pension claim, as on the other sets), "chưa nhận được … làm
  // hồ sơ thế nào" no longer read as a filed dossier: 94.6 % / 3.4 % / 5.9 %.
  "blind-eval-55.jsonl": { top1: 0.94, falseAnswers: 0.059, wrongCards: 0.035 },
  // Set BB (blind-eval-56), written and labelled twice in session 38 (re-checked at the start of session 39 for the later
  // allowance lines: no line changed), measured once at the start of session 39: 92.2 % top-1, 1.3 % wrong cards, 0 of 20
  // out-of-scope cards (docs/benchmarks.md). After it was read: inheritance and divorce "sang tên sổ đỏ" stories, "bỏ
  // huyện … giấy tờ đất" and "bấm biển số ở xã" keywords: 95.5 % / 0 % / 0 %.
  // Session 50: the BHYT re-issue card's keywords ("thẻ bhyt bị mất", "xin lại thẻ bhyt": 5 seen lines right) shift word
  // weights; one line asking where to get the marital-status paper "để … đăng ký kết hôn" is now asked back with both cards
  // its labels accept (right after one tap).
  "blind-eval-56.jsonl": { top1: 0.948, falseAnswers: 0.05, wrongCards: 0.02 },
  // Set BE (blind-eval-59), written blind and labelled twice in session 39 (scope and first card agreed on every line) to
  // tune on: 82.7 % top-1, 3.2 % wrong cards, 2 of 18 out-of-scope cards before any change (docs/benchmarks.md). After:
  // an age the message states never leaves the card it rules out above the one it fits; OTP, marital-status, pension-ATM
  // and online-discount phrasings: 84.0 % / 1.9 % / 11.1 % (the two out-of-scope cards: a poverty certificate for a
  // household that is not poor, a deaf person's licence test).
  "blind-eval-59.jsonl": { top1: 0.83, falseAnswers: 0.12, wrongCards: 0.025 },
  // Set BC (blind-eval-57), written and labelled twice at the start of session 39 (re-checked for the session's card
  // changes: no line changed), measured once at its end: 89.6 % top-1, 1.8 % wrong cards, 2 of 24 out-of-scope cards,
  // the same on the session's first and last commits (docs/benchmarks.md). Not tuned on yet.
  "blind-eval-57.jsonl": { top1: 0.89, falseAnswers: 0.09, wrongCards: 0.02 },
  // Set BD (blind-eval-58), written with BC and labelled twice in session 39 (re-checked for that session's card changes:
  // one scope change), measured once at the start of session 40: 88.0 % top-1, 4.4 % wrong cards, 5 of 23 out-of-scope
  // cards on 10c30d1 (docs/benchmarks.md). After it was read: a filed dossier asked after with "xem tới đâu" / "đang tới
  // bước nào", a meaning question inside a longer message, a temporary closure and a washed-out licence: 90.5 % / 2.5 % /
  // 21.7 % (the five out-of-scope cards: a paid-for poverty certificate, a visa extension for a guest, "nộp qua mạng
  // được không" asked back between two guides, returning from a declared absence, a number-plate auction).
  "blind-eval-58.jsonl": { top1: 0.905, falseAnswers: 0.22, wrongCards: 0.026 },
  // Set BF (blind-eval-61), written blind and labelled twice at the start of session 40 to tune on: 90.4 % top-1, 3.0 %
  // wrong cards, 2 of 28 out-of-scope cards on 10c30d1, before any change made from it (docs/benchmarks.md). After: the
  // meaning question inside a message, the OTP, company-registration, water-connection and liên thông birth keywords:
  // 93.4 % / 1.2 % / 7.1 %.
  "blind-eval-61.jsonl": { top1: 0.934, falseAnswers: 0.072, wrongCards: 0.012 },
  // Set BG (blind-eval-62), written and labelled twice at the start of session 40 (re-checked for the session's card
  // changes: no line changed), measured once at its end: 88.6 % top-1, 2.4 % wrong cards, 2 of 28 out-of-scope cards on
  // 7eb563a (88.0 / 3.0 / 7.1 % on 10c30d1; docs/benchmarks.md).
  "blind-eval-62.jsonl": { top1: 0.885, falseAnswers: 0.075, wrongCards: 0.025 },
  // Set BH (blind-eval-60), written with BG and labelled twice against 10c30d1 (re-checked for session 40's card
  // changes: 1 scope change), measured once at the start of session 41: 82.7 % top-1, 6.8 % wrong cards, 5 of 28
  // out-of-scope cards on 40f6e57 (82.1 / 7.4 / 17.9 % on 10c30d1; docs/benchmarks.md). After: papers after the mergers,
  // the personal number, a copy asked where to get, dossier status; one line about a relative missing at sea relabelled
  // for the khai tử card's new note: 88.3 % / 3.1 % / 3 of 27.
  "blind-eval-60.jsonl": { top1: 0.883, falseAnswers: 0.12, wrongCards: 0.031 },
  // Set BI (blind-eval-63), written blind and labelled twice at the start of session 41 (scope and first card agreed on
  // every line) to tune on: 91.9 % top-1, 1.3 % wrong cards, 4 of 19 out-of-scope cards on 40f6e57, before any change
  // made from it (docs/benchmarks.md). After: 92.6 % / 0.7 % / 4 of 19.
  "blind-eval-63.jsonl": { top1: 0.926, falseAnswers: 0.22, wrongCards: 0.007 },
  // Set BJ (blind-eval-64), written and labelled twice at the start of session 41 (re-checked for the session's card
  // changes: no line changed), measured once at its end: 92.4 % top-1, 2.1 % wrong cards, 4 of 21 out-of-scope cards, the
  // same on 40f6e57 and 99148ba (docs/benchmarks.md). Not tuned on yet.
  "blind-eval-64.jsonl": { top1: 0.923, falseAnswers: 0.2, wrongCards: 0.021 },
  // Set BL (blind-eval-66), written and labelled twice late in session 41 to tune on: 89.9 % top-1, 2.7 % wrong cards, 4 of
  // 21 out-of-scope cards on 242bc74, before any change made from it (docs/benchmarks.md). After: "Đồng Xoài" a place
  // (typed bare, "dong" is "đóng", closing a business): 89.9 % / 2.0 % / 4 of 21.
  // Set BK (blind-eval-65), written and labelled twice at the start of session 41 against 40f6e57 (re-checked for the
  // session's card changes: no line changed), measured once at the start of session 42: 97.2 % top-1, 0.7 % wrong cards,
  // 1 of 20 out-of-scope cards, the same on 40f6e57 and 8d84df2 (docs/benchmarks.md). Not tuned on yet.
  "blind-eval-65.jsonl": { top1: 0.965, falseAnswers: 0.05, wrongCards: 0.014 },
  "blind-eval-66.jsonl": { top1: 0.898, falseAnswers: 0.2, wrongCards: 0.021 },
  // Set BM (blind-eval-67), 80 messages that all mention the 2025 mergers, written from the topic list only and labelled
  // once, late in session 41, to judge the papers-after-the-mergers intent on natural messages: 72.7 % top-1, 18.2 % wrong
  // cards with the intent (70.1 / 18.2 % without it), before any change made from it. After (validity phrasings, "giờ
  // thành", "nay thuộc", "đăng ký lại", a company's papers, no "sở!" or "kết hôn" in `unless`): 79.2 % / 11.7 % / 1 of 3.
  "blind-eval-67.jsonl": { top1: 0.792, falseAnswers: 0.34, wrongCards: 0.117 },
  // Set BN (blind-eval-68), written and labelled twice at the start of session 42 to tune on: 88.6 % top-1, 1.3 % wrong
  // cards, 1 of 22 out-of-scope cards on 8d84df2, before any change made from it. After ("gpxl", who asks told first):
  // 89.3 % / 0.7 % / 1 of 22. Session 44: 88.6 % — "bố 85 tuổi làm di chúc muốn chứng thực chữ ký", labelled with both the
  // contracts card and the signature card, is asked back with those two since "chứng thực di chúc" names the contracts card.
  "blind-eval-68.jsonl": { top1: 0.885, falseAnswers: 0.05, wrongCards: 0.014 },
  // Set BO (blind-eval-69), written and labelled twice at the start of session 42 against 8d84df2 (re-checked for the
  // session's card change: no line changed), measured once at its end: 88.2 % top-1, 1.9 % wrong cards, 2 of 21
  // out-of-scope cards (88.2 / 1.2 % / 2 of 21 on 8d84df2; docs/benchmarks.md). After (a dossier a lookup does not
  // find): 88.8 % / 1.9 % / 2 of 21.
  "blind-eval-69.jsonl": { top1: 0.888, falseAnswers: 0.1, wrongCards: 0.019 },
  // Set BP (blind-eval-70), 100 natural messages that all mention the 2025 mergers, labelled twice, session 42: 77.1 % top-1,
  // 8.4 % wrong cards, 3 of 17 out-of-scope cards with the renamed-places intent (73.5 / 9.6 % without it). After (a
  // former province named on a paper, VNeID showing the old province, a coffee bribe, "phải sửa lại", a temporary residence
  // to redo): 84.3 % / 3.6 % / 2 of 17.
  "blind-eval-70.jsonl": { top1: 0.843, falseAnswers: 0.177, wrongCards: 0.037 },
  // Set BQ (blind-eval-71), written late in session 42 and labelled twice against aec5298 (no card changed after it),
  // measured once at the start of session 43: 89.9 % top-1, 3.2 % wrong cards, 3 of 25 out-of-scope cards on both
  // aec5298 and 8f31a64 (docs/benchmarks.md). After (a worn paper's "mất hết chữ", a bribe "bỏ 500k cho cán bộ", the merger
  // guide only for questions about the mergers): 90.5 % / 1.9 % / 2 of 25.
  "blind-eval-71.jsonl": { top1: 0.905, falseAnswers: 0.08, wrongCards: 0.019 },
  // Set BS (blind-eval-73), written and labelled twice at the start of session 43 to tune on: 83.2 % top-1, 2.5 % wrong
  // cards, 1 of 22 out-of-scope cards on 8f31a64, before any change made from it. After ("mua de" is "mua để", "có phải
  // dịch" asks about papers, a late death registration; a rival named whole but holding two fewer pairs): 86.3 % / 1.9 % /
  // 1 of 22.
  "blind-eval-73.jsonl": { top1: 0.863, falseAnswers: 0.05, wrongCards: 0.019 },
  // Set BR (blind-eval-72), written and labelled twice at the start of session 43 against 8f31a64 (re-checked for the
  // session's card changes: no line changed), measured once at its end: 83.9 % top-1, 3.7 % wrong cards, 3 of 30
  // out-of-scope cards (83.9 / 3.1 % / 3 of 30 on 8f31a64; docs/benchmarks.md). A floor, not a goal.
  "blind-eval-72.jsonl": { top1: 0.838, falseAnswers: 0.1, wrongCards: 0.038 },
  // Set BT (blind-eval-74), written and labelled twice mid-session 43 against a603054, measured once at its end: 87.5 %
  // top-1, 1.9 % wrong cards, 4 of 26 out-of-scope cards (the same on 8f31a64 and a603054). A floor, not a goal.
  "blind-eval-74.jsonl": { top1: 0.875, falseAnswers: 0.154, wrongCards: 0.019 },
  // Set BU (blind-eval-75), written at the end of session 43 and labelled twice against 9f4f918 (no card changed after
  // it), measured once at the start of session 44: 87.4 % top-1, 3.1 % wrong cards, 8 of 31 out-of-scope cards on
  // b9b76f4 (87.4 / 3.8 % / 8 of 31 on 9f4f918; docs/benchmarks.md). A floor, not a goal.
  "blind-eval-75.jsonl": { top1: 0.874, falseAnswers: 0.26, wrongCards: 0.032 },
  // Set BW (blind-eval-77), written and labelled twice at the start of session 44 to tune on (one scope line settled from
  // the cards: an orphans' shelter asking for the children's free BHYT is the social-allowance card): 85.2 % top-1, 5.6 %
  // wrong cards, 7 of 34 out-of-scope cards on b9b76f4 and after the session's first changes alike. After (the question
  // over its story, a new phone number on VNeID, a lookup that finds no dossier, a guest's visa extension, "vô tài khoản"
  // of a relative): 88.3 % / 2.5 % / 5 of 34. Then (renting and permanent residence): 88.9 % / 3.1 % / 5 of 34 — "cháu lớn rời
  // mái ấm ra thuê trọ … có phải xóa thường trú ở mái ấm" now gets the registration card, not nothing.
  "blind-eval-77.jsonl": { top1: 0.884, falseAnswers: 0.148, wrongCards: 0.037 },
  // Set BX (blind-eval-78), written and labelled twice mid-session 44 to tune on (one scope line settled from the cards):
  // 86.3 % top-1, 2.5 % wrong cards, 3 of 35 out-of-scope cards before any change made from it — the same on b9b76f4 and
  // after the session's changes made from BU and BW. After ("hộ kd", "tra mã hồ sơ", a barcode ID card, a first driving
  // test): 88.2 % / 0.6 % / 2 of 35. Session 48: the lookup guide's keyword "tra cứu hồ sơ đã nộp trên cổng dịch vụ công
  // quốc gia" makes one "I don't know" a wrong card ("nộp hồ sơ trên cổng … xem hồ sơ đến bước nào": the online-filing guide
  // ranks first); over every seen line it gained 2 right first cards for 1 wrong fewer.
  "blind-eval-78.jsonl": { top1: 0.881, falseAnswers: 0.059, wrongCards: 0.019 },
  // Sets BV (blind-eval-76, labelled against b9b76f4) and BY (blind-eval-79, labelled against b0ec203), written and
  // labelled twice in session 44 and measured once at its end (docs/benchmarks.md): BV 82.1 % top-1, 5.6 % wrong cards,
  // 5 of 33 out-of-scope cards (80.9 / 5.6 % / 5 of 33 on the session's start); BY 89.5 % / 4.3 % / 6 of 33 (the same on
  // the start). Floors, not goals.
  "blind-eval-76.jsonl": { top1: 0.82, falseAnswers: 0.152, wrongCards: 0.056 },
  "blind-eval-79.jsonl": { top1: 0.895, falseAnswers: 0.182, wrongCards: 0.044 },
  // Set BZ (blind-eval-80, labelled twice against c429ee3), measured once at the start of session 45 (docs/benchmarks.md):
  // 87.3 % top-1, 4.4 % wrong cards, 5 of 36 out-of-scope cards; tuned on since: 89.9 % / 3.2 % / 4 of 36. A floor, not a goal.
  "blind-eval-80.jsonl": { top1: 0.893, falseAnswers: 0.118, wrongCards: 0.032 },
  // Set CA (blind-eval-81), written and labelled twice at the start of session 45 to tune on: 86.1 % top-1, 3.6 % wrong
  // cards, 5 of 27 out-of-scope cards before any change made from it (the same on 9ba0916 and after set BZ's changes).
  // After (forgery for pay, papers after the mergers, electricity and water keywords, the pairs-aware tie): 88.6 % / 3.0 % /
  // 3 of 27.
  // Session 49: one line (a storehouse's building permit) re-labelled out of scope by a third labeller: 146 of 165, not 147 of 166.
  "blind-eval-81.jsonl": { top1: 0.884, falseAnswers: 0.112, wrongCards: 0.031 },
  // Set CD (blind-eval-84), written and labelled twice mid-session 45 against e9db35d: 86.9 % top-1, 3.8 % wrong cards,
  // 1 of 33 out-of-scope cards on both 9ba0916 and e9db35d (the session's changes from BZ and CA moved none of its lines).
  // After ("không rành điện thoại … vneid mức 2"): 87.5 % / 3.8 % / 1 of 33.
  "blind-eval-84.jsonl": { top1: 0.875, falseAnswers: 0.031, wrongCards: 0.038 },
  // Set CB (blind-eval-82, labelled twice against 9ba0916, re-checked for the session's card edits: none changed), measured
  // once at the end of session 45 (docs/benchmarks.md): 87.0 % top-1, 3.7 % wrong cards, 4 of 25 out-of-scope cards
  // (86.4 % / 4.3 % / 4 of 25 on the session's start). A floor, not a goal.
  "blind-eval-82.jsonl": { top1: 0.864, falseAnswers: 0.16, wrongCards: 0.038 },
  // Set CC (blind-eval-83, labelled twice against 9ba0916, re-checked for session 45's card edits: none changed), measured
  // once at the start of session 46 (docs/benchmarks.md): 83.9 % top-1, 3.1 % wrong cards, 6 of 33 out-of-scope cards on
  // both 9ba0916 and 8af96e3. Tuned on since (one line relabelled for the compulsory-BHXH card: 83.3 % / 3.7 % / 5 of 32
  // on 8af96e3): 86.4 % / 2.5 % / 5 of 32. A floor, not a goal.
  "blind-eval-83.jsonl": { top1: 0.858, falseAnswers: 0.157, wrongCards: 0.025 },
  // Set CE (blind-eval-85), written and labelled twice at the start of session 46 to tune on: 85.9 % top-1, 3.1 % wrong
  // cards, 1 of 23 out-of-scope cards before any change made from it (on e843945 and after the first rule change). After:
  // 89.6 % / 1.8 % / 1 of 23.
  "blind-eval-85.jsonl": { top1: 0.895, falseAnswers: 0.044, wrongCards: 0.019 },
  // Set CH (blind-eval-88), written mid-session 46 to measure transfer: 88.2 % / 3.1 % / 5 of 31 on e843945 and the same
  // top-1 on 524a533 (one wrong card became a choice); one line relabelled for the compulsory-BHXH card (87.7 % / 3.1 % /
  // 5 of 30 on e843945). After the changes made from reading it: 89.5 % / 2.5 % / 5 of 30.
  "blind-eval-88.jsonl": { top1: 0.895, falseAnswers: 0.167, wrongCards: 0.025 },
  // Set CF (blind-eval-86, labelled twice against e843945, re-checked for the session's card edits: none changed), measured
  // once at the end of session 46 (docs/benchmarks.md): 88.2 % top-1, 5.0 % wrong cards, 3 of 29 out-of-scope cards (87.6 %
  // / 5.0 % / 2 of 29 on the session's start). A floor, not a goal.
  "blind-eval-86.jsonl": { top1: 0.881, falseAnswers: 0.104, wrongCards: 0.05 },
  // Set CG (blind-eval-87, labelled twice against e843945, re-checked for session 46's card edits: 1 line changed), measured
  // once at the start of session 47 (docs/benchmarks.md): 89.9 % top-1, 2.5 % wrong cards, 4 of 27 out-of-scope cards
  // (89.3 % on session 46's start). A floor, not a goal.
  // Session 49: one line (a workshop's building permit) re-labelled out of scope by a third labeller: 142 of 158, not 143 of 159.
  "blind-eval-87.jsonl": { top1: 0.892, falseAnswers: 0.149, wrongCards: 0.032 },
  // Set CI (blind-eval-89, labelled twice against 02005da), written at the start of session 47 to tune on: 93.2 % top-1,
  // 0.6 % wrong cards, 2 of 28 out-of-scope cards before any change made from it (docs/benchmarks.md).
  // Session 65: 3 of 28 — with "mảnh đất" read as "đất", "vợ chồng tôi muốn làm hợp đồng tặng cho mảnh đất cho thằng con
  // út, nhưng ông không ra phòng công chứng được. Công chứng viên có đến tận nhà không" gets the land transfer card.
  "blind-eval-89.jsonl": { top1: 0.932, falseAnswers: 0.108, wrongCards: 0.007 },
  // Set CJ (blind-eval-90, labelled twice against 02005da, re-checked for the session's card edits: none changed), measured
  // once at the end of session 47 (docs/benchmarks.md): 92.1 % top-1, 1.2 % wrong cards, 6 of 29 out-of-scope cards (the
  // same on the session's start). A floor, not a goal.
  "blind-eval-90.jsonl": { top1: 0.921, falseAnswers: 0.207, wrongCards: 0.013 },
  // Set CK (blind-eval-91, labelled twice against 02005da, re-checked for the card edits after it: none changed), measured
  // once at the start of session 48 (docs/benchmarks.md): 87.8 % top-1, 3.0 % wrong cards, 7 of 33 out-of-scope cards (the
  // same on 02005da). A floor, not a goal.
  "blind-eval-91.jsonl": { top1: 0.878, falseAnswers: 0.213, wrongCards: 0.031 },
  // Set CL (blind-eval-92, labelled twice against 75346d8), written at the start of session 48 to tune on: 88.1 % top-1,
  // 1.3 % wrong cards, 1 of 29 out-of-scope cards before any change made from it (docs/benchmarks.md). Session 48's
  // reading of "hông" as "không" (synonyms `dialect`) makes one line confident on the card it already ranked first, the
  // elderly's at-home ID card for "thằng nhỏ nhà tui 10 tuổi làm căn cước được hông" (3 wrong, not 2; over every seen
  // line the session's language lists gained 13 right first cards for 1 wrong).
  "blind-eval-92.jsonl": { top1: 0.881, falseAnswers: 0.035, wrongCards: 0.019 },
  // Set CM (blind-eval-93, labelled twice against 75346d8, re-checked for the session's card edits: none changed), measured
  // once at the end of session 48 (docs/benchmarks.md): 92.0 % top-1, 1.2 % wrong cards, 2 of 28 out-of-scope cards (the
  // same on the session's start, line for line). A floor, not a goal.
  "blind-eval-93.jsonl": { top1: 0.919, falseAnswers: 0.072, wrongCards: 0.013 },
  // Set CN (blind-eval-94, labelled twice against 75346d8, re-checked for the card edits after it: none changed), measured
  // once at the start of session 49: 89.0 % top-1, 3.7 % wrong, 4 of 28 out-of-scope cards on 75346d8 and 8eea110 alike.
  "blind-eval-94.jsonl": { top1: 0.89, falseAnswers: 0.143, wrongCards: 0.037 },
  // Set CO (blind-eval-95, labelled twice against 4e48cee, re-checked for the card edits after it: 1 line changed), measured
  // once at the end of session 49: 87.3 % top-1, 7.9 % wrong, 6 of 32 out-of-scope cards on 8eea110 and 54dcab6 alike.
  "blind-eval-95.jsonl": { top1: 0.872, falseAnswers: 0.188, wrongCards: 0.079 },
  // Set CQ (blind-eval-97, labelled twice against 8eea110, re-checked for the card edits after it: 2 lines changed), measured
  // once at the start of session 50: 93.1 % top-1, 3.8 % wrong, 1 of 27 out-of-scope cards on a82f69f (8eea110: 4.4 % wrong).
  "blind-eval-97.jsonl": { top1: 0.931, falseAnswers: 0.038, wrongCards: 0.038 },
  // Set CP (blind-eval-96, labelled twice against 8eea110), written at the start of session 49 to tune on: 90.7 % top-1,
  // 4.0 % wrong cards, 4 of 26 out-of-scope cards before any change made from it; the floor is its reading after the session.
  "blind-eval-96.jsonl": { top1: 0.913, falseAnswers: 0.116, wrongCards: 0.034 },
  // Set CR (blind-eval-98, labelled twice against ae403b7), written in session 49 to tune on: 90.4 % top-1, 1.8 % wrong
  // cards, 2 of 29 out-of-scope cards before any change made from it; the floor is its reading after the session.
  "blind-eval-98.jsonl": { top1: 0.91, falseAnswers: 0.069, wrongCards: 0.018 },
  // Set CS (blind-eval-99, labelled twice against a4d12a5), written in session 49 to tune on: 87.3 % top-1, 3.8 % wrong
  // cards, 1 of 29 out-of-scope cards before any change made from it; the floor is its reading after the session.
  // Session 52: keywords for old people without a smartphone on the level-2 guide answered five seen lines right, and moved
  // one line of this set the wrong way: "tôi già rồi không dùng điện thoại thông minh …" was "I don't know" and now gets the
  // lock guide (wrong cards 4 → 5 of 158; top-1 unchanged at 90.5 %). The floor moved by that one line.
  "blind-eval-99.jsonl": { top1: 0.886, falseAnswers: 0.035, wrongCards: 0.032 },
  // Set CT (blind-eval-100, labelled twice against 7145278, re-checked for the card edits after it: none changed), measured
  // once at the end of session 50: 90.3 % top-1, 3.0 % wrong, 4 of 25 out-of-scope cards on e0bbb21 (a82f69f: 2.4 % wrong).
  "blind-eval-100.jsonl": { top1: 0.903, falseAnswers: 0.16, wrongCards: 0.031 },
  // Set CU (blind-eval-101, labelled twice against a82f69f), written at the start of session 50 to tune on: 82.5 % top-1,
  // 4.4 % wrong cards, 5 of 29 out-of-scope cards before any change made from it; the floor is its reading after the session.
  "blind-eval-101.jsonl": { top1: 0.831, falseAnswers: 0.173, wrongCards: 0.038 },
  // Set CV (blind-eval-102, labelled twice against a82f69f, re-checked for the card edits after it: none changed), measured
  // once at the start of session 51: 86.2 % top-1, 3.8 % wrong, 4 of 27 out-of-scope cards (2 more asked back) on d902775.
  "blind-eval-102.jsonl": { top1: 0.861, falseAnswers: 0.223, wrongCards: 0.038 },
  // Set CW (blind-eval-103, labelled twice against 1702892, re-checked for the card edits after it: none changed), measured
  // once at the end of session 51: 87.2 % top-1, 3.0 % wrong, 8 of 32 out-of-scope cards (1 more asked back) on 059ad02.
  "blind-eval-103.jsonl": { top1: 0.871, falseAnswers: 0.282, wrongCards: 0.031 },
  // Set CX (blind-eval-104, labelled twice against d902775), written at the start of session 51 to tune on: 85.8 % top-1,
  // 6.2 % wrong cards, 3 of 22 out-of-scope cards before any change made from it; the floor is its reading after the session.
  "blind-eval-104.jsonl": { top1: 0.876, falseAnswers: 0.137, wrongCards: 0.05 },
  // Set CY (blind-eval-105, labelled twice against d902775, re-checked for the card edits after it: none changed), measured
  // once at the start of session 52: 87.0 % top-1, 3.1 % wrong, 4 of 28 out-of-scope cards (1 more asked back) on 85ad995.
  "blind-eval-105.jsonl": { top1: 0.869, falseAnswers: 0.179, wrongCards: 0.032 },
  // Set CZ (blind-eval-106, labelled twice against 059ad02, re-checked for the card edits after it: none changed), measured
  // once at the end of session 52: 86.8 % top-1, 3.1 % wrong, 6 of 30 out-of-scope cards (1 more asked back) on b7aed5a.
  "blind-eval-106.jsonl": { top1: 0.867, falseAnswers: 0.234, wrongCards: 0.032 },
  // Set DA (blind-eval-107, labelled twice against 85ad995), written at the start of session 52 to tune on: 81.1 % top-1,
  // 4.3 % wrong cards, 3 of 30 out-of-scope cards before any change made from it; the floor is its reading after the session.
  // Session 53: an old paper motorbike licence "phải đổi sang thẻ" is asked back between the licence-exchange card and the
  // guide to old and new classes (both labelled right; one tap) since the guide holds "bằng lái xe máy cũ … có phải đổi".
  "blind-eval-107.jsonl": { top1: 0.835, falseAnswers: 0.1, wrongCards: 0.025 },
  // Set DC (blind-eval-109, labelled twice against 5c7dc3d), written in session 52 to tune on: 84.3 % top-1, 2.4 % wrong
  // cards, 6 of 30 out-of-scope cards on its arrival (the same on 85ad995); the floor is its reading after the session.
  // Set DB (blind-eval-108, labelled twice against 85ad995, re-checked for the card edits after it: none changed), measured
  // once at the start of session 53: 84.3 % top-1, 5.4 % wrong, no out-of-scope card (2 of 23 asked back) on b0498fb.
  "blind-eval-108.jsonl": { top1: 0.843, falseAnswers: 0.087, wrongCards: 0.055 },
  // Session 66: 0.855 → 0.849. "vào lớp 1 chưa có giấy khai sinh" as a keyword of the late-birth guide (seen sets +3 right,
  // −3 wrong; routing-probes/late-birth-66 35 / 10 → 38 / 7) leaves "muon cho dua lon vao lop 1 nam sau o day thi can tam tru
  // hay thuong tru" without a card.
  "blind-eval-109.jsonl": { top1: 0.849, falseAnswers: 0.167, wrongCards: 0.025 },
  // Set DD (blind-eval-110, labelled twice against b7aed5a, re-checked twice for the card edits after it: none changed),
  // measured once at the end of session 53: 85.1 % top-1, 4.3 % wrong, 6 of 32 out-of-scope cards on 626defb.
  "blind-eval-110.jsonl": { top1: 0.85, falseAnswers: 0.188, wrongCards: 0.044 },
  // Set DE (blind-eval-111, labelled twice against b0498fb), written at the start of session 53 to tune on: 90.7 % top-1,
  // 2.5 % wrong cards, 7 of 31 out-of-scope cards before any change made from it; the floor is its reading after the session.
  "blind-eval-111.jsonl": { top1: 0.907, falseAnswers: 0.226, wrongCards: 0.025 },
  // Set DF (blind-eval-112, labelled twice against 3119e95, two scope disagreements settled by a third labeller), written in
  // session 53 to tune on: 87.0 % top-1, 5.9 % wrong cards, 4 of 25 out-of-scope cards on arrival; the floor is its reading
  // after the session.
  "blind-eval-112.jsonl": { top1: 0.869, falseAnswers: 0.16, wrongCards: 0.042 },
  // Set DG (blind-eval-113, labelled twice against f532296, no card edited after it), measured once at the start of
  // session 54: 90.1 % top-1, 2.5 % wrong, 4 of 29 out-of-scope cards on aa32aaf; read and tuned on: 91.4 %, 1.9 %, 3.
  "blind-eval-113.jsonl": { top1: 0.913, falseAnswers: 0.104, wrongCards: 0.019 },
  // Set DH (blind-eval-114, labelled twice against f532296, re-checked for session 54's card edits: none changed), measured
  // once at the end of session 54: 84.2 % top-1, 5.3 % wrong, 2 of 27 out-of-scope cards on db78e20; read: a man out of
  // work "2 tháng rồi chưa có công trình mới" was taken as a dossier waiting two months (dossier-status) — 84.8 %, 4.7 %.
  "blind-eval-114.jsonl": { top1: 0.847, falseAnswers: 0.075, wrongCards: 0.047 },
  // Set DI (blind-eval-115, labelled twice against 1814838, the one scope disagreement kept as labeller 1's "no entry"),
  // written at the start of session 54 to tune on: 89.4 % top-1, 2.5 % wrong cards, 1 card and 1 choice on 30 out of scope
  // before any change made from it; the floor is its reading after the session (90.7 %, 2.5 %, the same two).
  "blind-eval-115.jsonl": { top1: 0.906, falseAnswers: 0.067, wrongCards: 0.025 },
  // Set DJ (blind-eval-116, labelled twice against 1814838, re-checked for session 54's card edits: none changed), measured
  // once at the start of session 55: 87.0 % top-1, 4.9 % wrong, 3 of 26 out-of-scope cards on 2bec24e; read and tuned on
  // (money for a licence without the exam, a criminal record certificate hiding a conviction refused; the SIM guide's keywords;
  // the foreign work permit not for Vietnamese working abroad): 87.7 %, 4.9 %, 0 of 26.
  "blind-eval-116.jsonl": { top1: 0.876, falseAnswers: 0, wrongCards: 0.05 },
  // Set DK (blind-eval-117, labelled twice against 1814838, re-checked twice for session 55's card edits: none changed),
  // measured once at the end of session 55: 90.9 % top-1, 1.2 % wrong, 2 of 26 out-of-scope cards on 0e8a16c.
  "blind-eval-117.jsonl": { top1: 0.908, falseAnswers: 0.077, wrongCards: 0.013 },
  // Set DL (blind-eval-118, labelled twice against 2bec24e, two scope disagreements settled by a third labeller), written
  // at the start of session 55 to tune on: 90.2 % top-1, 1.2 % wrong cards, 9 cards and 1 choice on 32 out of scope before
  // any change made from it; the floor is its reading after the session (92.7 %, 1.2 %, 8 of 32).
  "blind-eval-118.jsonl": { top1: 0.926, falseAnswers: 0.25, wrongCards: 0.013 },
  // Set DM (blind-eval-119, labelled twice against 2bec24e, four scope disagreements settled by a third labeller, re-checked
  // for session 55's card edits: none changed), measured once at the start of session 56: 82.0 % top-1, 4.3 % wrong, 6 cards
  // and 1 choice on 34 out of scope on 679f6da; read and tuned on ("nè", "út" as particles; a bribe told by an acquaintance,
  // money and speed; "lười thi" beside buying a licence; another's VNeID; wanting an officer fired; the home ID card not for
  // allowance questions): 85.1 %, 3.1 %, 5 of 34.
  "blind-eval-119.jsonl": { top1: 0.85, falseAnswers: 0.148, wrongCards: 0.032 },
  // Set DN (blind-eval-120, labelled twice against 2bec24e, two scope disagreements settled by a third labeller, re-checked
  // for session 55's and 56's card edits: none changed), measured once at the end of session 56: 89.3 % top-1, 1.3 % wrong,
  // 3 cards and 1 choice on 31 out of scope on d2260e1 (the same on 2bec24e and 679f6da).
  "blind-eval-120.jsonl": { top1: 0.893, falseAnswers: 0.13, wrongCards: 0.013 },
  // Set DP (blind-eval-122, labelled twice against 386404d, scope agreed on all 183), written at the start of session 56 to
  // tune on: 91.2 % top-1, 1.9 % wrong cards, 4 cards on 24 out of scope before any change made from it; 91.8 %, 1.9 %, 2 after.
  "blind-eval-122.jsonl": { top1: 0.918, falseAnswers: 0.084, wrongCards: 0.019 },
  // Set DQ (blind-eval-123, labelled twice against 386404d, the one scope disagreement kept as labeller 1's), written at the
  // start of session 56 to tune on: 89.0 % top-1, 1.3 % wrong cards, 5 cards on 25 out of scope before any change made from it;
  // 89.0 %, 1.9 % ("thằng con út" now reads a copy's certification), 5 after.
  // Session 65: 2.6 % — "Nhà em … dời xuống khu tái định cư. Muốn đăng ký thường trú ở chỗ mới …, hộ khẩu cũ có cần xóa ko?"
  // flips to the removal card (0.511 against 0.510) with its keyword "xóa thường trú cho bố mẹ đã qua đời" (+5 right, −5
  // wrong on routing-probes/residence-65, the same on the seen sets without it).
  "blind-eval-123.jsonl": { top1: 0.889, falseAnswers: 0.2, wrongCards: 0.026 },
  // Sets DR and DS (blind-eval-124, -125, labelled twice against 12253d6 — DR's one scope disagreement kept as labeller 1's,
  // DS agreed on all 185), written mid-session 56 after its first changes and measured on arrival at 12253d6: DR 85.7 % top-1,
  // 5.0 % wrong, 6 cards and 1 choice on 32 out of scope; DS 85.1 %, 4.5 %, 5 of 31. The changes tried on them (exclusions on
  // the phone-change VNeID guide and the voluntary-BHXH card, "not covered" for a first driving test) were dropped after a
  // newcomer review found them breaking 44 lawful questions: the floors are the arrival readings.
  "blind-eval-124.jsonl": { top1: 0.857, falseAnswers: 0.219, wrongCards: 0.05 },
  "blind-eval-125.jsonl": { top1: 0.85, falseAnswers: 0.162, wrongCards: 0.046 },
  // Set DT (blind-eval-126, labelled twice against 9e891d7, four scope disagreements settled by a third labeller; no card
  // edited before it was measured), measured once at the start of session 57: 82.6 % top-1, 4.0 % wrong, 6 cards on 33 out
  // of scope on 21057ec; read and tuned on (a paper put into the VNeID app names the integration guide, not its own
  // procedure; looking up voluntary-BHXH payments names the look-up guide): 83.9 %, 3.4 %, 6 of 33.
  "blind-eval-126.jsonl": { top1: 0.846, falseAnswers: 0.157, wrongCards: 0.034 },
  // Set DU (blind-eval-127, labelled twice against 9e891d7, three scope disagreements settled by a third labeller,
  // re-checked for session 57's card edits: none changed), measured once at the end of session 57: 87.3 % top-1, 2.7 %
  // wrong, 9 cards on 42 out of scope — the same on 21057ec and 3e3ed9f.
  "blind-eval-127.jsonl": { top1: 0.873, falseAnswers: 0.215, wrongCards: 0.027 },
  // Set DV (blind-eval-128, labelled twice against 21057ec, two scope disagreements settled by a third labeller, re-checked
  // for session 57's card edits: none changed), measured once at the start of session 58: 86.3 % top-1, 3.3 % wrong, 3
  // cards and 1 choice on 38 out of scope — the same on 21057ec and a2b80a9. Read and tuned on in session 58 (a teacher's
  // "hs" is a pupil, an old household registration removed then registered again, the e-visa not for going abroad):
  // 88.2 %, 1.3 %, 2 cards and 1 choice.
  "blind-eval-128.jsonl": { top1: 0.882, falseAnswers: 0.079, wrongCards: 0.014 },
  // Set DW (blind-eval-129, labelled twice against 21057ec, one scope disagreement settled by a third labeller, re-checked
  // for the card edits of sessions 57 and 58: none changed), measured once at the end of session 58: 86.3 % top-1, 2.1 %
  // wrong, 4 cards on 38 out of scope — the same on 21057ec and a7d85ce.
  "blind-eval-129.jsonl": { top1: 0.856, falseAnswers: 0.106, wrongCards: 0.021 },
  // Set DX (blind-eval-130, labelled twice against c5060fd, three scope disagreements settled by a third labeller,
  // re-checked for session 58's card edits: none changed), measured once at the start of session 59: 91.2 % top-1, 2.0 %
  // wrong, 8 cards on 31 out of scope — the same on c5060fd and c19ce65. Read in session 59: every phrase and card exclusion
  // written from its out-of-scope cards (paying to avoid military service, a storm at sea, a drugstore's licence, an
  // ethnic-minority fee question, a first driving test) broke on a newcomer's probe and was dropped (probes/intents-59,
  // -59c, routing-probes/cards-59), so it reads as measured.
  "blind-eval-130.jsonl": { top1: 0.912, falseAnswers: 0.2, wrongCards: 0.021 },
  // Set DY (blind-eval-131, labelled twice against c5060fd, scope agreed on every line, re-checked for the card edits of
  // session 58: none changed), measured once at the end of session 59: 83.4 % top-1, 2.6 % wrong, 4 cards and 2 choices on
  // 33 out of scope — the same on c5060fd and 54c714e. Read and tuned on after that (an alias "nộp phạt online", keywords
  // for the tax when selling land and a child taking the mother's surname): 85.4 %, 0.7 %, the same out of scope.
  // Session 66: false answers 0.182 → 0.213 — "cho cô xin sđt của chị Hằng bên bhxh huyện Kiến Xương cũ với" gets the
  // contribution-record guide since its keywords "công ty cũ chưa chốt sổ bhxh", "công ty giữ sổ bhxh không trả" (seen sets +7
  // right, −2 wrong; routing-probes/bhxh-66). An intent phrase for a named officer's number and a `not_when` "xin sđt" were
  // tried: the first refused OTPs and receipts "gửi cho số của chị …" (both reviews), the second showed the BHXH-book card
  // instead.
  "blind-eval-131.jsonl": { top1: 0.854, falseAnswers: 0.213, wrongCards: 0.007 },
  // Set DZ (blind-eval-132, labelled twice against 9aff262, knowledge as c19ce65, the five scope disagreements settled by
  // a third labeller; re-checked for session 59's keywords: 1 of 192 changed), measured once at the start of session 60:
  // 92.9 % top-1, 2.6 % wrong, 7 cards and 1 choice on 38 out of scope — the same on c19ce65 and 1707c13. Then the card
  // for a first driving licence (session 60): one more line relabelled to it, and the shift of every word's weight that any
  // new entry brings took one in-scope line to a choice.
  "blind-eval-132.jsonl": { top1: 0.922, falseAnswers: 0.217, wrongCards: 0.026 },
  // Set EA (blind-eval-133, labelled twice against 9aff262, knowledge as c19ce65, the three scope disagreements settled by
  // a third labeller; re-checked for the card edits of sessions 59 and 60: 1 of 192 moved to the first-licence card),
  // measured once at the end of session 60: 89.9 % top-1 on c19ce65 and 8d0a869, wrong cards 3.8 % → 3.2 %, 7 cards on 34
  // out of scope.
  // Session 61: 6 of 34 — a request for an ATTP permit "làm sẵn" is refused as forgery.
  "blind-eval-133.jsonl": { top1: 0.898, falseAnswers: 0.177, wrongCards: 0.032 },
  // Set ED (blind-eval-136, labelled twice against 58583c9, the two scope disagreements settled by a third labeller; no card
  // edited before it was measured), measured once at the start of session 61 on 31ad6ec: 86.6 % top-1, 3.2 % wrong, 5 cards
  // and 1 choice on 26 out of scope. Read and tuned on after that (intents only: "tới bước" read so; selling a licence
  // refused; the other phrases tried from it were dropped after three newcomers' reviews): 87.2 %, 2.5 %, 5 cards.
  "blind-eval-136.jsonl": { top1: 0.872, falseAnswers: 0.193, wrongCards: 0.026 },
  // Set EE (blind-eval-137, labelled twice against 58583c9, the one scope disagreement settled by a third labeller; no card
  // edited before it was measured), measured once at the end of session 61: 90.3 % top-1, 1.9 % wrong, 7 cards on 28 out of
  // scope — the same on 31ad6ec and f866b00. Read and tuned on after that (intents only: "ai có bằng … bán không"; the other
  // phrases tried from it were dropped after three newcomers' reviews): 6 cards.
  "blind-eval-137.jsonl": { top1: 0.903, falseAnswers: 0.215, wrongCards: 0.02 },
  // Set EF (blind-eval-138, labelled twice against 2d4a4b7 with cards as 58583c9, the five scope disagreements settled by a
  // third labeller; no card edited before it was measured), measured once at the start of session 62 on e9640a8: 88.8 %
  // top-1, 4.3 % wrong, 6 cards on 38 out of scope.
  "blind-eval-138.jsonl": { top1: 0.888, falseAnswers: 0.158, wrongCards: 0.044 },
  // Set EG (blind-eval-139, labelled twice against 2d4a4b7 with cards as 58583c9, scope agreed on all lines; no card edited
  // before it was measured), measured once at the end of session 62: 92.6 % top-1, 3.1 % wrong, 7 cards on 34 out of scope —
  // the same on e9640a8 and 3b5a53b.
  "blind-eval-139.jsonl": { top1: 0.926, falseAnswers: 0.206, wrongCards: 0.031 },
  // Set EH (blind-eval-140, labelled twice against 8511850 with cards as 8936643, the one scope disagreement settled by a
  // third labeller; no card edited before it was measured), measured once at the start of session 63 on 8e615d6: 86.3 %
  // top-1, 3.1 % wrong, 4 cards and 1 choice on 25 out of scope.
  "blind-eval-140.jsonl": { top1: 0.863, falseAnswers: 0.2, wrongCards: 0.032 },
  // Set EI (blind-eval-141, labelled twice against 8511850 with cards as 8936643, the one scope disagreement settled by a
  // third labeller; no card's scope edited before it was measured), measured once at the end of session 63 on 8e615d6 and
  // ea01a7c alike: 82.8 % top-1, 5.5 % wrong, 8 cards on 32 out of scope (7 once "hóa đơn khống" was refused).
  "blind-eval-141.jsonl": { top1: 0.828, falseAnswers: 0.219, wrongCards: 0.056 },
  // Set EB (blind-eval-134, labelled twice against 1707c13, the one scope disagreement settled by a third labeller, re-checked
  // in session 62 for the first-licence card: 2 lines moved to it), measured once at the start of session 64 on ab792d6:
  // 91.7 % top-1, 0.6 % wrong, 4 cards and 1 choice on 28 out of scope.
  "blind-eval-134.jsonl": { top1: 0.917, falseAnswers: 0.179, wrongCards: 0.007 },
  // Set EC (blind-eval-135, labelled twice against 1707c13, the one scope disagreement settled by a third labeller, re-checked
  // in session 62 for the first-licence card: no line changed), measured once at the end of session 64 on 390b23f and
  // fef8dfd alike: 86.7 % top-1, 3.2 % wrong, 3 cards on 28 out of scope.
  "blind-eval-135.jsonl": { top1: 0.867, falseAnswers: 0.108, wrongCards: 0.032 },
  // Set EJ (blind-eval-142, labelled twice against ab792d6, cards as 327a3e1, the three scope disagreements settled by a
  // third labeller), measured once at the start of session 65 on de83e0f: 82.2 % top-1, 6.4 % wrong, 5 cards and 1 choice
  // on 29 out of scope.
  "blind-eval-142.jsonl": { top1: 0.821, falseAnswers: 0.207, wrongCards: 0.064 },
  // Set EK (blind-eval-143, labelled twice against ab792d6, cards as 327a3e1, the two scope disagreements settled by a
  // third labeller), measured once at the end of session 65: 83.5 % top-1 on de83e0f, 84.8 % on dddf57f, 3.2 % wrong on
  // both, 5 cards and 2 choices on 35 out of scope.
  "blind-eval-143.jsonl": { top1: 0.848, falseAnswers: 0.2, wrongCards: 0.032 },
  // Set EL (blind-eval-144, labelled twice against ebf8ba4, scope agreed on all lines), measured once at the start of
  // session 66 on d29209a: 88.3 % top-1, 3.7 % wrong, 5 cards on 32 out of scope.
  "blind-eval-144.jsonl": { top1: 0.883, falseAnswers: 0.157, wrongCards: 0.037 },
  // Set EM (blind-eval-145, labelled twice against ebf8ba4, the one scope disagreement settled by a third labeller), measured
  // once at the end of session 66 on d29209a and 91ab7b4 alike: 90.4 % top-1, 1.3 % wrong, 4 cards and 1 choice on 33 out
  // of scope.
  "blind-eval-145.jsonl": { top1: 0.904, falseAnswers: 0.152, wrongCards: 0.013 },
  // Set EN (blind-eval-146, labelled twice against 38c8a9b, the two scope disagreements settled by a third labeller),
  // measured once at the start of session 67 on fd5605c: 85.6 % top-1, 3.8 % wrong, 2 cards and 1 choice on 30 out of scope.
  "blind-eval-146.jsonl": { top1: 0.856, falseAnswers: 0.1, wrongCards: 0.038 },
  // Set EO (blind-eval-147, labelled twice against 38c8a9b, scope agreed on all lines), measured once at the end of session
  // 67 on 71c2aa9 and 9ab0859 alike: 91.6 % top-1, 1.3 % wrong, 5 cards and 1 choice on 36 out of scope.
  "blind-eval-147.jsonl": { top1: 0.915, falseAnswers: 0.167, wrongCards: 0.013 },
  // Set DO (blind-eval-121, labelled twice against c911021, the two scope disagreements kept as labeller 1's), written in
  // session 55 to tune on: 86.8 % top-1, 4.8 % wrong cards, 1 card on 26 out of scope on arrival; the floor is its reading
  // after the session. Session 60: one wrong card more (see the note at the end of this table).
  "blind-eval-121.jsonl": { top1: 0.886, falseAnswers: 0.039, wrongCards: 0.054 },
  // Session 46: the card for compulsory BHXH (dang-ky-bhxh-bat-buoc) answers employers' questions that sets 62, 72, 76, 77,
  // 80, 83, 84 and 88 had labelled "no entry" (relabelled); a new entry shifts every word's weight, and one line each of
  // sets 62 (false answers), 65, 68, 77, 80 and 82 crossed a threshold the other way (their floors moved by that one line;
  // over all seen sets the card gained 4 right first cards for 2 wrong). The review's corrections to the card's text moved
  // set 80's false answers by one line more ("đăng ký bảo hộ thương hiệu phở" typed bare now reads a card).
  // Session 60: the card for a first driving licence (hoc-thi-giay-phep-lai-xe-lan-dau). 19 messages of sets 13, 22, 59,
  // 60, 71, 78, 80, 84, 101, 103, 122, 124, 126, 130 and 132 that asked how to learn and take the test (labelled "no entry"
  // or the old-vs-new-classes card when there was no such card) were relabelled to it by a labeller who read only the new
  // card and the rules (18 of 246 checked, 1 of 44 in set 132). Over all seen sets, with the same labels, 1707c13 → the card
  // after its two reviews: right first card 18,462 → 18,464, wrong 365 → 357, one-tap 252 → 257, out-of-scope cards 277 →
  // 277. Adding any entry moves lines near a threshold (an unrelated dummy entry alone: 25 lines, right −4, wrong +3,
  // out-of-scope cards +3); here that took one line each of sets 53, 109 and 129 (top-1) and 78 and 121 (a wrong card: "xin
  // kéo điện riêng" on land with no certificate; "giấy ủy quyền cho con đi làm sổ đỏ", at a tie) across. Sets 78 and 80
  // read their false-answer share at the new denominators (one out-of-scope line each relabelled: 2 of 34, 4 of 34).
  // Tightened to their readings: sets 109 (false answers), 126 and 130.
};

// What the citizen is shown: a refusal or the out-of-domain line is no card (intents.yaml counts).
let engine: Engine;
beforeAll(() => {
  engine = buildCore({ knowledgeDir: join(ROOT, "knowledge"), flowsDir: join(ROOT, "flows") }).core!.engine;
});

describe("answer quality", () => {
  it("has at least the blind set to measure on", () => {
    expect(SETS.length).toBeGreaterThanOrEqual(1);
  });

  it("measures every set it holds a floor for", () => {
    // The floors are kept by hand: a floor for a set renamed or gone would silently measure nothing.
    const listed = new Set(SETS.map((f) => basename(f)));
    expect(Object.keys(FLOORS).filter((name) => !listed.has(name))).toEqual([]);
  });

  it.each(SETS)("%s: top-1, wrong cards and false answers within the set's floor", (file) => {
    const floor = FLOORS[basename(file)] ?? DEFAULT_FLOOR;
    const s = scoreEval(readEvalFile(file), (q) => engineEvalAnswer(engine, q));
    const report = s.misses.map((m) => `${m.q} → ${m.got ?? "nothing"} (answered=${m.answered})`).join("\n");
    expect(s.top1 / s.inScope, report).toBeGreaterThanOrEqual(floor.top1);
    expect(s.falseAnswers / Math.max(s.outOfScope, 1), report).toBeLessThanOrEqual(floor.falseAnswers);
    expect(s.wrongAnswers / Math.max(s.inScope, 1), report).toBeLessThanOrEqual(floor.wrongCards);
  });
});
