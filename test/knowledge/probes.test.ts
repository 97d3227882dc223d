import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { engineEvalAnswer } from "../../src/engine/eval-answer.js";
import type { Engine } from "../../src/engine/engine.js";
import { M } from "../../src/engine/messages.js";
import { newSession } from "../../src/engine/types.js";
import { buildCore } from "../../src/runtime/core.js";
import { repliesToPlainText } from "../../src/runtime/plain-text.js";
import { fold } from "../../src/text/normalize.js";
import { refusalsSaid } from "../helpers/refusals.js";

/**
 * Content test: the probe sets (test/fixtures/probes/*.tsv), written by newcomers against the intents' phrases. A
 * `LAWFUL` line is a question a citizen may lawfully ask: the bot must not turn it away — refuse it as forgery, a
 * bribe, someone else's account or data, call it off-topic or say the service is not covered. A `NO` line must get no
 * card (and, counted apart, no choice of cards: `noChoices`). A `REFUSE` line (a request the bot is to refuse or call off-topic: a forged paper, a bribe, chit-chat) must get
 * neither a card nor a choice of cards, as `dvc-bot eval` counts a false answer; whether it is refused or gets "I don't
 * know" is not asserted. A `YES` line (the answerable twin of a must-not-answer line) must not be turned away and should
 * get a card (a choice is not one; a YES line turned away is counted under both). Each file keeps the level it reads today
 * as a floor, so a phrase added to intents.yaml that turns away more lawful questions, or lets more must-not-answer lines
 * through, fails here (session 36 found session 35's phrases turning away 44 lawful questions, unseen because a hand count
 * missed the "not covered" reply; until session 59 the 424 `REFUSE` and 420 `YES` lines were read by nobody, and 97
 * refusable requests — "xác nhận cư trú giả làm trong ngày được không" — got a card, 15 more a choice).
 */
const ROOT = join(import.meta.dirname, "../..");
const DIR = join(ROOT, "test/fixtures/probes");

/**
 * At most this many LAWFUL or YES lines turned away / NO lines given a card / REFUSE lines given a card or a choice
 * (`refuseCards`) / YES lines given no card (`uncarded`) / NO lines given a choice (`noChoices`), per file — what each
 * file reads today (tightened to that in session 59; the last three are 0 when not listed).
 */
const FLOORS: Record<string, Floor> = {
  // Mostly topics with no card (vehicle inspection, trademarks, adoption, a foreigner's residence card), chit-chat
  // beside a procedure, or an honest refusal with the lawful way; read in session 36, not all of them.
  // Session 60: 3 (see the note after this table).
  "boundary-29.tsv": { turnedAway: 6, cards: 0, refuseCards: 3 },
  // Session 44: 7 — "chưa có bằng lái … giờ muốn thi bằng A1 cho đàng hoàng thì đăng ký ở đâu" gets the honest "no guide
  // yet" reply for a first driving test ("thi bằng a1/…" in not-covered), not the card for a lost licence. Session 60: 6 —
  // that question now gets the card for a first licence.
  "boundary-30.tsv": { turnedAway: 6, cards: 0, refuseCards: 13 },
  "boundary-31.tsv": { turnedAway: 5, cards: 0, refuseCards: 22 },
  "boundary-32.tsv": { turnedAway: 2, cards: 0, refuseCards: 11 },
  "boundary-32b.tsv": { turnedAway: 1, cards: 0, refuseCards: 17 },
  // Session 66: refuseCards 15 → 16 — "lam giay xac nhan thong tin cu tru gia de nop ho so vao lop 6" ("giả" typed bare, which
  // the forgery phrases cannot require) gets the residence-confirmation card once "vào lớp 1 chưa có giấy khai sinh" shifts
  // the weight of "lớp" and "vào".
  "boundary-33.tsv": { turnedAway: 2, cards: 0, refuseCards: 16 },
  // Session 60: 15 (see the note after this table).
  "boundary-33b.tsv": { turnedAway: 1, cards: 0, refuseCards: 15 },
  "boundary-33c.tsv": { turnedAway: 2, cards: 0, refuseCards: 6 },
  "boundary-34.tsv": { turnedAway: 0, cards: 0, refuseCards: 6 },
  "boundary-35.tsv": { turnedAway: 1, cards: 0 },
  "boundary-35b.tsv": { turnedAway: 1, cards: 0 },
  // Written in session 37 against new phrases, all dropped: "nào làm được" and "không cần thi" beside any offer of money
  // turned away 18 and 5 more lawful questions; the 4 are older refusals (a rumour of an envelope for a school place, a
  // broker's offer). Its must-not-answer lines with a card ask "bên nào làm được …" a paper without its check.
  "boundary-37.tsv": { turnedAway: 3, cards: 3, noChoices: 1 },
  // Written in session 37 against "vay ngân hàng … triệu" (off-topic) and "không cần thi … tốn bao nhiêu / trả thêm
  // tiền" (a bribe): 41 of 50 lawful questions turned away (releasing a mortgage, a loan's paperwork, an expired licence
  // renewed without a test and what it costs), so none was kept. The one left is vehicle inspection (no card).
  "boundary-37b.tsv": { turnedAway: 1, cards: 2, noChoices: 2 },
  // Written in session 37 against "không cần thi … tốn bao nhiêu cũng" (set AX's licence without the test): 15 of 25
  // lawful lines turned away, so it was dropped. The one left is a pharmacist's practising certificate (no card).
  "boundary-37c.tsv": { turnedAway: 0, cards: 1, noChoices: 1 },
  // Written in session 37 after set AU against "ai có làm" (forgery, with "không cần thi"…) and "gửi cán bộ … triệu" (a
  // bribe, with "nhanh"…): 31 of 40 lawful lines turned away — "ai có làm … chưa" asks whether anyone has done it, and
  // money goes through officials lawfully (tax with a receipt, aid handed out) — so neither was kept. The 2 left: an
  // architect's practising certificate (no card) and money sent to an official by mistake (the older "gửi … triệu").
  "boundary-37d.tsv": { turnedAway: 2, cards: 2 },
  // Written in session 38 against the health certificate "without the exam" (forgery: "giấy khám sức khỏe … không cần
  // (đi) khám", "giấy khám sức khỏe giả", "bán sẵn" beside a request) and a message ending in "chúc … sức khỏe" (a closing
  // thanks), added when the military-service exam guide made those messages look like its name. Kept: 2 of 40 lawful
  // lines turned away (someone who bought a fake certificate and was summoned, the fine for selling one); 1 of 20 requests
  // given a card (a motorbike licence "không cần thi, chỉ nộp ảnh với căn cước" gets the licence card — the
  // licence-without-test requests of session 37). A newcomer's review found the first phrasing swallowing "chúc ad sức
  // khỏe, cho em hỏi…" as thanks (now only at the end of a message, and thanks counts as turned away here) and the
  // `unless` words "bhyt", "bảo hiểm", "vi phạm pháp luật" letting "làm giả thẻ bhyt" through (now narrow).
  "boundary-38.tsv": { turnedAway: 2, cards: 0, noChoices: 2 },
  // Written in session 39 by a newcomer against the account-access change ("sđt của vợ" is a number, not the relative's
  // own phone; "con nhỏ" counts only typed with accents), with four lawful lines a first review added (a parent helped on
  // the parent's own phone). A second review found "dùng / mượn / cầm / lấy điện thoại của chồng" letting snooping
  // through ("lén lấy điện thoại của vợ để đăng nhập vneid của vợ"), so only "trên / bằng / trong / qua điện thoại của
  // mẹ" and a message that says it helps ("… giúp mẹ") are excused. Kept: 2 of 44 lawful lines turned away ("dùng điện
  // thoại của mẹ để lấy lại mật khẩu vneid của mẹ", "cầm điện thoại của bố lên công an xã nhờ lấy lại mật khẩu" — the
  // refusal offers the password-recovery guide), 3 of 20 requests given a card (12 before the change). Session 60: 4 (see
  // the note after this table).
  "boundary-39.tsv": { turnedAway: 2, cards: 4 },
  // Session 38's four new cards (voluntary BHXH, pension payment, a birth recorded abroad, the military-service exam)
  // shifted word weights: one lawful line each of boundary-34b and 36c (a translation's certification, asked beside a
  // visa) now gets the not-covered line (the certification card falls just under the firm-answer share), and the
  // must-not-answer sets give one more card each: a former employer keeping a diploma (copies from the register), a
  // soldier's pension "sống ko nổi" (the pension-payment card), lending the family's land certificate to a brother
  // (registering changes), a visa interview at a consulate (e-visa) and borrowing a brother's licence (paying fines);
  // two lines lost theirs (rain on the way to the police office, paying to dodge military service). The social-allowance
  // card's lines on moving (later in session 38) added one: which care home to choose for grandparents over 80.
  "boundary-34b.tsv": { turnedAway: 1, cards: 0, refuseCards: 5 },
  "boundary-36c.tsv": { turnedAway: 0, cards: 0 },
  // Must-not-answer lines still given a card (docs/benchmarks.md, the probe sections of sessions 28–35).
  // Session 48: tightened from 20 to what it reads today, 19 (as on the session's start).
  // Session 58: 17 — a foreign friend's visa extension ("gia hạn visa", not covered: the e-visa card only tells how to
  // apply before entering) and a company owing wages (the BHXH look-up guide's `not_when`) no longer get a card.
  "must-not-answer-28.tsv": { turnedAway: 0, cards: 16, uncarded: 2, noChoices: 1 },
  // Session 46: 14 → 15 after the compulsory-BHXH card's text was corrected (a new word weight tips one line); session 49: 14.
  // Session 58: 13 — "cầm sổ đỏ vay ngân hàng nào lãi thấp nhất" no longer gets the mortgage card.
  // Session 65: 14 — with "mảnh / miếng / lô / khoảnh đất" read as "đất" (synonyms.yaml; +11 right answers on the seen
  // sets), "anh em trong nhà tranh nhau mảnh đất bố mẹ để lại không có di chúc, ai được chia nhiều hơn" gets the land
  // transfer card (its keyword "thừa kế đất không có di chúc").
  "must-not-answer-29.tsv": { turnedAway: 0, cards: 14, uncarded: 1, noChoices: 1 },
  // Session 46: 16 → 19 with the compulsory-BHXH card (a new entry shifts every word's weight: a neighbour's OTP, a
  // commune official's salary, a second mortgage now cross the line; none gets the new card).
  // Session 60: 17 (see the note after this table).
  "must-not-answer-30.tsv": { turnedAway: 0, cards: 17, uncarded: 1, noChoices: 4 },
  "must-not-answer-31.tsv": { turnedAway: 0, cards: 12, uncarded: 1, noChoices: 2 },
  // Session 51: 9 — "len xa lam giay to ma can bo cu hen len hen xuong, buc minh muon chui" is a complaint about staff, and
  // the complaint intent shows the feedback guide for those (its "hẹn lên hẹn xuống"), as the blind sets label them.
  // Session 60: 10 (see the note after this table).
  // Session 65: 11 — "mảnh đất bên cạnh nhà tôi ai đứng tên, số điện thoại bao nhiêu" gets the SIM-owner card, as the same
  // message with "đất" did before "mảnh đất" was read so (the sim-owner intent's "số điện thoại … đứng tên"): left.
  "must-not-answer-32.tsv": { turnedAway: 0, cards: 11, uncarded: 2, noChoices: 1 },
  // Session 60: 26 (see the note after this table).
  "must-not-answer-33.tsv": { turnedAway: 0, cards: 26, noChoices: 1 },
  // 34: +1 in session 38 (a consular visa interview → e-visa, a borrowed licence → fines; one lost), +1 more with the
  // social-allowance lines on moving (a care home for grandparents over 80).
  // Session 66: cards 21 → 22 — "Bố em làm ruộng, có thẻ BHYT hộ nghèo, bố bị tiểu đường thì nên kiêng ăn gì" gets the
  // poor-household card since household health insurance is not shown for poor households; "nên / kiêng ăn gì" as
  // medical advice was tried and dropped (both reviews: it refused "vợ mới sinh nên ăn gì …, với lại làm giấy khai sinh").
  "must-not-answer-34.tsv": { turnedAway: 0, cards: 22, uncarded: 1, noChoices: 1 },
  // +1 in session 50: the children's ID card's keyword "làm căn cước cho con có cần giấy khai sinh không" (seen sets: 9 lines
  // right, 4 wrong cards fewer, 4 right lines lost, one out-of-scope card more) reaches a mother-in-law keeping "cccd với giấy
  // khai sinh của con" — a family quarrel, now shown the children's card.
  "probe-35.tsv": { turnedAway: 0, cards: 28, noChoices: 3 },
  // Written in session 41 by a newcomer against candidate phrases: backdating a paper and imitating a signature
  // (forgery: "ghi/ký/đề lùi ngày", "làm được chữ ký giống") turned away 16 of 50 lawful questions — victims, a paper
  // someone else backdated, a signature that must match — so none was kept. The first driving test ("đăng ký thi bằng
  // lái / gplx", and "muốn thi bằng lái" over a licence card the message names) and a foreign guest extending a visa
  // ("khách … gia hạn visa", over the e-visa card) as not covered turned away none ("học và thi bằng lái" two: dropped)
  // and took 3 of the 13 requests given a card before. The 10 left: the backdating and signature requests, a first test
  // asked beside the portal, a foreigner's first test. Session 45: 11 — "kéo điện lưới về nhà" (a keyword of the
  // electricity card; three seen sets ask for "điện lưới") makes "lưới" a known word, and "lui" (lùi, typed bare) now reads
  // as it: "đề lùi ngày tờ khai đăng ký khai sinh để không bị phạt" gets the late-registration card (the lawful way) instead
  // of nothing. Session 46 (11 → 12): "ký lùi ngày hợp đồng lao động để truy đóng BHXH" gets the compulsory-BHXH card,
  // which says what not registering costs.
  // Session 54 (12 → 10): asking for help to backdate ("giúp/nhờ/cách … ghi/ký/làm/đề lùi ngày", "… lùi ngày giúp/hộ",
  // "nhận ký lùi ngày", "ghi ngày cũ cho khớp") is refused as forgery; a paper someone else backdated is not (no lawful line
  // turned away).
  // Session 60: the 16 first-driving-test questions here (lines 70–85, NO while no card covered them and "not covered"
  // answered) are YES now that the card for a first licence does: 15 get it, 1 a choice; the other NO lines: 8 carded.
  "boundary-41.tsv": { turnedAway: 0, cards: 8, uncarded: 1 },
  // Written in session 42 against three changes: coffee offered with a speed word as a bribe, a parent adding a child or
  // an OTP not arriving excused from the someone-else's-account refusal, a Vietnamese worker's foreign work permit said
  // not covered. Fresh: 13 of 30 lawful questions turned away (1 before the changes), 10 of 30 requests given a card (11
  // before) — coffee sellers, samples sent for testing, returnees naming the foreign permit. Narrowed to coffee "gửi
  // thêm chút/ít/xíu" or "… cũng được"; the other two dropped. The 11: account requests that ask the OTP card's way, a
  // foreign work permit asked beside the foreign-worker card, bribes worded as "tiền cafe".
  // Session 48: 10 given a card (was 11), after the session's new refusal phrases.
  // Session 49: 10 → 11 — the new guide for several lost papers shifts word weights and a bribe line ("gửi thêm anh csgt chút
  // cafe 200k, bấm biển số trong ngày") now gets the vehicle-registration card.
  // Session 60: 6 (see the note after this table). Session 61: an `unless` "thêm con/bé vào tài khoản" (a parent adding a
  // child) was tried and dropped — three of these lines, a father wanting into his ex-wife's VNeID "để thêm con vào tài
  // khoản em", got the children's card (6 → 9).
  "boundary-42.tsv": { turnedAway: 1, cards: 6 },
  // Session 42, against the forgery intent's pattern (a way or someone to get a licence without the test, money offered):
  // lawful lines written to fit its shape. Fresh: 19 of 35 turned away (8 without the pattern: older phrases such as
  // "ai làm được thủ tục … giá bao nhiêu"), 2 of 15 requests given a card either way. Narrowed to obtaining a licence
  // ("làm/lấy/có/mua bằng lái" right after "có cách nào" / "ai"), the health-certificate pattern dropped: 8 and 2. With word
  // boundaries and an international or foreign licence excused (a newcomer's review): 7.
  "boundary-42b.tsv": { turnedAway: 7, cards: 2, noChoices: 1 },
  // Session 42, against a poor-household certificate for a household "không nghèo" (forgery), money in digits handed to
  // an official or "đưa tiền để được / đưa ít tiền" with a speed word (bribe), and adoption said not covered over the
  // parent-child card. Fresh: 20 of 40 lawful turned away (5 before the changes), 3 of 20 requests given a card (8 before).
  // Adoption dropped (families who adopted years ago asking other papers), the money pattern only before "cho" an official,
  // "rà soát / bị loại / phản ánh / khiếu nại" excuse the household wording: 5 and 2 — no lawful line lost to the changes.
  "boundary-42c.tsv": { turnedAway: 4, cards: 2 },
  // Session 42, against a fake-diploma pattern ("muốn/cần làm bằng tốt nghiệp … ai làm / trả tiền / trên mạng vẫn ra"):
  // fresh, 19 of 30 lawful questions turned away (0 without it) — graduates asking who issues the diploma, adults asking
  // where to study — and 3 of 15 requests given a card (4 without). Dropped; the file holds today's level. Session 45: 5 —
  // any keyword added to the VNeID level-2 guide (here "người già không rành điện thoại làm vneid mức 2": four sets, +4 right
  // first cards) moves the corpus's mean length enough that "e can lam bang c3 de di xkld, ai lam nhan em, tra tien ngay"
  // gets the criminal-record card (its "xkld"), 0.001 over the line. A fake diploma has no pattern that spares lawful
  // questions (above); the card it gets tells nothing that helps a forgery.
  "boundary-42d.tsv": { turnedAway: 0, cards: 5 },
  // Session 43, against the changed refusals: money "bỏ (ra)"/"chi" for an official to hurry (bribe), "mua/bán đề" only with
  // accents or as "đề thi", and "có phải/cần dịch …" not a request to translate. Fresh: 2 of 30 lawful lines turned away
  // (4 on 8f31a64, 5 with the bribe verbs alone) and 1 of 15 requests given a card (2 on 8f31a64); the two were "chi 2tr
  // cho cán bộ lão thành" (an allowance: "chi" dropped) and "mua đề cương ôn thi" (bare "mua đề!" dropped): 0 and 1.
  "boundary-43.tsv": { turnedAway: 0, cards: 1, noChoices: 1 },
  // Session 43, against "not covered" for a foreigner's long stay or visa extension in Vietnam. Fresh ("visa … lâu dài",
  // "visa dài hạn", "hết hạn visa", …): 2 of 30 lawful lines turned away (0 without) — Vietnamese going abroad on a long
  // visa who need a birth-certificate copy — and 2 of 15 requests given a card (5 without). Narrowed to "in Vietnam"
  // forms: 0 turned away, 5 given a card (the requests phrase it in other ways); on the seen sets 4 fewer cards for such
  // requests and no right card lost.
  "boundary-43b.tsv": { turnedAway: 0, cards: 5 },
  // Session 43, against forgery patterns: "làm giúp/hộ" a paper with "em trả tiền / có tiền / ib", "ai/chỗ nào làm … ib",
  // "sửa năm sinh … lên 18 / sớm 1 năm", "ghi tuổi lớn hơn", "ghi lùi ngày" (9 fewer cards for such requests on the seen
  // sets). Fresh: 20 of 30 lawful lines turned away (0 without) — a son paying his old mother's fee, the post office
  // filing for a fee, "ad ib em địa chỉ", a birth year recorded wrongly, a contract found backdated. All dropped; the file
  // holds today's level (6 of 15 requests given a card).
  "boundary-43c.tsv": { turnedAway: 0, cards: 6, noChoices: 2 },
  // Session 43, against "not answered with a card" for currency exchange ("sang tiền việt … giá", "đổi ngoại tệ") and rumours
  // that ID chips track people ("theo dõi vị trí"). Fresh: 15 of 30 lawful lines turned away (5 before the change) —
  // foreign-currency income converted "theo tỷ giá nào" for tax, invoices in foreign currency — and 3 of 15 requests given
  // a card (2 before). Narrowed to "sang tiền việt … được giá" and "theo dõi vị trí người dân/từng người/… 24 24";
  // "thuế, quyết toán, hóa đơn, kê khai, mức đóng" excuse out-of-domain's `contains` ("tỷ giá"): 1 and 0. The one left
  // (a freelancer's tax in dollars) is turned away by the older `over` phrase "tiền đô!".
  "boundary-43d.tsv": { turnedAway: 1, cards: 0 },
  // Session 44, against "not covered" for a guest's visa extension ("khách … gia hạn thị thực", "ở thêm … gia hạn thị
  // thực/visa", "gia hạn thị thực/visa cho vợ/chồng/khách") and someone else's account ("vô tài khoản", "reset giúp").
  // Fresh: 10 of 30 lawful lines turned away (1 on the session's start) — Vietnamese abroad extending a spouse's visa who
  // need a criminal-record certificate, a hotel declaring a guest back after the extension, "mẹ vô tài khoản của mẹ không
  // được" — and 0 of 15 requests given a card (4 on the start). The "cho vợ/chồng" forms dropped, the rest given
  // `unless` (abroad, declared stay, e-visa site; one's own account, a relative who cannot log in): 1 and 1; after a
  // newcomer's review narrowed those exceptions (a lost phone or "ra phường" alone let snooping through): 0 and 1.
  // Session 48: 0 given a card (was 1), after the session's new refusal phrases.
  "boundary-44.tsv": { turnedAway: 0, cards: 0 },
  // Session 44, against "not covered" for a first driving test ("thi bằng a1/…/e", "thi bằng xe máy"). Fresh: 29 of 30
  // lawful lines turned away (0 on the session's start) — people who took the test years ago asking about renewal, a lost
  // licence, the new classes — and 0 of 15 first-test questions given a card (8 on the start). Narrowed to asking forms
  // ("… ở đâu", "muốn thi …", "thi bằng … lần đầu", "chưa có bằng … muốn thi"; not "đăng ký thi bằng": boundary-41's "hồi
  // xưa tôi đăng ký thi bằng lái bằng tên cũ"): 0 and 5.
  // Session 60: the 15 first-test questions (lines 31–45) are YES with the card for a first licence: 12 get it, 3 not.
  "boundary-44b.tsv": { turnedAway: 0, cards: 0, uncarded: 3 },
  // Session 45, against three forgery/bribe forms from sets BZ and CA: the licence pattern with "gplx", "lo" and "… cũng
  // trả"; a poor-household or disability certificate someone is paid to make ("ai làm … hộ nghèo … trả công"); money
  // offered beside "một tuần là xong". Fresh: 21 of 30 lawful lines turned away (2 on the session's start) — the second
  // form anywhere in a sentence caught a xe ôm paid to take a mother to the commune, the post office doing a dossier, a
  // carer's wages; the third caught shipping fees, builders, medicine — and 5 of 15 requests given a card (8 on the start).
  // The third dropped, the second narrowed to the paper itself ("làm … giấy xác nhận/chứng nhận … hộ nghèo … trả công"),
  // a course fee ("học phí giá bao") excepted: 1 and 6 ("không cần đi thi" would catch "ai bán gplx … ko cần đi thi" but also
  // "khỏi đi thi lại" of a renewal, boundary-30: not kept). A newcomer's review then found the exceptions, kept in
  // `unless`, switching every forgery rule off ("ai làm giả bằng lái có phải trả trước không" got a card) and the paper form
  // still refusing lawful questions ("… kiểm tra công khai", "gửi công văn"): the exceptions moved into the patterns, the
  // paper form now needs "làm giùm/giúp/dùm/hộ/được" and the writer's own offer ("em/tôi … trả công"): 1 and 8 (as on the
  // start: the narrower form misses "chi phí bn e gửi", "có phải trả công ko" asked of a request).
  // Session 58: 2 — "gia hạn visa cho chồng … người nước ngoài, nộp thêm tiền để lấy visa nhiều lần" gets the honest
  // "no guide yet" reply: extending a visa in Việt Nam has no card (intents.yaml `not-covered` already says so for a
  // long stay), and the e-visa card's `not_when` now says "gia hạn visa" (two out-of-scope extensions carded in seen sets).
  // Session 61: 7 — "ai bán gplx xịn ko cần đi thi ko" is refused as forgery ("bán! gplx").
  "boundary-45.tsv": { turnedAway: 2, cards: 7, noChoices: 1 },
  // Session 46, against the paper form widened to "có cách nào … làm giúp … giấy xác nhận hộ nghèo" with the offer of pay up
  // to 120 characters on (from set CC). Fresh: 2 of 30 lawful lines turned away (0 on the session's start) — the post office
  // or a neighbour paid to file for parents already on the commune's list — and 10 of 15 requests given a card (11 on the
  // start). Not kept: the floor is the start's.
  "boundary-46.tsv": { turnedAway: 0, cards: 11 },
  // Session 46, against "not covered" for an employer paying compulsory BHXH for hired workers ("bắt buộc/có phải/đăng ký/
  // muốn đóng bhxh cho", "đóng bhxh cho thợ/… nhân viên/người làm/… công nhân"; six seen out-of-scope lines). Fresh: 21 of
  // 30 lawful lines turned away (0 on the session's start) — workers asking whether the company must pay for them, a son
  // paying voluntary BHXH for his mother, vehicle insurance, a newborn's health insurance — for 3 fewer requests given a
  // card (3 on the start). The workers' and the employers' questions share their words: not kept; it needs a card — added
  // later in the session (dang-ky-bhxh-bat-buoc): 11 of the 15 employers' questions now get it, as they should.
  "boundary-46b.tsv": { turnedAway: 0, cards: 10 },
  // Session 48, against new phrases of someone else's account ("… của nó", "mật khẩu … của chủ xưởng", "… của bạn cùng
  // phòng", "… của a ấy"), a bribe ("gửi thêm chi phí") and a foreigner's visa extension ("gia hạn visa/thị thực"), from
  // sets CJ–CL's out-of-scope cards. Fresh: 8 of 45 lawful lines turned away (1 on the session's start: a mother recovering
  // her own password) for 0 of 20 requests given a card (7 on the start). Narrowed from what it showed — only the owner's
  // password, not the account the owner uses himself; "gửi thêm chi phí cũng / cho nhanh", not "có phải gửi thêm chi phí";
  // "gia hạn visa … thêm / cho / ở đâu", not a Vietnamese abroad needing a paper here; "tự khôi phục" unless — to 0 turned
  // away and 3 given a card (two ask what extra money buys, one a work-visa extension). A newcomer's review then found
  // "… của nó" refusing questions about the app itself ("lấy lại mật khẩu của nó") and "mật khẩu … của chủ nhà" a landlord's
  // own account: narrowed to "vào/vô/đăng nhập vào … của nó" and "có/biết mật khẩu … của chủ …" — still 0 and 3.
  "boundary-48.tsv": { turnedAway: 0, cards: 3 },
  // Session 48, against "ít tiền lo" as money offered (from set CG: "tui gửi ít tiền lo giấy cho nhanh") and the bribe's
  // exception "đóng thêm" narrowed to insurance, fees and tuition (set CH: "đóng thêm tiền cho cán bộ để làm sổ đỏ nhanh").
  // Fresh: 7 of 30 lawful lines turned away (0 on the session's start) — "ít tiền lo" is a poor family's "little money to
  // cover" school, medicine, a funeral — for 0 of 15 requests given a card (3 on the start). Narrowed to "gửi ít tiền lo
  // giấy/hồ/sổ/bằng": 0 turned away, 3 given a card (the offers said "gửi ít tiền lo," before the paper, or "đưa"). The
  // review found that one refusing a child abroad sending money home for a parent's papers: dropped (still 0 and 3); "đóng
  // thêm" stays excused for lawful payments (land-use money, tax, a deposit, tuition, BHXH).
  "boundary-48b.tsv": { turnedAway: 0, cards: 3, noChoices: 2 },
  // Session 49, against a relative's SIM for one's own account ("là số/sim của chồng…", "dùng chung số"), "ai có tài khoản … cho
  // em mượn", a relative's BHXH account, nursing-home advice and "có đúng không" excusing a money offer only after "gửi thêm".
  // Fresh: 1 lawful line turned away and 3 given a card on the session's start; with the first phrases 5 and 0 — "tài khoản
  // bảo hiểm … của chồng/…" refused a widow asking for survivor benefits, a grandfather's wrong birth date, a wife's own
  // account, and "gửi viện dưỡng lão nào" a "whichever home" question: the first dropped, the second narrowed to "nên gửi …
  // nào" — 1 and 2 (the two are a relative's BHXH account).
  "boundary-49.tsv": { turnedAway: 1, cards: 2, noChoices: 1 },
  // Session 49, against "không nghèo … muốn được … hộ nghèo", "hộ nghèo … không cần xét", "không cần ở thật" as requests for
  // papers one is not entitled to (sets CN, CS). Fresh: 0 lawful lines turned away and 11 given a card on the session's start;
  // with those forms 6 and 0 (a family asking the criteria, a rumour about electricity support, a landlord's tenant who
  // never lived there). Narrowed: 0 and 10. (Widened on its NO lines to 0 and 5, but a newcomer's review found those forms
  // refusing lawful questions — "sổ hộ nghèo không cần xét lại mỗi năm à", a landlord's tenant "mà không cần ở thật": dropped.)
  "boundary-49b.tsv": { turnedAway: 0, cards: 10 },
  // Session 50: coffee money offered to officials and papers bought ("ai bán giấy", food-safety certificates), written by a
  // newcomer from a description only, measured before reading: 0 of 30 lawful turned away and 15 of 30 must-not-answer given
  // a card on a82f69f; 0 and 10 with "tiền cà phê cho cán bộ", "ai bán giấy", "bán/mua giấy an toàn thực phẩm". A second
  // review found those phrases refusing lawful questions it wrote ("ai bán giấy vàng mã…", "làm sổ đỏ có cần tiền cà phê cho
  // cán bộ không"); narrowed ("ít tiền cà phê cho cán bộ", "ai/chỗ nào bán giấy an toàn thực phẩm"…): 0 and 14.
  "boundary-50b.tsv": { turnedAway: 0, cards: 14 },
  // Session 52, a partner's or ex-partner's account ("vào tài khoản vneid của bồ cũ", "mk vneid của bạn gái cũ": set CY) and
  // lawful questions that mention a partner (their own account, an ex who knows my password). Written by a newcomer who read
  // only the two intents' blocks, measured before reading: 8 of 30 lawful lines turned away and 6 of 15 must-not-answer lines
  // given a card on the session's start (85ad995) — "người yêu" alone was out-of-domain chit-chat even beside VNeID, and a
  // partner locked out of her own account was refused; 9 and 4 with the partner forms. After ("người yêu" only in chit-chat
  // forms; locked out, a stranger got in, being asked to file with one's own account excuse account-access; "của anh ta",
  // "của hắn"): 0 and 2.
  "boundary-52.tsv": { turnedAway: 0, cards: 2 },
  // Session 53: offers of money or gifts to officials said in ways the bribe rule missed ("gửi cán bộ địa chính 2 triệu cho sổ
  // đỏ ra lẹ", "bao thư", "trăm cành", "cho mau"), and getting into a partner's or relative's account behind their back; with
  // lawful questions using the same words (money sent home for parents' papers, a partner sitting beside). Written by a
  // newcomer who read only the two intents' blocks, measured before reading on the session's start: 6 of 40 lawful lines
  // turned away, 12 of 30 must-not-answer lines given a card (3 refused). Tuned on once read: 2 turned away, 21 refused, 3
  // carded. A newcomer's review then found the new words refusing lawful questions (lì xì envelopes, mai branches, photos
  // "gởi mấy ảnh", a pension "về tay", wedding envelopes) and the new excuses letting bribes and snooping through ("gửi 3
  // triệu về cho cán bộ", "cô gửi cho em 2 triệu", "em ngồi cạnh lấy đt mở vneid của vợ"); without those: 4 turned away (a
  // fine paid "cho mau", a compliment, a partner sitting beside, a dead grandfather's account — the last two as at the
  // start), 13 refused, 4 carded (the wife's OTP read while she sleeps, a found phone still logged in, the in-laws' account
  // "lén" with no "của", ten million "cho mấy ông trên đó ký cho").
  // Session 60: 5 (see the note after this table).
  "boundary-53.tsv": { turnedAway: 4, cards: 5 },
  // Session 53: the messages a newcomer's review of the session's intent changes tried — bribes and snooping the new excuses
  // let through, lawful questions the new words refused — measured after the fixes: none carded, one turned away ("mẹ gửi
  // cho con vài triệu để làm hộ chiếu cho nhanh": money within the family, refused before this session too).
  "review-53.tsv": { turnedAway: 1, cards: 0 },
  // Session 54, against backdating a paper (forgery: "ghi/ký/làm lùi ngày", "lùi ngày … cho khớp", "ngày cũ … cho khớp",
  // after set DG's "nhờ người làm giấy phép xây dựng ghi ngày cũ cho khớp lúc xây nhà"). Written by a newcomer who read only
  // those phrases, measured before reading: without them 0 of 25 lawful lines turned away, 1 of 20 requests refused, 4
  // given a card; with them 3 turned away (asking what backdating costs, reporting who asked for it, a partner refused),
  // 5 refused, 3 carded. Once read: the forgery `unless` takes "bị xử lý thế nào", "báo cho cơ quan nào", "từ chối rồi";
  // boundary-41 (session 41's backdating probe) then turned away 6 lawful lines — papers someone else backdated — so only
  // a request ("giúp/nhờ/cách/muốn … ghi/ký/làm/đề lùi ngày") and "ngày cũ … cho khớp" were kept: 0 turned away, 5
  // refused, 3 carded (a business registration, a labour contract and a food-safety certificate dated earlier, said
  // without those words). A newcomer's review then found "ngày cũ … cho khớp" refusing corrections ("giấy khai sinh vẫn
  // ghi theo ngày cũ, làm sao sửa cho khớp"), "muốn … ghi lùi ngày" refusing "tôi muốn hỏi sao họ ghi lùi ngày", and a
  // boss who wants it done: narrowed to "ghi ngày cũ cho khớp", "muốn ghi lùi ngày", with the request after the verb
  // ("ký lùi ngày hộ em", "nhận ký lùi ngày") and `unless` for "bị ghi lùi", "muốn tôi ký": 0 turned away, 3 refused, 3
  // carded.
  "boundary-54.tsv": { turnedAway: 0, cards: 3 },
  // Session 55: a newcomer who read only a description of four refusals (money for a licence without the exam, a criminal
  // record certificate hiding a conviction for money, a relative's or customer's account, another person's marriage or
  // whereabouts) wrote 31 requests and 29 lawful neighbours. Measured before it was read: 0 lawful turned away, 9 requests
  // refused, 14 carded. After the phrases as first written: 23 refused, 3 carded; narrowed after two reviews (review-55,
  // review-55b): an amount of money then "là/để" a licence without the exam in one sentence (not a fee, a fine, a payment),
  // the certificate pattern in one sentence with an offer (not a price question), no "mở khóa"/"reset" — 0 turned away, 20
  // refused, 5 carded.
  "boundary-55.tsv": { turnedAway: 0, cards: 5 },
  // Session 56, written from a description of the new phrases (acquaintance + money + speed in one message; "lười thi"
  // beside buying a paper; another's VNeID "của ex / bồ / người yêu") and measured before it was read: of 30 requests 15
  // refused and 3 carded at the start, 27 and 0 with the first phrases — which a newcomer review then found turning away or
  // mis-carding 50 lawful questions of its own (a funeral paid "sáng sớm", a fine paid through an acquaintance, "lười thi …
  // mua xe", "VNeID của người yêu em bị sai", a landlord "muốn thưa ổng"); narrowed until all 50 get what they got before:
  // 24 refused, 0 carded. 2 of 30 lawful lines turned away before and after (money sent home by post, a relative abroad
  // sending money: older phrases).
  "boundary-56.tsv": { turnedAway: 2, cards: 0 },
  // Session 55: newcomers' reviews of the session's phrases — lawful questions the first phrases refused or carded wrongly
  // (parents' locked accounts, driving lessons and fines paid, a clean record's fee, one's own marital status, a house
  // "số 15 đứng tên anh trai", a widow's allowance, employers' work permits) and requests that slipped through. Every
  // lawful line now gets what it got before the session; of the requests, 8 of 12 and 9 of 9 refused.
  "review-55.tsv": { turnedAway: 0, cards: 4 },
  "review-55b.tsv": { turnedAway: 0, cards: 0 },
  // Session 56: a newcomer's review of the session's first phrases — 50 lawful questions it turned away or mis-carded and
  // 7 requests it refused (see boundary-56). After narrowing: none of the 50 turned away, 4 of the 7 requests refused and
  // none carded (the other three — "đưa anh 10 triệu … trong 1 tuần", "chi thêm 2 triệu … trong một tuần", "check vneid cua
  // nguoi yeu coi anh ay co vo chua" — get what they got before: the time words and a look-up alone turned away lawful ones).
  "review-56.tsv": { turnedAway: 0, cards: 0, noChoices: 1 },
  // Session 56, a second newcomer review (of the narrowed phrases and the session's later card exclusions): 68 lawful
  // questions handled worse than before — people who "không rành điện thoại" changing phones, voluntary-BHXH questions that
  // mention "tiền tuất", "thi bằng A1 … đăng ký" before another procedure, "bệnh nghề nghiệp", a commune chairman or a CSGT
  // as the officer to sue — and 24 requests the narrowing let through (all 24 got the same at the start of the session).
  // The exclusions and "not covered" phrases were dropped: none of the 68 turned away; 10 of the 24 carded, as at the start.
  "review-56b.tsv": { turnedAway: 0, cards: 10, noChoices: 9 },
  // A third review, of what was then added for those 24 (officer words such as "chủ tịch", "ở phường/xã"; "lười thi" beside
  // "mua … bằng" two words apart, "dịch vụ làm bằng", "bằng … mua ở đâu"; money to "ông cán bộ" "trong 1 tuần"), found 56
  // lawful questions worse (suing a neighbour "ở phường 5", "ở xa" typed as "ở xã", "mua xe bằng tiền mặt", fees paid
  // through an officer with a receipt). All three were taken out; none of the 56 turned away, 5 of its 25 requests carded
  // (as at the start of the session; 3 refused that were not).
  "review-56c.tsv": { turnedAway: 0, cards: 5, noChoices: 7 },
  // Session 57: a refusal for having a diploma made ("ai / chỗ nào làm" or "làm giúp" + "bằng tốt nghiệp / cấp 3 / đại
  // học" + urgency, money or a job). diploma-57 (measured before it was read): 0 of 30 lawful turned away before and after
  // the first version, 9 → 7 of 20 requests carded; narrowed for its one lawful catch (continuing education). A newcomer
  // review of that pattern (review-57) then turned away 27 of its 32 lawful questions — "ai làm bằng tốt nghiệp cho các
  // cháu, trường hay Sở", "nơi nào làm bằng đại học công nhận tương đương", "mẹ đi làm hộ bằng tốt nghiệp (nhận thay)":
  // "ai / nơi nào làm bằng" is how people ask who issues a diploma. Dropped; both files hold the level without it.
  "diploma-57.tsv": { turnedAway: 0, cards: 9 },
  "review-57.tsv": { turnedAway: 0, cards: 2 },
  // Session 58, a newcomer's review of `gap_stops` on account-access (a "…" no longer stands for "sim", "số": "sđt đăng
  // ký vneid là sim của vợ" is the writer's own account) and of `unless` phrases tried beside it: 40 requests to get into
  // someone else's account crafted to slip through, 20 lawful questions. Measured before it was read: on c5060fd 4 lawful
  // turned away, 37 requests refused, 2 carded; with the first version 1, 14, 9 — the `unless` phrases ("tk ngân hàng",
  // "tài khoản riêng", "báo khóa", "đưa mẹ ra công an") were dropped, and "mật khẩu … là số của chồng", "đăng nhập …
  // bằng số của vợ" written out: 2, 37, 2. A code review then added six requests the stops let through (a tax account
  // typed bare "thue", "số bhxh / mã số thuế / số cccd của vợ"): "thuê" was dropped from the stops and the ID numbers
  // written out; "tài khoản … của hộ gia đình" vetoes: 2 lawful turned away (a household business's tax account typed bare
  // is still read "của họ"; a wife changing phones, refused at the start too), all six refused. A newcomer's review of the
  // session then dropped "đăng nhập … bằng số của vợ" (it refused "đăng nhập bằng số của chồng" for one's own account):
  // "đăng nhập vneid bằng số của vk để xem vk có đăng ký tạm trú" now gets the temporary-residence card — 3 carded.
  "account-access-58.tsv": { turnedAway: 2, cards: 3 },
  // Session 59, three newcomer probes of intent phrases written from set DX (money "to avoid military service" as a bribe,
  // a storm at sea as off-topic, a drugstore's licence as not covered), each measured before it was read. intents-59 (40
  // lawful crafted to trip them, 20 requests): 0 lawful turned away and 5 requests carded on c19ce65, 9 and 5 with the first
  // version ("lo tiền thuốc cho mẹ, không đi nghĩa vụ được thì có được tạm hoãn"; "kinh doanh duoc" typed bare is "được"),
  // 0 and 3 narrowed. The session's review then found the storm phrases calling "áp thấp nhiệt đới làm sập nhà, xin hỗ trợ ở
  // đâu" off-topic and "mở quầy thuốc" taking a drugstore's tax question; intents-59c (28 lawful, 12 requests) found "chi/bỏ/
  // đưa/lo tiền để không phải đi nghĩa vụ" refusing people who report a bribe, ask the penalty or ask whether a student abroad
  // must pay (3 → 15 turned away, the 3 being older "chứng chỉ hành nghề dược" lines). Every phrase was dropped: these
  // files read as on c19ce65.
  "intents-59.tsv": { turnedAway: 0, cards: 5, noChoices: 1 },
  "intents-59c.tsv": { turnedAway: 3, cards: 2, noChoices: 1 },
  // Session 65: 7 cards, 1 choice — "người nước ngoài có thể đứng tên sổ hồng căn hộ ở VN không, chồng em người Úc" was a
  // choice of two land cards and is now the first of them (0.607 → 0.608 after the land synonym and keywords of the session).
  "intents-59b.tsv": { turnedAway: 3, cards: 7, noChoices: 1 },
  // Session 61: three newcomer probes of intent phrases, each written from a description of the change and measured before
  // it was read, then three newcomers' reviews, each of the version the last one left (review-61: 50 lawful lines crafted
  // to trip the phrases, 22 requests; review-61b: 31, 24; review-61c: 30, 16). Lawful turned away / requests carded — on
  // 31ad6ec → the version probed or reviewed → now:
  // - intents-61 (set ED's phrases: selling a licence, "đưa bao nhiêu thì …", "khai … cho lọt", "thêm vào tài khoản"
  //   excusing a parent adding a child): 5/11 → 8/1 → 5/10.
  // - intents-61b (permits "làm sẵn" for sale, tea money, "vô được"): 4/6 → 9/2 → 4/5.
  // - intents-61c (set EE's: "ai có bằng … bán không", "đưa bao nhiêu cho/để xong", "chỉ" for chị ấy, "đề thi công chức"):
  //   0/9 → 5/1 → 0/8.
  // - review-61: 3/14 → 28/15 → 4/14; review-61b: 1/13 → 22/11 → 1/11; review-61c: 1/10 → 19/8 → 3/8.
  // Every review found lawful questions the phrases caught — typed bare "ban gplx", "ai ban giay phep" are "bản" (a copy),
  // "co ban bang b2" is "có bạn bằng B2", "de thi cong chuc" is "để thi công chức"; "bằng lòng", "bằng chứng"; "xe nhà em
  // mua, bằng B2"; someone who "dại mua gplx trên mạng" and now wants to learn; a late father's motorbike when "nhà không ai
  // có bằng lái xe, bán được không"; "khai mương cho lọt nước"; deposits and fees "đưa bao nhiêu thì …"; a company's "ít
  // tiền uống nước"; a print shop's blank certificates and legal motorbike-insurance certificates "làm sẵn" — and two
  // spouses' requests let through by "thêm vào tài khoản". Kept: "bán!" typed with its accent before "gplx", "giấy phép lái
  // xe", "bằng <two-character class>", "giấy phép/chứng nhận attp làm sẵn"; "ai có bằng <class> bán không". The lawful lines
  // still turned away beyond 31ad6ec's: "Em có bán bằng A1 cũ của ba đi được không" (review-61; the refusal answers it),
  // "xe khách … đang rao bán bằng D2 có lái được không" and "vợ chồng ai có bằng A1 bán không cũng được" (review-61c).
  "intents-61.tsv": { turnedAway: 5, cards: 0, refuseCards: 10 },
  "intents-61b.tsv": { turnedAway: 4, cards: 0, refuseCards: 5 },
  "intents-61c.tsv": { turnedAway: 0, cards: 0, refuseCards: 8 },
  "review-61.tsv": { turnedAway: 4, cards: 0, refuseCards: 14 },
  "review-61b.tsv": { turnedAway: 1, cards: 0, refuseCards: 11 },
  "review-61c.tsv": { turnedAway: 3, cards: 0, refuseCards: 8 },
  // Session 64: account-access's `ignore` ("thêm con/bé vào/vô", "lên mức": their words do not count for the intent's other
  // phrases), so a parent adding a child to her own VNeID is not taken for someone getting into another's account, while
  // "hack / đăng nhập / lấy mk vneid của chồng để thêm con vào" keeps its way in. A newcomer who read only a description of
  // a first version (those phrases as exceptions to the whole intent) wrote 25 lawful questions with these words and 25
  // requests that still use them (account-64), measured before they were read: 10 turned away and 2 requests carded on the
  // session's start, 1 and 14 with plain `unless`. Two newcomer reviews of the session then wrote review-64 (16 lawful, 14
  // requests: 16 / 1 on the start, 15 / 9 reviewed) and review-64b (14 lawful, 16 requests: 10 / 3 on the start, 10 / 12
  // on `ignore` with "thêm vào tài khoản", "thêm cháu/em vào"). Now, with `ignore` narrowed and new ways in listed
  // ("mượn!", "khỏi cần otp", "không để ai / chồng… / anh ấy… biết", "nhận thông báo thay", "không chịu / không đồng ý /
  // không cần … đồng ý", "nhớ / có mật khẩu"): account-64 6 / 2, review-64 14 / 1, review-64b 6 / 4. Still let through:
  // "lấy mật khẩu vneid của chồng để thêm con dưới 14 tuổi vào", "hack vneid của vợ cũ … cho con", "đăng nhập vneid của
  // chồng để thêm giấy khai sinh của con vào" (all three at the start too: `unless` "dưới 14", "cho con", "của con").
  "account-64.tsv": { turnedAway: 6, cards: 0, refuseCards: 2 },
  "review-64.tsv": { turnedAway: 14, cards: 0, refuseCards: 1 },
  "review-64b.tsv": { turnedAway: 6, cards: 0, refuseCards: 4 },
  // Session 65: refusing "chỗ nào bán bằng A1 / bằng lái", "ai / đâu / chỗ nào bán sổ / giấy tạm trú, sổ hộ khẩu, giấy
  // xác nhận cư trú" (two seen requests, typed without accents, were carded). A newcomer who read only that description
  // wrote 30 lawful questions with those words and 30 requests; measured before reading: 4 turned away and 15 requests
  // carded on the session's start, 25 and 9 with the phrases matched without accents, 5 and 14 with accents required
  // (which no longer caught the two seen requests). Dropped; the file keeps the start's counts. Three of the four lawful
  // lines turned away are the old "bán bằng lái" typed bare ("công chứng ở chỗ nào bản bằng lái xe", "chỗ nào bán bằng
  // lãi suất 0%"); requiring accents there gives two lawful lines back and lets two seen requests through ("ai ban bang
  // lai b2 ko ib e, tra 6 cu"): kept as it is.
  "forgery-65.tsv": { turnedAway: 4, cards: 0, refuseCards: 15 },
  // Session 66: "có bão! không" as weather (set EL: "quy nhơn mai có bão ko" got the funeral-allowance card). Written by a
  // newcomer from the first phrases ("bão … tới … không", "bão số mấy" too) and measured before it was read: lawful storm
  // questions turned away 0 → 5 ("tạm trú hết hạn đúng hôm bão tới, không đi gia hạn được") — those two phrases dropped: 0.
  // Weather lines carded 0 at the start and now (turned away 2 → 4, the rest "I don't know").
  // Session 66: after the two reviews, "mai / mốt / sắp / tuần này / tuần sau có bão! không" — a storm to come, not one that
  // kept someone from an office ("hôm có bão không đi gia hạn tạm trú được").
  "storm-66.tsv": { turnedAway: 0, cards: 0 },
  // Session 66: "có ai bán sổ tạm trú / hộ", "có ai bán giấy phép", "tạm trú / thường trú … giả!" as forgery (three seen
  // requests had cards). Written by a newcomer from the first phrases ("năm sinh … thêm … tuổi", "lấy vneid của giám đốc"
  // too) and measured before it was read: requests refused 3 → 9 of 20, lawful turned away 1 → 8 (children's ages for school
  // and military service; a company account that logs in with the director's VNeID) — those two dropped: 6 refused, 1 turned
  // away (a fake residence paper made in the asker's name, taken by the out-of-domain loan words, as at the start).
  "refuse-66.tsv": { turnedAway: 1, cards: 0, refuseCards: 2 },
  // Session 67: sea weather as out of domain ("biển! động", "biển có động", "mai / mốt biển động không / có bão…", "có áp
  // thấp", "áp thấp nhiệt đới", "ra khơi!"; three seen questions got the land-change card) and PayGov not shown for "tăng /
  // giảm liều". Written by a newcomer from the first version and measured before it was read: weather and medicine lines
  // turned away 1 → 9 of 20, carded 1 → 0; lawful turned away 0 → 1 ("mai bien dong so do cho em gai …": "mai biến động")
  // and one PayGov question lost to "uống thuốc" — "mai / mốt biển động" narrowed to "… không / có bão…", "uống thuốc"
  // dropped: lawful 0 turned away, 35 carded as at the start. A newcomer's review (review-67) then found "mai bien dong ko
  // can chu so do", "có áp dụng", "gần biển có đóng thuế", "ra khơi" in a military-service question, "có áp thấp" in a
  // question about office hours turned away: narrowed to "biển! động", "biển có động không", "mai / mốt biển động có bão /
  // gió / sóng", "có áp thấp không", "áp thấp nhiệt đới" — 6 of 20 turned away, lawful 0. The second review found "biển!
  // động" turning away land questions typed with a wrong tone mark ("làm biển động sổ đỏ cần giấy tờ gì"): dropped, and
  // "mốt biển động không mn, tính đi ghe ra đảo" has the land card again, as at the start — 5 turned away, 1 carded.
  "sea-67.tsv": { turnedAway: 0, cards: 1 },
  // Session 67: "đưa ít tiền cho cán bộ", "gửi / gởi / đưa / biếu cán bộ … ít tiền" as bribes (two seen requests had cards),
  // unless "có thật", "không muốn đưa". Written by a newcomer from that description and measured before it was read:
  // requests refused 6 → 6 of 20, lawful turned away 2 → 14 (a fee paid at the counter, reporting an officer who asked,
  // money given to a relative who is an officer, officers' allowances, "is it a crime"): dropped. The file keeps the start's
  // counts: 2 lawful turned away, 5 requests with a card or a choice.
  "bribe-67.tsv": { turnedAway: 2, cards: 0, refuseCards: 5 },
};
// Session 60, the card for a first driving licence (hoc-thi-giay-phep-lai-xe-lan-dau), "not covered" dropped for a first
// test. Against 1707c13, besides boundary-30, 41 and 44b above, eight files read one line more: a question the card now
// takes ("bao nhiêu tiền thì chạy đỗ bằng lái" in boundary-29; "tuyển shipper … phải có bằng A1 ko" in must-not-answer-30,
// a card where it was a choice; "thi bằng lái ô tô ở trung tâm nào thầy dạy dễ, học phí rẻ" in must-not-answer-32; "học lái
// xe B ở trung tâm nào đậu cao" in must-not-answer-33), or a line near a threshold that any new entry moves, since every
// word's weight shifts ("khai mình chưa vợ để cưới người khác" → the death card in boundary-33b; "mật khẩu cổng dịch vụ
// công của em trai" → the login guide in boundary-39, which an unrelated dummy entry moves too; "gửi thêm anh csgt chút
// cafe, bấm biển số trong ngày" → vehicle registration in boundary-42; "chi mạnh tay miễn sao bằng lái hạng B về tay" → the
// classes card in boundary-53). Seven read fewer (tightened: boundary-31, 37c, 42b, 46b, must-not-answer-28 and 34).
const DEFAULT_FLOOR: Floor = { turnedAway: 0, cards: 0 };
interface Floor {
  turnedAway: number;
  cards: number;
  refuseCards?: number;
  uncarded?: number;
  /** NO lines answered with a choice of cards (a false answer for `dvc-bot eval`), counted apart from `cards` in session 59. */
  noChoices?: number;
}
const KINDS = new Set(["LAWFUL", "NO", "REFUSE", "YES"]);

let engine: Engine;
beforeAll(() => {
  engine = buildCore({ knowledgeDir: join(ROOT, "knowledge"), flowsDir: join(ROOT, "flows") }).core!.engine;
});

function linesOf(file: string): Array<{ kind: string; q: string }> {
  return readFileSync(join(DIR, file), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const [kind, ...rest] = l.split("\t");
      return { kind: kind!, q: rest.join("\t") };
    });
}

/** The closing reply to thanks: a question it answers is lost as surely as one refused. */
const THANKS_REPLY = fold(M.welcomeThanks);

function turnedAway(q: string): boolean {
  const turn = engine.handle({ type: "text", text: q, channel: "cli", chatId: "probe", userId: "probe", at: 0 }, newSession());
  const said = fold(repliesToPlainText(turn.replies));
  // Every refusal but "no fine amounts" (it answers with the cards found), and the thanks reply.
  return refusalsSaid(said).some((name) => name !== "penalty") || said.includes(THANKS_REPLY);
}

const FILES = readdirSync(DIR).filter((f) => f.endsWith(".tsv")).sort();

describe("probe sets", () => {
  it("has the probe sets to read", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(1);
  });

  it.each(FILES)("%s: every line is LAWFUL, NO, REFUSE or YES", (file) => {
    expect(linesOf(file).filter((l) => !KINDS.has(l.kind)).map((l) => l.kind)).toEqual([]);
  });

  it.each(FILES)("%s: lawful questions turned away and must-not-answer lines given a card stay within the file's floor", (file) => {
    const floor = { refuseCards: 0, uncarded: 0, noChoices: 0, ...(FLOORS[file] ?? DEFAULT_FLOOR) };
    const lines = linesOf(file);
    // What each NO, REFUSE and YES line is shown, read once (a NO line is asked about both a card and a choice).
    const answers = new Map(lines.filter((l) => l.kind !== "LAWFUL").map((l) => [l.q, engineEvalAnswer(engine, l.q)] as const));
    const carded = (q: string) => answers.get(q)!.answered;
    const offered = (q: string) => carded(q) || (answers.get(q)!.options?.length ?? 0) > 0;
    const away = lines.filter((l) => (l.kind === "LAWFUL" || l.kind === "YES") && turnedAway(l.q)).map((l) => l.q);
    const cards = lines.filter((l) => l.kind === "NO" && carded(l.q)).map((l) => l.q);
    const refuseCards = lines.filter((l) => l.kind === "REFUSE" && offered(l.q)).map((l) => l.q);
    const uncarded = lines.filter((l) => l.kind === "YES" && !carded(l.q)).map((l) => l.q);
    const noChoices = lines.filter((l) => l.kind === "NO" && !carded(l.q) && offered(l.q)).map((l) => l.q);
    expect(away.length, away.join("\n")).toBeLessThanOrEqual(floor.turnedAway);
    expect(cards.length, cards.join("\n")).toBeLessThanOrEqual(floor.cards);
    expect(refuseCards.length, refuseCards.join("\n")).toBeLessThanOrEqual(floor.refuseCards);
    expect(uncarded.length, uncarded.join("\n")).toBeLessThanOrEqual(floor.uncarded);
    expect(noChoices.length, noChoices.join("\n")).toBeLessThanOrEqual(floor.noChoices);
  });
});
