/**
 * Channel-neutral message types. The engine receives an Inbound, returns Replies; each channel
 * renders Replies in its own way (Telegram HTML + inline keyboard, Zalo plain text + numbered
 * list, web JSON, terminal text) and downgrades what it cannot show.
 */

export type ChannelName = "telegram" | "zalo" | "zalo-oa" | "web" | "terminal" | "cli";

export type Inbound =
  /** `clipped`: the channel cut an over-long message to MAX_MESSAGE_CHARS (the reply says so). */
  | InboundBase & { type: "text"; text: string; clipped?: boolean }
  /** A button press; `choiceId` is the id of a Choice the engine sent earlier. */
  | InboundBase & { type: "choice"; choiceId: string }
  /** Sticker, photo, file, voice…: anything the bot cannot read. */
  | InboundBase & { type: "unsupported"; what: "sticker" | "image" | "file" | "audio" | "video" | "location" | "other" };

export interface InboundBase {
  channel: ChannelName;
  /** Conversation id on the channel (string even where the platform uses numbers). */
  chatId: string;
  /** Sender id on the channel; used for admin checks and (hashed) survey respondents. */
  userId: string;
  /** Platform message/update id, for dedup. */
  messageId?: string | undefined;
  /** Milliseconds since epoch; the engine never reads the clock itself. */
  at: number;
  /**
   * Web only: a keyed hash of the client's address. Survey respondents on the web are counted by
   * it, since a browser can always start a new session. Never the address itself.
   */
  origin?: string | undefined;
  /** Display name when the platform gives one (never stored). */
  name?: string | undefined;
  /**
   * True when the platform says this is a one-to-one chat with the sender (Telegram chat type
   * "private", Zalo "PRIVATE"). Admin commands answer only there: a reply goes to `chatId`, and a
   * report must never reach a group or someone else's chat.
   */
  privateChat?: boolean | undefined;
}

/** A block of a reply. Channels render what they can; plain text is always possible. */
export type Block =
  | { type: "heading"; text: string }
  | { type: "text"; text: string }
  | { type: "list"; items: string[]; ordered?: boolean; title?: string }
  | { type: "link"; url: string; label: string }
  /** A short badge line such as the online level ("Toàn trình (mức độ 4)"). */
  | { type: "badge"; text: string; tone: "good" | "warn" | "info" };

export interface Choice {
  /** ≤ 64 bytes ASCII: safe as Telegram callback_data. */
  id: string;
  /** What the button says (Vietnamese). */
  label: string;
}

export interface Reply {
  blocks: Block[];
  /** Buttons on Telegram/web, a numbered list on Zalo/terminal. */
  choices?: Choice[];
  /** Layout hint: ratings look best in one row. */
  choiceLayout?: "row" | "column";
}

/** Something the caller must persist or count; the engine itself does no I/O. */
export type Effect =
  | { type: "record"; stream: RecordStream; record: Record<string, unknown> }
  | { type: "metric"; name: "answered" | "unanswered" | "fallback" | "flow"; labels?: Record<string, string> }
  /**
   * Hand the conversation over to office staff: the caller opens a case with this question
   * (personal numbers already masked) and adds the confirmation to the replies.
   */
  | { type: "handover"; question: string; lastAnswer: string };

export type RecordStream = "survey" | "helpful" | "unanswered";

export interface Turn {
  replies: Reply[];
  session: Session;
  effects: Effect[];
}

export const SESSION_VERSION = 1;

/** What the bot remembers about one chat. Stored by the store port with a TTL. */
export interface Session {
  v: typeof SESSION_VERSION;
  /** Last knowledge entry answered: context for follow-ups ("còn lệ phí?"). */
  lastEntryId?: string;
  /** Choices currently on screen, so "2" or the option's words map back to them. */
  choices?: Choice[];
  /** An active guided flow (VNeID, payment, survey…). */
  flow?: FlowState;
  /** When the survey was last offered / finished (ms), for "not pushy". */
  surveyOfferedAt?: number;
  surveyDoneAt?: number;
  /** When the citizen last greeted (ms): a second "chào" gets a short hello, not the whole welcome. */
  greetedAt?: number;
  /** Entries answered in this session and not yet voted on (newest last, bounded): only they take a helpful vote. */
  shown?: string[];
  /** The citizen asked for a person and the bot waits for the question to pass on. */
  handoverAwaiting?: boolean;
  /** The last question the bot could not answer (masked): what "Hỏi cán bộ" passes on. */
  lastUnanswered?: string;
  /** Answers given in this session (for offering the survey after helpful answers). */
  answers?: number;
  updatedAt?: number;
}

export interface FlowState {
  flowId: string;
  stepId: string;
  /** Values collected so far (ratings, picks, comment…). */
  data: FlowData;
  startedAt: number;
}

/**
 * What a guided flow has collected. It lives in the stored session (plain JSON, so this shape is
 * what older sessions hold too) and, without the `_` keys, becomes the flow's record at the end.
 */
export interface FlowData {
  /** Ratings 1..5 by the rating step's `save` key. */
  ratings?: Record<string, number>;
  /** The rating keys the citizen said do not apply to them, in step order. */
  notApplicable?: string[];
  /** At a procedure step: the entry ids offered as "did you mean" (the runner's own, never recorded). */
  _hits?: string[];
  /** At a procedure step: the words typed (masked), kept for "none of these". */
  _typed?: string;
  /** Answers by the step's `save` key: typed text, a choice's value, a procedure's title and `<save>Id`. */
  [saved: string]: FlowValue | undefined;
}

export type FlowValue = string | number | string[] | Record<string, number>;

export function newSession(): Session {
  return { v: SESSION_VERSION };
}

/** The session a turn goes on with: a copy of the stored one, or a new one when there is none or it is of another version. */
export function continueSession(previous: Session | null): Session {
  return previous && previous.v === SESSION_VERSION ? { ...previous } : newSession();
}
