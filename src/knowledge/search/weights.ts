/**
 * Every weight and threshold of retrieval, with its default: set on the development questions, checked on questions
 * written without the knowledge (test/fixtures/blind-eval*.jsonl); change one only with `npm run eval` and quality tests.
 */
export interface SearchWeights {
  /** How much a question word counts by where the entry has it: its names, its keywords, its body. */
  field: { name: number; keyword: number; text: number };
  /** A word found only after typo or regional-spelling correction counts this much. */
  fuzzy: number;
  /** Filler and facet words count this much of a topic word (they say what to show, not which entry). */
  weak: number;
  /**
   * A topic word that no entry has in its names or keywords ("quê", "chơi", "thuê" in a story)
   * counts this much: it cannot name an entry, and its rarity would otherwise drown the words that do.
   */
  bodyOnly: number;
  /**
   * The words of a paper named as needed for what the message names first ("khai sinh cho con có
   * cần giấy chứng nhận kết hôn không"), and of a paper not issued yet in a story that goes on to name
   * something ("chủ đầu tư chưa ra sổ hồng. Tôi muốn chuyển hộ khẩu", PENDING_WORDS in language.ts), are a
   * document of the procedure asked about or a fact of the story, not what is asked, in three ways:
   * their weight in the question is multiplied by this; they count as body text wherever the entry has
   * them (× `field.text`, so a name holding them earns 0.3 × 0.45 ≈ 0.135 of a name word's share); and
   * they name nothing: they add nothing to namePrecision (unless typed again outside the paper's name),
   * and two of them form no word pair (rewrite.ts).
   */
  paperMention: number;
  /**
   * A name pair that at most this many entries hold names a topic even when both its words are common ("quán ăn":
   * "mở quán ăn có cần giấy chứng nhận an toàn thực phẩm" asks for the certificate of that entry, see paperMentions).
   */
  rarePairEntries: number;
  /**
   * A message names a procedure when it holds a word pair that the titles of at most `names` entries hold, at
   * least `procedureShare` of them procedures ("hộ chiếu", "căn cước", "khai sinh"; not "hồ sơ", "tài khoản",
   * which mostly title guides; not a pair only an alias holds, as "ngân hàng" of "lấy sổ đỏ từ ngân hàng"). Then its portal words (PORTAL_PHRASES in language.ts: "trên dịch vụ công",
   * "nộp online") are facet words of that procedure, not the portal guides' names (search/portal-facet.ts).
   */
  portal: { names: number; procedureShare: number };
  /**
   * The words of a message that tell its story, not what it asks (search/story-parts.ts), where the rest of
   * the message names something: a finished step followed by what is wanted now (`done`: "đổi tên trên giấy
   * khai sinh rồi, giờ muốn sửa lại thông tin trên căn cước"), and the reason an action is done for
   * (`purpose`: "đăng ký thường trú … để năm sau con vào lớp 1"), and who asks, told first (`who`: "chồng em làm
   * thợ lò ở Cẩm Phả, …" — lowest: it names no procedure; in long messages its words diluted the question's share below
   * the answer threshold). Their weight in the question, and that of
   * the word pairs they make, is multiplied by this: they still say which variant of the asked thing (the
   * background usually decides), but no longer outweigh what is asked.
   */
  story: { done: number; purpose: number; who: number };
  /**
   * A word is bound into a known pair when at least this share of its occurrences in all entry texts
   * are in that pair ("dịch" of "dịch vụ", "hiểm" of "bảo hiểm"; not "lại" of "làm lại"); bound, it
   * does not name a name where it stands only in pairs it rarely stands in (`rareShare`), unless that
   * name holds the question's pair (see score.ts, namePrecision). A pair binding neither of its words,
   * between two pairs of the question one of which binds its word, straddles two words and is not
   * counted in `heldPairs` (rewrite.ts, wordPairs).
   */
  boundShare: number;
  /**
   * A pair holds a word rarely when it holds under this share of the word's occurrences in all entry
   * texts ("bản dịch": 2 % of the uses of "dịch"; not "nghỉ hưu": 28 % of "hưu"). A name that has a
   * bound word only in such pairs does not count that word as naming it (see `boundShare`). An entry
   * whose names and keywords have both words of a question's pair only apart, each only in such pairs
   * ("cấp biển số", "xe điện" against "cấp điện", a pair in a name that one entry alone holds), does not
   * hold those words, and the pair is foreign to it (score.ts, apartPairWords).
   */
  rareShare: number;
  /** A known word pair ("khai sinh") adds this share of its two words' rarity, as one more term. */
  pair: number;
  /**
   * A modifier pair ("lần đầu") names no thing alone: it is in the names of at least `entries` entries, in each
   * of those names with another word at least `commonWord` (share of the rarest possible) rare, and those
   * entries make at least `unrelated` as many unrelated topics as they are (no other pair with such a word in
   * common). In a question naming a topic pair that no entry holds together with it, the modifier and its words
   * count as filler (`weak`) and it is no foreign pair (rewrite.ts, idleModifiers).
   *
   * A variant pair ("quá hạn", "hết hạn") only ever says which variant of a procedure: in every name
   * holding it, up to `baseWords` of the name's other words at least `commonWord` rare are all the rare words
   * of another name (the procedure it varies: "khai sinh quá hạn" holds "Đăng ký khai sinh"). A message whose
   * every topic word is in such a pair names no procedure: it is a follow-up (decision `variant-only`:
   * applied to the conversation's topic, or "which procedure?"; variant-pairs.ts, rewrite.ts namesOnlyVariant).
   */
  modifier: { entries: number; unrelated: number; commonWord: number; variantWord: number; baseWords: number; variantTopics: number };
  /** Typed "vàng" against the entry's "vắng": same letters, another word — the word counts this much. */
  accentMismatch: number;
  /** A stated age outside the ages an entry's title names ("con 10 tuổi" and "… từ đủ 14 tuổi"): its score is multiplied by this. */
  ageConflict: number;
  /** A question's "mức 2" and an entry numbering that word otherwise ("… mức 1"): its score is multiplied by this (number-fit.ts). */
  numberConflict: number;
  /** An entry for one situation only (`only_when`: "sáp nhập", "tỉnh cũ"…) the question does not say: its score × this (context-fit.ts). */
  contextMissing: number;
  /**
   * A child's stated age fits an entry made for children ("con 5 tuổi làm căn cước" and "… cho trẻ em dưới 14 tuổi")
   * that ranks below an entry on the same thing with no age ("Cấp đổi, cấp lại thẻ căn cước"), scoring at least
   * `reach` of it and naming no fewer of the question's word pairs: the two trade places. `sharedWords`: title
   * words (not age words, not "cấp", "cho"…) the two must share to be "the same thing". An entry on another thing
   * trades places too when the question holds at least `named` of the child's name and `namedGap` more of it than
   * of the other's.
   */
  childEntry: { reach: number; sharedWords: number; named: number; namedGap: number };
  /**
   * An entry whose title is a shorter entry's title with more words ("Đăng ký khai sinh" → "… có yếu tố nước ngoài")
   * takes its place when the question types the words it adds and scores at least `reach` of it (extension-entries.ts).
   */
  extensionEntry: { reach: number };
  /**
   * A near tie at the top: a second hit scoring within `window` of the first (an absolute gap), holding at least `pairs`
   * more of the question's named word pairs and named whole, trades places with it (pair-tie.ts).
   */
  pairTie: { window: number; pairs: number };
  /** The shape of the final score (0..1). */
  score: {
    /** Share of the question's weight the entry covers. */
    coverage: number;
    /** Share of the entry's best name the question covers. */
    namePrecision: number;
    /** Share of the question's word pairs found as pairs in the entry's names. */
    phrase: number;
    /** Share of accented question words spelled the same in the entry's names. */
    accent: number;
    /** Below this coverage the score shrinks in proportion: a few shared words are not a match. */
    coverageFloor: number;
    /** A pair found in keywords (not names) counts this much towards `phrase`. */
    keywordPhrase: number;
  };
  /** The first pass, which picks the shortlist cheaply before full scoring. */
  firstPass: {
    /** Share of all entries above which a word is too common for the first pass (catalogue size only). */
    commonShare: number;
    /** The first pass skips common words only above this many entries. */
    commonFrom: number;
    /** Shortlist size: between `min` and `max`, one more per `per` entries touched. */
    shortlist: { min: number; max: number; per: number };
  };
  /** Typo correction of words the index does not know. */
  typo: {
    /** fuse.js threshold for its own search (0 exact … 1 anything). */
    fuseThreshold: number;
    /** A fuse.js match is taken only at or below this score. */
    fuseAccept: number;
    /** Words from this many letters on get fuse.js when one edit finds nothing. */
    fuseMinLength: number;
  };
  /** When the best hit is good enough to answer with (see decide.ts for each rule). */
  answer: {
    /** Score from which an answer is given. */
    threshold: number;
    /** Share of the question's weight the entry's names must cover. */
    minCoverage: number;
    /** Share of the entry's best name the question must cover ("con" alone names nothing). */
    minNamePrecision: number;
    /** "Named whole": the question holds a whole name of the entry … */
    wholeName: number;
    /** … and leads the next entry by this much … */
    wholeNameMargin: number;
    /** … and covers at least this much of the question. */
    wholeNameCoverage: number;
    /**
     * "Far ahead": in a long message story words lower every score, but one entry with at
     * least this score and name coverage, whose runner-up scores at most `dominantLead` times
     * its score, is the one meant.
     */
    dominantScore: number;
    dominantCoverage: number;
    dominantLead: number;
    /**
     * "Clearly ahead": at least `aheadScore` (`ageFitScore` for an entry made for the stated age, `ageFits`: "làm căn cước
     * cho thằng út 8 tuổi, có cần dẫn nó lên"), `aheadName` of its name covered, `aheadMargin` ahead of the next one named.
     */
    aheadScore: number;
    aheadName: number;
    aheadMargin: number;
    ageFitScore: number;
    /**
     * "Named alone": a long message (`longWords`) holds a whole name of the entry (`wholeName`) and every
     * other entry scoring within `aloneWindow` of it has at least `aloneGap` less of its own name in it, or holds at
     * least `alonePairs` fewer of the question's named word pairs ("Em bị mất hộ chiếu ở Nhật … làm giấy tờ gì ở đại sứ
     * quán": "hộ chiếu" names the passport card whole too, but it holds 3 of the question's pairs to the loss report's 5).
     */
    aloneWindow: number;
    aloneGap: number;
    alonePairs: number;
    /**
     * "Pairs lead": an entry with at least `pairsLeadScore`, holding at least `pairsLeadPairs` of the
     * question's named word pairs (`heldPairs`: each once, none straddling two words), more than every
     * entry within `pairsLeadWindow` of it, its name covered at least `pairsLeadName`, with no foreign
     * pair and no unknown word in the question.
     */
    pairsLeadScore: number;
    pairsLeadWindow: number;
    pairsLeadPairs: number;
    pairsLeadName: number;
    /**
     * "Pairs far ahead": an entry with at least `farPairsScore`, holding at least `farPairsPairs` of the
     * question's named word pairs, leading the next entry by `farPairsMargin` (its name need not be
     * covered). A foreign pair or an unknown word is refused by the later gates (`foreignPairName`,
     * `unknownWordName`); keep `farPairsScore` ≥ `aheadScore` and `farPairsMargin` ≥ `aheadMargin`, so that
     * where those gates let one through, 'clearly ahead' answers anyway (a test checks this).
     */
    farPairsScore: number;
    farPairsPairs: number;
    farPairsMargin: number;
    /**
     * "Story lead": a message of at least `words` topic words (a story with the question in it) whose best entry
     * scores at least `score`, holds one of the question's named word pairs, has no foreign pair — or one, leading by
     * `foreignMargin` ("Thằng cháu 17 tuổi năm sau tới tuổi đi lính, …": session 49, +5 right for 1 out-of-scope card) —
     * and leads the next entry by `margin` is answered; a word never seen does not refuse it (a story word: "hàng xóm",
     * "dzậy"). Under 10 words, or a margin under 0.12, out-of-scope questions ("mua điện thoại trả góp ở đâu") come in.
     */
    storyLead: { words: number; score: number; margin: number; foreignMargin: number };
    /**
     * "Most of what is named is here": an entry holding at least `pairs` of the question's named word pairs
     * (a story naming its topic several ways: "bé sơ sinh bị bỏ trước cổng chùa … nhận nuôi … làm khai sinh")
     * with at most `foreign` foreign pairs, scoring at least `score`, while every entry within `window` of it
     * holds at most half as many, is answered — whatever else the story says (a foreign pair, one word never seen;
     * more than `unknown` such words and the story says things the knowledge does not know: "ôn nội … rứa").
     */
    pairsMajority: { pairs: number; score: number; window: number; foreign: number; unknown: number };
    /**
     * A message with at least this many topic words is long (a story with the question in it):
     * there, a whole name of the entry found in it, ahead of the next entry by
     * `wholeNameMargin`, needs only `longWholeNameCoverage` of the question.
     */
    longWords: number;
    longWholeNameCoverage: number;
    /** A long message not answered whole is read sentence by sentence, at most this many from the end. */
    focusSentences: number;
    /**
     * "Question and story agree": a long message not answered whole, one of whose asking parts
     * (`focusSentences`), read alone and not answered either, ranks the whole message's best entry
     * first with at least `score`, covers at least `name` of its name and leads the next entry by
     * `margin`: that entry is the answer.
     */
    focusLead: { score: number; name: number; margin: number };
    /**
     * A clause that asks with at most this many topic words of its own ("Làm lại online được
     * không") refers back: it is also read together with the clause just before it, under the same
     * agreement with the whole message as the other asking parts (`focusSentences`).
     */
    focusReferWords: number;
    /**
     * "The question over its story": a long message whose best entry no asking part names, while one asking part of its
     * own topic words (more than `focusReferWords`) is answered with another entry, which the whole message ranks within
     * the first `rank` at no less than `share` of the best's score — that entry is the answer ("căn cước bị mất thì xin
     * cấp lại trên VNeID được không, em đang làm ở KCN … mà hộ khẩu ở Nghệ An": the ID card, not the story's residence).
     * A message of at least `words` topic words is read so even when the whole is answered, with an entry that no asking
     * part names: "… thuê phòng trọ ở An Thới … Vậy có cách nào đăng ký thường trú ở chỗ thuê ko" is the permanent
     * residence its question names, not the temporary residence of its story.
     */
    focusOwn: { rank: number; share: number; words: number };
    /** Name share needed when the question has no topic word at all. */
    noTopicWordName: number;
    /** Name share needed when the question has one topic word ("xe"), or a word never seen ("visa"). */
    oneTopicWordName: number;
    /** Up to this many topic words with no pair between them count as one topic word (`oneTopicWordName`). */
    scatteredWords: number;
    /** Name share needed when the question has a word the index has never seen ("karaoke", "visa"). */
    unknownWordName: number;
    /** … unless the best holds a named pair, the next scores ≤ `share` of it, ≤ `words` unknown: the story's ("máy dệt"). */
    unknownWordLead: { share: number; words: number };
    /** Below this phrase share, the name share must reach `oneTopicWordName` … */
    minPhrase: number;
    /** … unless one of the question's named word pairs is in the entry as a pair (`heldPairs` > 0) and the entry leads the next by this much. */
    pairedAheadMargin: number;
    /** A question naming another thing ("nội quy") needs this name share … */
    foreignPairName: number;
    /**
     * … unless the entry explains most of it (`coverage`), is named by most of it (`name`) and leads the next hit by
     * `margin`: the other thing is told, not asked ("mẹ tôi 75 tuổi, không có lương hưu, có được trợ cấp gì": the pension
     * is why the allowance is asked; decide.ts `foreignToldNotAsked`). Session 52: `margin` 0.2 → 0.15 answered two more
     * seen lines right (one in each half of the seen sets) and none wrong; 0.1 gave the same two.
     */
    foreignPairLead: { coverage: number; name: number; margin: number };
  };
  /** Which of answer / clarify / unknown (see decide.ts). */
  decide: {
    /**
     * When the question covers at least `namedBest` of the best hit's name, margins are taken to
     * the next hit whose name it covers at least `rivalPrecision` (a rival, not a bystander).
     */
    namedBest: number;
    rivalPrecision: number;
    /** A confident best with another fair entry (answer-level score, name covered `clarifyMinPrecision`) within this score is a tie: clarify. */
    tieMargin: number;
    /** Within this score of the best, another variant of the same thing is worth offering. */
    clarifyMargin: number;
    /** At most this many options in a clarifying question. */
    clarifyOptions: number;
    /** When the best alone would not be answered, each option needs this score … */
    clarifyMinScore: number;
    /** … and this share of its own name covered. */
    clarifyMinPrecision: number;
    /** A question naming option 1 whole and covered this much by it restates it: answer, no clarify. */
    restatesCoverage: number;
    /**
     * A message of facet words only that asks what they mean ("toàn trình là sao") names an entry when it
     * covers this share of one of its names and of no other entry's (else it is a follow-up on the topic).
     */
    facetNamed: number;
    /** When the question covers this much of option 1's name, another option must be named within `namedGap` of it. */
    nearlyWhole: number;
    namedGap: number;
    /** A suggestion under "I don't know" needs at least this score… */
    suggestionScore: number;
    /** … and shares a topic word of at least this rarity (share of the rarest possible) with the question. */
    suggestionRarity: number;
    /** … or shares this many of the question's known word pairs ("thuê trọ", "khai báo") in its names or keywords. */
    suggestionPairs: number;
    /** At most this many suggestions. */
    suggestions: number;
  };
}

export const DEFAULT_WEIGHTS: SearchWeights = {
  field: { name: 1, keyword: 0.85, text: 0.45 },
  fuzzy: 0.8,
  weak: 0.2,
  bodyOnly: 0.3,
  paperMention: 0.3,
  rarePairEntries: 2,
  portal: { names: 10, procedureShare: 0.5 },
  story: { done: 0.5, purpose: 0.7, who: 0.3 },
  boundShare: 0.5,
  rareShare: 0.1,
  pair: 0.6,
  modifier: { entries: 3, unrelated: 0.75, commonWord: 0.2, variantWord: 0.35, baseWords: 4, variantTopics: 2 },
  accentMismatch: 0.5,
  ageConflict: 0.7,
  numberConflict: 0.7,
  contextMissing: 0.6,
  childEntry: { reach: 0.75, sharedWords: 2, named: 0.85, namedGap: 0.3 },
  extensionEntry: { reach: 0.8 },
  pairTie: { window: 0.01, pairs: 2 },
  score: { coverage: 0.58, namePrecision: 0.24, phrase: 0.15, accent: 0.03, coverageFloor: 0.35, keywordPhrase: 0.8 },
  firstPass: { commonShare: 0.08, commonFrom: 1000, shortlist: { min: 20, max: 32, per: 60 } },
  typo: { fuseThreshold: 0.3, fuseAccept: 0.34, fuseMinLength: 6 },
  answer: {
    threshold: 0.56,
    minCoverage: 0.55,
    minNamePrecision: 0.3,
    wholeName: 0.99,
    wholeNameMargin: 0.05,
    wholeNameCoverage: 0.3,
    dominantScore: 0.45,
    dominantCoverage: 0.5,
    dominantLead: 0.5,
    aheadScore: 0.5,
    ageFitScore: 0.42,
    aheadName: 0.75,
    aheadMargin: 0.06,
    aloneWindow: 0.1,
    aloneGap: 0.3,
    alonePairs: 2,
    pairsLeadScore: 0.5,
    pairsLeadWindow: 0.1,
    pairsLeadPairs: 3,
    pairsLeadName: 0.5,
    farPairsScore: 0.6,
    farPairsPairs: 2,
    farPairsMargin: 0.15,
    storyLead: { words: 10, score: 0.4, margin: 0.12, foreignMargin: 0.2 },
    pairsMajority: { pairs: 5, score: 0.3, window: 0.1, foreign: 2, unknown: 1 },
    longWords: 6,
    longWholeNameCoverage: 0.2,
    focusSentences: 4,
    focusLead: { score: 0.5, name: 0.5, margin: 0.15 },
    focusReferWords: 3,
    focusOwn: { rank: 3, share: 0.7, words: 15 },
    noTopicWordName: 0.8,
    oneTopicWordName: 0.6,
    scatteredWords: 2,
    unknownWordName: 0.8,
    unknownWordLead: { share: 0.3, words: 1 },
    minPhrase: 0.3,
    pairedAheadMargin: 0.12,
    foreignPairName: 0.75,
    foreignPairLead: { coverage: 0.75, name: 0.6, margin: 0.15 },
  },
  decide: {
    namedBest: 0.75,
    rivalPrecision: 0.3,
    tieMargin: 0.015,
    clarifyMargin: 0.04,
    clarifyOptions: 4,
    clarifyMinScore: 0.5,
    clarifyMinPrecision: 0.5,
    restatesCoverage: 0.8,
    facetNamed: 0.99,
    nearlyWhole: 0.9,
    namedGap: 0.1,
    suggestionScore: 0.3,
    suggestionRarity: 0.45,
    suggestionPairs: 2,
    suggestions: 3,
  },
};
