import { evalRates as rates, scoreEval, type EvalLine, type EvalScores } from "../src/knowledge/eval.js";
import type { Engine, EngineAnswer } from "./engines.js";

export interface QualityResult {
  top1: number;
  top3: number;
  falseAnswerRate: number;
  /** In-scope questions answered with a wrong card. */
  wrongAnswerRate: number;
  /** In-scope questions asked back with the right entry among the options (right after one tap). */
  oneTap: number;
  /** top-1 if the engine always answered: ranking quality alone, without the "I don't know" gate. */
  top1Ranking: number;
  /** Peers: the calibrated confidence threshold; ours: null (it decides itself). */
  threshold: number | null;
  scores: EvalScores;
}

function score(lines: EvalLine[], answers: EngineAnswer[], answered: (a: EngineAnswer) => boolean): EvalScores {
  let i = 0;
  // scoreEval asks in line order; answers were computed in the same order.
  return scoreEval(lines, () => {
    const a = answers[i++]!;
    return {
      answered: answered(a),
      titles: a.hits.map((h) => h.entry.title),
      ids: a.hits.map((h) => h.entry.id),
      score: a.confidence,
      ...(a.options ? { options: a.options } : {}),
    };
  });
}

/**
 * Quality on the dev set, scored by the project's own `scoreEval`. Ours answers when it says it
 * is confident. A peer has no such notion, so we pick, on the dev set itself, the confidence
 * threshold that maximises (top-1 rate − false-answer rate); ties go to the stricter threshold.
 * Calibrating on the test questions is the peers' best shot: their numbers here are an upper bound.
 */
export function measureQuality(engine: Engine, lines: EvalLine[]): QualityResult {
  const answers = lines.map((l) => engine.search(l.q));
  const ranking = rates(score(lines, answers, () => true)).top1;
  if (answers.every((a) => a.answered !== undefined)) {
    const s = score(lines, answers, (a) => a.answered!);
    return { ...rates(s), top1Ranking: ranking, threshold: null, scores: s };
  }
  const candidates = [...new Set(answers.map((a) => a.confidence))].sort((a, b) => b - a);
  candidates.push(Number.POSITIVE_INFINITY);
  let best: { t: number; value: number; s: EvalScores } | null = null;
  for (const t of candidates) {
    const s = score(lines, answers, (a) => a.hits.length > 0 && a.confidence >= t);
    const r = rates(s);
    const value = r.top1 - r.falseAnswerRate;
    if (!best || value > best.value + 1e-12 || (Math.abs(value - best.value) <= 1e-12 && t > best.t)) best = { t, value, s };
  }
  return { ...rates(best!.s), top1Ranking: ranking, threshold: best!.t, scores: best!.s };
}

/**
 * Quality on held-out questions with the decision rule fixed beforehand: ours as it is, a peer
 * with the threshold calibrated on the dev set. This is how each would do on questions nobody
 * tuned for.
 */
export function measureQualityAt(engine: Engine, lines: EvalLine[], threshold: number | null): QualityResult {
  const answers = lines.map((l) => engine.search(l.q));
  const ranking = rates(score(lines, answers, () => true)).top1;
  const answered = (a: EngineAnswer) =>
    a.answered !== undefined ? a.answered : a.hits.length > 0 && threshold !== null && a.confidence >= threshold;
  const s = score(lines, answers, answered);
  return { ...rates(s), top1Ranking: ranking, threshold, scores: s };
}
