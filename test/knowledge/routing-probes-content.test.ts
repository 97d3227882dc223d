import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine.js";
import { engineEvalAnswer } from "../../src/engine/eval-answer.js";
import { buildCore } from "../../src/runtime/core.js";

/**
 * Content test: the routing probes (test/fixtures/routing-probes/*.tsv, `EXPECT<TAB>id or null<TAB>message`), each written
 * by a newcomer who read only the cards a change touches and the list of card titles, and measured on the commit before
 * the change and after it before anyone read it. A line is right when the card shown first is its id (no card for
 * `null`), wrong when another card is shown; "I don't know" is neither. Each file keeps its counts as floors.
 */
const ROOT = join(import.meta.dirname, "../..");
const DIR = join(ROOT, "test/fixtures/routing-probes");

const PROBES = [
  // Session 57, the act-object reading for papers put into VNeID (search/act-objects.ts): 30 messages putting a paper
  // into VNeID, 30 asking a procedure that mention the app. On 21057ec: 39 right, 15 wrong; with the first reading: 45,
  // 11; as narrowed after the reviews below and a code review: 45, 11.
  { file: "integrate-57.tsv", lines: 60, right: 45, wrong: 11 },
  // Session 57, keywords "tra quá trình đóng bhxh tự nguyện" (the look-up guide) and "đóng bhxh tự nguyện trên vssid được
  // không" (the voluntary card): 40 messages about voluntary social insurance, half of them looking up what was paid. On
  // 21057ec: 21 right, 11 wrong; with the keywords: 22 right, 8 wrong.
  { file: "bhxh-tu-nguyen-57.tsv", lines: 40, right: 22, wrong: 8 },
  // Session 57, a second act tried and dropped: a fee paid by some means ("đóng lệ phí cấp lại căn cước qua momo") read
  // as asking the payment guide. pay-57 (30 messages asking a procedure that name a means of paying, 30 asking whether a
  // fee can be paid so): 35 right, 22 wrong on 21057ec; 37, 18 with the first version (measured before reading); 40, 11
  // tuned on it. pay-57b (another newcomer, measured before reading): 35, 19 → 39, 16. The reviews below kept finding
  // lawful questions about the procedure it took away; without it, as on 21057ec.
  { file: "pay-57.tsv", lines: 60, right: 35, wrong: 22 },
  { file: "pay-57b.tsv", lines: 60, right: 35, wrong: 19 },
  // Five newcomer reviews of the reading (both acts while the payment one lived), each reading only its code and word
  // lists and writing 35 messages crafted to trip it and 15 it should answer, each measured before it was read and its
  // breakages mended before the next was written. Right/wrong on 21057ec → the version reviewed → now (integration only):
  // review-act-57 30/14 → 16/22 → 31/14; -57b 28/12 → 24/13 → 27/12; -57c 25/10 → 20/12 → 27/9; -57d 29/11 → 21/17 →
  // 29/11; -57e 30/13 → 15/23 → 28/15 (the fifth, meant as the validation of the narrowed version, found the payment act
  // still wrong on 9 and the integration act on 4; the payment act was dropped and objects must begin with a paper's word).
  { file: "review-act-57.tsv", lines: 50, right: 31, wrong: 14 },
  { file: "review-act-57b.tsv", lines: 50, right: 27, wrong: 12 },
  { file: "review-act-57c.tsv", lines: 50, right: 27, wrong: 9 },
  { file: "review-act-57d.tsv", lines: 50, right: 29, wrong: 11 },
  { file: "review-act-57e.tsv", lines: 50, right: 28, wrong: 15 },
  // Session 58, four newcomer reviews of card exclusions (`not_when`), each reading only the cards the change touched and
  // writing messages crafted to trip it (plus some it should answer), measured before anyone read them. Right/wrong on
  // c5060fd (the session's start) → the version reviewed → now:
  // - vneid-phone-58: the phone-change guide not for people without a smartphone or who "không rành điện thoại" (seven
  //   wrong cards on seen sets): 18/7 → 7/8 — people bad with phones change phones too; the exclusion was dropped (and
  //   keywords tried on the level-2 card, whose gains came from the word "cháu" alone): 18/7.
  // - residence-58: permanent residence not when "đăng ký tạm trú" is said, the first land certificate not when
  //   "chuyển hộ khẩu" / "đăng ký thường trú" is: 27/11 → 4/23 — both dropped: 27/12 (the one more wrong line comes from the
  //   removing-residence exclusion that was kept, batch-58).
  // - batch-58: the exclusions committed in 43d4dc1 (e-visa, removing residence, car transfer, students' BHYT, the BHXH
  //   look-up): 35/4 → 3/14; narrowed ("sang tên" + a house or land, e-visa named or Việt Nam as the destination saves
  //   it) or dropped (students' BHYT, "sang đó"): 34/6; after a newcomer's review of the session ("sang tên xe" saves the
  //   car card, "thủ tục xóa" the removal card): 35/5.
  // - mortgage-58: the two mortgage cards not for a bank loan's interest or amount: 20/2 → 13/2; with the registry's and
  //   the paid-off loan's own words excepted: 23/0.
  // Session 64: 18/7 → 16/5 with an alias on the level-2 card for people without a smartphone, 18/5 with a narrower one;
  // the alias was dropped (see phone-64): 18/7.
  { file: "vneid-phone-58.tsv", lines: 50, right: 18, wrong: 7 },
  // Session 60: the card for a first driving licence shifts every word's weight (see the quality floors): residence-58
  // 26/12 (a line moved to "I don't know"), batch-58 34/4 (one right and one wrong line to "I don't know").
  { file: "residence-58.tsv", lines: 50, right: 26, wrong: 12 },
  { file: "batch-58.tsv", lines: 50, right: 34, wrong: 4 },
  { file: "mortgage-58.tsv", lines: 40, right: 23, wrong: 0 },
  // Session 59, a newcomer's review of two exclusions tried after set DX: correcting civil-status records not when the
  // writer only says they belong to an ethnic minority ("là người dân tộc thiểu số thì có được miễn lệ phí"), exchanging a
  // licence not when "chưa có bằng" (a first driving test). 50 messages, 35 crafted to trip them. On c19ce65: 31 right, 8
  // wrong; with the exclusions: 10, 18 — people say their ethnicity and then ask to change a name, a surname, the
  // ethnicity itself in words no list foresaw ("lấy lại dân tộc Tày", "đính chính"), and "chưa có bằng" is said of an
  // expired licence, a car licence one lacks, a new card not yet come. Both were dropped: 31, 8. Session 60: four first-
  // test questions the writer marked "no card" (there was none) now expect the card for a first licence; with the same
  // labels 30/8 on 1707c13, 33/6 with the card's first version, 31/6 after its reviews (a licence expired four years that
  // the writer says is "như chưa có bằng" and a birth certificate with an empty home town get no card).
  { file: "cards-59.tsv", lines: 50, right: 31, wrong: 6 },
  // Session 59, after set DY was measured and read: an alias "nộp phạt online" (paying a fine), keywords "thuế bán đất",
  // "bán đất đóng thuế" (the land-transfer card, where the seller's income tax is paid — not the annual land-use tax) and
  // "khai sinh cho con theo họ mẹ", "con mang họ mẹ" (birth registration — not the foreign-element card). A newcomer who
  // read only those cards and their rivals wrote 50 messages, 35 crafted to make them pull the wrong card. On c19ce65:
  // 40 right, 3 wrong; with them (measured before it was read): 44, 3 — two new wrong ("bố nó muốn nhận con để con mang họ
  // bố" → birth registration; a child born in Taiwan "mang họ mẹ" → the foreign-element card), two old ones gone.
  { file: "cards-59b.tsv", lines: 50, right: 44, wrong: 3 },
  // Session 60, the card for a first driving licence (hoc-thi-giay-phep-lai-xe-lan-dau; "not covered" dropped for a first
  // test): a newcomer who read only the licence cards and the list of titles wrote 25 first-test questions, 25 about
  // another licence card or a paper after passing (crafted: "thi", "học", "sát hạch" in a story) and 10 requests to buy a
  // licence or chit-chat. On 1707c13: 30 right, 8 wrong (0 of 25 first-test questions answered); the first version,
  // measured before it was read: 38, 6 (12 of 25; 3 existing-licence questions lost their card to "I don't know"); after
  // reading it (keywords for self-study, fees, the health check, disabled learners; "thi bằng lái", "thi bằng a1" as names;
  // other cards' situations in `not_when`): 43, 6; after the two reviews below (narrower `not_when` with `except_when`,
  // the card's text corrected): 42, 5.
  { file: "licence-60.tsv", lines: 60, right: 42, wrong: 5 },
  // Session 60, a newcomer's review of that card: 30 first-test questions each using a `not_when` phrase innocently ("đã
  // thi", "thi đậu", "trọn gói" for a school's fee, "trừ điểm" in the track test; typed bare "đầu mối" is "đầu mới",
  // "máy bay" is "máy bây giờ"), 20 from licence holders in the card's words, 10 requests to buy or fix a pass. Measured
  // before it was read: 26 right, 9 wrong on 1707c13; 25, 9 with the card as committed (0 of 30 learners answered). After
  // it (the phrases narrowed to ones that say another card's situation, `except_when` for "từ mấy tuổi", "định đi học"):
  // 32, 8 — 6 of 30 learners answered; most of the rest ask what the card does not say (the track test's scoring, when to
  // re-take) and get "I don't know". After a second review of the session (keywords for the track test and re-takes
  // dropped; `except_when` for "giấy khám", "làm lại hồ sơ", "xe 50", "lo giúp hồ sơ"): 33, 9.
  { file: "review-60.tsv", lines: 60, right: 33, wrong: 9 },
  // Session 61, the reading "tới bước" (intents.yaml `readings`): typed bare, "nop ho so toi buoc thanh toan cu bao loi"
  // was read as "hồ sơ tôi" and answered with the guide to looking up a filed dossier. A newcomer wrote 20 messages asking
  // where a filed dossier is and 20 stuck at a step of filing or paying ("toi buoc", "đến bước"). Measured before it was
  // read: 22 right, 12 wrong on 31ad6ec; 25, 7 with the reading (the status questions keep their guide; "tra cứu … tới/đến
  // bước nào" was then added to dossier-status for a seen line that had matched "hồ sơ tôi" by chance: the same 25, 7).
  { file: "dossier-61.tsv", lines: 40, right: 25, wrong: 7 },
  // Session 61, "cán bộ … đòi … triệu/tiền/trăm" in `complaint` (its reply shows the complaint guide): a newcomer wrote 8
  // reports of an official demanding money and 8 innocent lines (an officer asking for a paper or stating the fee, a
  // creditor who is no official). Measured before it was read: 13 right, 3 wrong on the session's second commit; 14, 2
  // with the phrase. A newcomer's review found it giving the complaint guide to a retired official claiming back pay and a
  // creditor owed by an official, and set EE's line (a land certificate named) never reached it: dropped, 13, 3.
  { file: "complaint-61c.tsv", lines: 16, right: 13, wrong: 3 },
  // Session 61, the third newcomer review's status questions (status-61c): with "tới bước" read so, "ho so toi buoc nao vay
  // ad, nop tu thang truoc" no longer matched "hồ sơ tôi", and a veto "bước nào mới" tried for "tới bước nào mới thanh toán"
  // took "kẹt ở bước nào mới lâu vậy" away: 5 right on 31ad6ec, 2 on the reviewed version; "hồ sơ tới/đến bước nào" added
  // to dossier-status and the veto dropped: 5.
  { file: "status-61c.tsv", lines: 5, right: 5, wrong: 0 },
  // Session 62: a newcomer who read only src/knowledge/search/age-reading.ts and the eight cards an age picks between
  // (children's and adults' ID card, VNeID, BHYT) wrote 60 messages to trip it (age-62), measured before it was read:
  // 38/13 on the session's start. With "chưa tròn / chưa đầy / gần 14" read as under 14, and of several children's ages the
  // one not "… rồi" (and not an adult's after the asker's own "con"): 44/7 — the seen sets unchanged. Still missed: a
  // school grade for an age ("học lớp 4"), a toddler who "đã có căn cước" asking for VNeID (the topic, not the age).
  { file: "age-62.tsv", lines: 60, right: 44, wrong: 7 },
  // Session 62: two newcomers who read only the rule that blanks place names (src/knowledge/place-names.ts and the staff's
  // place lists) or people's names (person-names.ts) and the card titles wrote 60 messages each, naming places or people
  // and asking for one card, to trip it; measured before they were read. Places: 52/0 on the session's start — 54/0 with
  // the rule switched off: it blanked "TAN PHU DUOC KHONG" of a message in capitals, "AMATA BIEN HOA DANG" (of "đăng ký"),
  // "HCM CCCD", "BHXH 1" after a bare "tinh" (tính). Messages mostly in capitals are left whole, a short form ends a name
  // after its first word, and none follows a bare "tinh", "xa", "quan", "phuong", "huyen": 57/0, the seen sets unchanged.
  // People: 59/0, with or without the rule — nothing to mend.
  { file: "place-62.tsv", lines: 60, right: 57, wrong: 0 },
  // Session 63: set EH's "roi VN nam 1995 luc 10 tuoi … lam can cuoc lan dau" got the children's card. An age after "lúc",
  // "năm", "hồi" read as one someone had then, not now; a newcomer who read only that rule wrote 60 messages to trip it
  // (then-63), measured before they were read: 43/6 on the session's start, 41/8 with the rule — bare "hoi" is "hỏi" ("cho
  // chi hoi 11t"), "Nam"/"nam" a name or a boy. Kept for "lúc" (not after "đến/tới") and "hồi" typed with its accent: 44/6;
  // 45/7 with age-fit-63's rule (+1 right; the wrong one, "Ông nội em năm 13 tuổi … giờ ông 78 tuổi …", gets the children's
  // card now answered instead of suggested). "năm" typed with its accent, not after a name word, gave 46/7 here but lost two
  // right cards of the review below ("em Năm 8 tuổi"): dropped.
  { file: "then-63.tsv", lines: 60, right: 45, wrong: 7 },
  // Session 63: two changes set EH suggested, given to a newcomer who read only their descriptions and the card titles and
  // wrote 60 messages to trip them (survivor-licence-63), measured before they were read: 42/11 on the session's start.
  // The survivor's allowance ("chồng mất … tiền tuất") answered even over a firmly named card (+3 right, −3 wrong on the
  // seen sets): 36/16 — a death and "tiền tuất" told in the story while the question asks for a pension, a birth
  // certificate, the deceased's land, a guardian: dropped. "đổi … sang bằng (lái) Việt Nam / VN" ruled out of the
  // Vietnamese licence's card (`not_when`; all such seen messages were foreign licences), except with "PET", "bằng giấy",
  // "bìa cứng", "quân sự": 42/10 — seen sets +4 right, −1 wrong.
  { file: "survivor-licence-63.tsv", lines: 60, right: 42, wrong: 10 },
  // Session 63: a card made for the stated age, mostly named and clearly ahead, answers from `ageFitScore` (0.42) instead of
  // `aheadScore` (0.5) — four seen "I don't know" lines became right, none wrong. A newcomer who read only that rule and the
  // card titles wrote 60 messages to trip it (age-fit-63: a child's age beside an age card's words, while the question is
  // another card or none), measured before they were read: 45/9 on the session's start and with the rule alike.
  { file: "age-fit-63.tsv", lines: 60, right: 45, wrong: 9 },
  // Session 63: the messages a newcomer reviewer of the session's change found it mishandling (review-63: the licence
  // `not_when`, the past ages, "Năm" as a name), with the cards they should get: 14/3 on the session's start, 10/4 on the
  // reviewed change; with "năm" dropped, "tới hồi" and bare "toi" (tôi) mended and the licence's `except_when` widened: 12/3.
  // Still lost: "bằng lái hết hạn rồi đổi sang bằng lái xe VN mới" ("I don't know": the `not_when` covers it), "làm căn
  // cước hồi 12 tuổi, giờ 17 bị mất" ("giờ 17" names no age), "bé nhà em lúc 6 tuổi thì thẻ bhyt hết hạn" (a past age
  // is not yet read as a least age, ruling the under-6 card out).
  { file: "review-63.tsv", lines: 18, right: 12, wrong: 3 },
  // Session 64: newcomers, each reading only a description of one change and the card titles, wrote 60 messages to trip
  // it, measured before they were read. An alias on the VNeID level-2 card for people without a smartphone (phone-64):
  // 45/6 on the session's start, 45/10 with it (40/14 with smartphone synonyms as well); two reviews found it taking "không
  // có điện thoại thông minh thì làm hộ chiếu / khai sinh / vneid cho con…" and an alias is a name, not a situation
  // (docs/huong-dan-bien-tap.md), so it was dropped: 45/6. The district-offices intent's wider phrases (district-64): 37/9
  // → 45/9; "sau sáp nhập", "sáp nhập rồi/xong" dropped after the second review (a pension, water, school, a teacher's
  // exam "sau sáp nhập … nộp hồ sơ ở đâu"): 42/9. "nó" as a function word (no-64): 56/1 → 55/3 with "nó!", 56/1 with "tụi
  // nó!" alone; both dropped after the first review (requests for someone's data "của tụi nó" got cards): 56/1.
  { file: "phone-64.tsv", lines: 60, right: 45, wrong: 6 },
  { file: "district-64.tsv", lines: 60, right: 42, wrong: 9 },
  { file: "no-64.tsv", lines: 60, right: 56, wrong: 1 },
  // Session 64: the messages two newcomer reviewers of the session's change wrote to break it, with the cards they should
  // get. review-64: 22/1 on the session's start, 1/29 on the first reviewed change (account-access's first exceptions let
  // "hack / đăng nhập / mượn vneid của chồng để thêm con vào" through; the level-2 alias; "sau sáp nhập" and "là đặc khu"
  // taking co-operatives, associations, tourism), 23/3 on the second. review-64b: 19/5 on the start, 0/23 on the second
  // (`ignore` with "thêm vào tài khoản" and "thêm em/cháu vào" letting requests through where "vào" was the only way in;
  // bare "mượn tài khoản" refusing "toi muon vneid cua bo…"; the thanks pattern taking questions that end "em hiểu rồi"),
  // 18/7 now — left: "ck e k cho mk, e muon them con vao vneid cua ck" ("mk" read as "mình"), "e muon vneid cua me len
  // muc 2" (the children's card), and the start's "bằng lái xe máy có thời hạn không" (the lost-licence card).
  { file: "review-64.tsv", lines: 40, right: 24, wrong: 1 },
  { file: "review-64b.tsv", lines: 40, right: 18, wrong: 7 },
  // Session 65: keywords on the card for removing a permanent residence ("người nhà mất có phải đi xóa thường trú không",
  // "xóa thường trú cho bố mẹ đã qua đời": four seen questions about a relative who died got the card for registering one)
  // and on the guide to papers after the mergers ("giấy đăng ký hộ kinh doanh còn ghi tỉnh cũ"). A newcomer who read only
  // a description of a first version and the card titles wrote 60 messages (20 about a relative's residence, 20 with the
  // same words about moving household or other matters after a death, 20 about household businesses), measured before
  // anyone read them: 40 right / 14 wrong on the session's start, 47 / 9 with the first keywords — whose "ông bà mất rồi
  // …", "chồng mất …" shifted the weight of "ông", "chồng" enough to card two must-not-answer probes ("lấy mã OTP trên điện
  // thoại của ông hàng xóm…", "người nước ngoài đứng tên sổ hồng…, chồng em người Úc") — 42 / 10 with "bố mẹ mất thường trú có
  // tự xóa không", which a newcomer review showed taking "chuyển hộ khẩu về quê thì thường trú cũ có tự xóa không" and "bố mẹ
  // mất giấy tờ nhà thì thường trú có bị xóa không" ("mất": lost); "xóa thường trú cho bố mẹ đã qua đời": 45 / 8.
  { file: "residence-65.tsv", lines: 60, right: 45, wrong: 8 },
  // Session 65: the pension card and the voluntary-insurance card are not shown for survivors' benefits ("chồng đang hưởng
  // lương hưu, nay mất rồi thì tôi được hưởng tuất…": five seen questions got one of them, not the bundled death card). A
  // newcomer who read only a description of the first version ("tuất" or "qua đời" anywhere, unless "đủ tuổi nghỉ hưu")
  // wrote 60 messages, 25 of them crafted to trip it; measured before anyone read them: 40 right / 12 wrong on the
  // session's start, 33 / 7 with it — a relative's death told in a story, "Giáp Tuất", "Nguyễn Văn Tuất", someone paying
  // on after hearing of "chế độ tử tuất" lost their card. Narrowed after reading them (so no longer a blind measure) to
  // the benefit named ("tiền / tử / hưởng / lãnh / lĩnh / nhận / được tuất", "chế độ tuất", "tuất hằng tháng / một lần")
  // and, after two newcomer reviews (review-65, review-65b), excepted only for the asker's own pension or contributions
  // ("lương hưu của tôi", "tôi sắp nghỉ hưu", "tôi muốn đóng", "tôi đóng tiếp"): "đủ tuổi nghỉ hưu", "mức đóng", "muốn
  // đóng tiếp" also tell the story of the one who died ("chồng tôi mất khi chưa đủ tuổi nghỉ hưu…"): 43 / 7.
  { file: "survivor-65.tsv", lines: 60, right: 43, wrong: 7 },
  // Session 65: keywords on the guide to the two levels of online service ("thấy ghi một phần là sao", "thủ tục một phần có
  // phải lên nộp giấy không": eleven seen questions about "một phần" written on the portal got another card or "I don't
  // know"; +12 right, −3 wrong on the seen sets). A newcomer who read only that description wrote 60 messages (25 asking
  // what the levels mean, 25 with "một phần" about other things, 10 about filing online), measured before anyone read them:
  // 41 right / 6 wrong on the session's start, 44 / 6 with the keywords.
  { file: "levels-65.tsv", lines: 60, right: 44, wrong: 6 },
  // Session 65: "mảnh đất", "miếng đất", "lô đất", "khoảnh đất" read as "đất" (synonyms.yaml: "sang tên mảnh đất cho thằng
  // con" got "I don't know"; +11 right on the seen sets). A newcomer who read only that description wrote 60 messages (25
  // land procedures with those words, 25 with them about other things, 10 without), measured before anyone read them: 54
  // right / 2 wrong on the session's start, 54 / 1 with the synonym.
  { file: "land-65.tsv", lines: 60, right: 54, wrong: 1 },
  // Session 65: two newcomer reviews of the session's knowledge diff (each could run the bot), their 40 messages each
  // measured before they were read: review-65 15 right / 21 wrong on the session's start, 13 / 20 on the reviewed change,
  // 16 / 15 now; review-65b 22 / 10, 18 / 13, 26 / 6. Mended after them: the survivors' exceptions ("đủ tuổi nghỉ hưu",
  // "mức đóng", "muốn đóng tiếp" told the dead relative's story), "bố mẹ mất thường trú có tự xóa không" (moving household;
  // "mất" also means lost; now "xóa thường trú cho bố mẹ đã qua đời"), "thủ tục một phần có phải lên nộp giấy không" (now "thủ tục ghi dịch vụ công một phần…"), "lô
  // đất" dropped from the land synonym ("phân lô đất" read "phân đất"), "đám đất" added, "mua! bằng trung cấp / cao đẳng"
  // accented only ("ngành múa bằng cao đẳng"), "có ai bán bằng trung cấp / cao đẳng…" typed bare, "mua! bằng thạc sĩ /
  // tiến sĩ", and telecom lines kept off the electricity guide ("xin kéo điện thoại cố định", "kéo cáp internet"). Left: the
  // receiving-place card takes survivors' questions that mention the pension ("chồng tôi đang lãnh lương hưu mới mất, tôi có
  // được lãnh tuất không": its `except_when` "lương hưu" would cancel any exclusion), "lo lót điện lực xin kéo điện" (the
  // bribe phrases), "gộp 2 mảnh đất thành 1 sổ" and "phân lô đất" ("I don't know").
  { file: "review-65.tsv", lines: 40, right: 16, wrong: 15 },
  { file: "review-65b.tsv", lines: 40, right: 26, wrong: 6 },
  { file: "person-62.tsv", lines: 60, right: 59, wrong: 0 },
  // Session 62: three more newcomers, each reading only two rules of the search and the card titles, wrote 60 messages to
  // trip them, measured before they were read — typo correction and glued words (typo-62): 58/0; what a clause asks after
  // "thì" and the story parts of a long message (tail-62): 56/1; a paper needed for a procedure and the object of an act
  // such as integrating a paper into VNeID (paper-62): 56/2 — the same on the session's start. Tried from them and
  // dropped: splitting four-letter glued words ("sodo": +1 here, −1 right card on the seen sets, "balo" read "ba lô" →
  // "ba", "lô"), "nộp lại" between a need word and its paper (no line moved), and a word pair told in a finished step
  // counted as no held pair ("bé đã có giấy khai sinh và đăng ký thường trú rồi, giờ làm thẻ bhyt": −7 right cards on the
  // seen sets).
  { file: "typo-62.tsv", lines: 60, right: 58, wrong: 0 },
  { file: "tail-62.tsv", lines: 60, right: 56, wrong: 1 },
  { file: "paper-62.tsv", lines: 60, right: 56, wrong: 2 },
  // Session 66: "không biết dùng điện thoại thông minh làm vneid", "nhờ con làm vneid hộ", "không có smartphone làm vneid" as
  // keywords of the level-2 guide (seen sets: +6 right, −5 wrong). Written by a newcomer from that description and the
  // card titles, measured before it was read: 51 / 1 on the session's start, 52 / 1 with the keywords.
  { file: "vneid-66.tsv", lines: 60, right: 52, wrong: 1 },
  // Session 66: "nhà mới mua chưa có sổ hồng đăng ký thường trú", "chưa có sổ hồng có nhập hộ khẩu được không" as keywords
  // of the permanent-residence card (seen sets: +7 right, −6 wrong; four seen questions got the first-certificate card).
  // Written by a newcomer from that description and the card titles, measured before it was read: 36 / 18 on the
  // session's start, 47 / 9 with the keywords — but residence-58 went 27 / 12 → 26 / 19 (land questions that mention a
  // registered residence took the residence card), whatever the wording ("mua căn hộ chưa có sổ hồng chuyển hộ khẩu" too):
  // dropped. The file keeps the start's counts.
  { file: "residence-66.tsv", lines: 60, right: 36, wrong: 18 },
  // Session 66: "công ty cũ chưa chốt sổ bhxh", "công ty giữ sổ bhxh không trả" as keywords of the contribution-record guide
  // (seen sets: +7 right, −2 wrong). Written by a newcomer from that description and the card titles, measured before it
  // was read: 53 / 3 on the session's start, 55 / 2 with the keywords.
  { file: "bhxh-66.tsv", lines: 60, right: 55, wrong: 2 },
  // Session 66: "vào lớp 1 chưa có giấy khai sinh" as a keyword of the late-birth guide (seen sets: +3 right, −3 wrong; five
  // seen questions got the school-enrolment card). Written by a newcomer from that description and the card titles,
  // measured before it was read: 35 / 10 on the session's start, 38 / 7 with the keyword.
  { file: "late-birth-66.tsv", lines: 60, right: 38, wrong: 7 },
  // Session 66: two newcomer reviews of the session's knowledge diff (they read only the diff and the card titles, and could
  // ask the bot). Right / wrong on the session's start → the reviewed commit → now: review-66 26 / 6 → 3 / 17 → 25 / 6;
  // review-66b 22 / 14 → 0 / 22 → 23 / 14. What they found and what changed: docs/benchmarks.md, session 66.
  { file: "review-66.tsv", lines: 40, right: 25, wrong: 6 },
  { file: "review-66b.tsv", lines: 40, right: 23, wrong: 14 },
  // Session 67: "xin bản sao giấy khai sinh nộp trường" as a keyword of the card for copies of birth certificates (set EN's
  // "xin ban sao giay khai sinh cua chau de nop truong …" got "I don't know"; seen sets +2 right). Written by a newcomer from
  // that description and the card titles, measured before it was read: 39 / 7 on the session's start and with the keyword.
  // A newcomer's review (review-67) found it taking certified copies ("chứng thực bản sao giấy khai sinh để nộp trường",
  // "sao y giay khai sinh nop truong"): dropped; 39 / 7.
  { file: "birth-copy-67.tsv", lines: 50, right: 39, wrong: 7 },
  // Session 67: a newcomer review of the session's knowledge diff (read only the diff and the card titles, and could ask the
  // bot). Right / wrong on the session's start → the reviewed commit (f71695a) → now: 28 / 7 → 17 / 7 → 29 / 6 (the bribe
  // phrases and their `unless` words, the birth-copy keyword, "mai biển động không", "có áp", "biển có động", "có áp thấp",
  // "ra khơi" dropped). What it found: docs/benchmarks.md, session 67.
  { file: "review-67.tsv", lines: 40, right: 29, wrong: 6 },
  // Session 67, the second review: 28 / 7 → 25 / 2 on f71695a (fewer wrong cards, but bribes and land questions typed with
  // a wrong tone mark, "làm biển động sổ đỏ", turned away) → 29 / 6 ("biển! động" dropped; PayGov shown when named).
  { file: "review-67b.tsv", lines: 40, right: 29, wrong: 6 },
];

let engine: Engine;
beforeAll(() => {
  engine = buildCore({ knowledgeDir: join(ROOT, "knowledge"), flowsDir: join(ROOT, "flows") }).core!.engine;
});

function read(file: string): Array<{ id: string | null; q: string }> {
  return readFileSync(join(DIR, file), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const [, id, q] = l.split("\t");
      return { id: id === "null" ? null : id!, q: q! };
    });
}

describe("routing probes keep their counts", () => {
  it("lists every probe file of the folder (a new one needs its floor here)", () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith(".tsv")).sort();
    expect(files).toEqual(PROBES.map((p) => p.file).sort());
  });

  it.each(PROBES)("$file: at least $right right, at most $wrong wrong", ({ file, lines, right, wrong }) => {
    const probe = read(file);
    expect(probe).toHaveLength(lines);
    const shown = probe.map((l) => {
      const a = engineEvalAnswer(engine, l.q);
      return { ...l, got: a.answered ? (a.ids?.[0] ?? null) : null };
    });
    const rightCount = shown.filter((l) => (l.id === null ? l.got === null : l.got === l.id)).length;
    const wrongCount = shown.filter((l) => l.got !== null && l.got !== l.id).length;
    expect(rightCount).toBeGreaterThanOrEqual(right);
    expect(wrongCount).toBeLessThanOrEqual(wrong);
  });
});
